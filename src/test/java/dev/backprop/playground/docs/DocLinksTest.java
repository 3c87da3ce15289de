package dev.backprop.playground.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every relative link and image in README.md and docs/*.md names a file that is in the repository. */
class DocLinksTest {

    // [text](target) and ![alt](target); the target ends at the first space or ')'
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)[^)]*\\)");

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(Path.of("README.md"));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** The link targets of {@code markdown} outside fenced code blocks (code shows syntax, not links). */
    static List<String> linkTargets(String markdown) {
        List<String> targets = new ArrayList<>();
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) continue;
            Matcher m = LINK.matcher(line);
            while (m.find()) targets.add(m.group(1));
        }
        return targets;
    }

    /** GitHub's anchors for the headings of {@code markdown}: lower case, punctuation dropped, spaces to '-'. */
    static List<String> anchors(String markdown) {
        List<String> anchors = new ArrayList<>();
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) inFence = !inFence;
            if (inFence || !line.startsWith("#")) continue;
            String title = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(java.util.Locale.ROOT);
            anchors.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }

    static boolean isExternal(String target) {
        return target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("#");
    }

    @Test
    void everyRelativeLinkResolvesToAFile() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : documents()) {
            String text = Files.readString(doc);
            for (String target : linkTargets(text)) {
                if (target.startsWith("#") && !anchors(text).contains(target.substring(1))) {
                    broken.add(doc + ": " + target + " (no such heading)");
                }
                if (isExternal(target)) continue;
                String file = target.replaceFirst("#.*$", "");
                Path resolved = doc.toAbsolutePath().getParent().resolve(file).normalize();
                checked++;
                if (!Files.exists(resolved)) {
                    broken.add(doc + ": " + target);
                } else if (target.contains("#") && resolved.toString().endsWith(".md")
                        && !anchors(Files.readString(resolved)).contains(target.substring(target.indexOf('#') + 1))) {
                    broken.add(doc + ": " + target + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken, "links that name no file in the repository");
        assertTrue(checked >= 10, "the README and docs link into docs/ and assets/: found only " + checked);
    }

    @Test
    void theReadmeLinksEveryDocument() throws IOException {
        List<String> readmeTargets = linkTargets(Files.readString(Path.of("README.md")));
        for (Path doc : documents()) {
            if (doc.equals(Path.of("README.md"))) continue;
            String relative = "docs/" + doc.getFileName();
            assertTrue(readmeTargets.stream().anyMatch(t -> t.replaceFirst("#.*$", "").equals(relative)),
                    "README.md does not link " + relative);
        }
    }

    @Test
    void theLinkScannerFindsLinksAndSkipsCode() {
        String md = "see [a](docs/a.md#x) and ![pic](assets/p.png \"title\")\n```\n[not](b.md)\n```\n[web](https://x.org)";
        assertEquals(List.of("docs/a.md#x", "assets/p.png", "https://x.org"), linkTargets(md));
        assertTrue(isExternal("https://x.org"));
        assertTrue(isExternal("#the-app"));
        assertEquals(List.of("the-app---speed---play", "train-a-network-headless", "keyboard"),
                anchors("## The app: `--speed`, `--play`\n```\n# code\n```\n## `train`: a network, headless\n### Keyboard"));
    }
}
