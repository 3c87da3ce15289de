package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.junit.jupiter.api.Test;

/** The docs the jar carries for Help > User guide, and how a page's links resolve among them. */
class GuideDocsTest {
    @Test
    void everyPageOfDocsIsAPageOfTheGuide() throws IOException {
        List<String> inRepository = new ArrayList<>(List.of("README.md"));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            files.map(p -> "docs/" + p.getFileName()).filter(p -> p.endsWith(".md")).sorted().forEach(inRepository::add);
        }
        List<String> inGuide = GuideDocs.PAGES.stream().map(GuideDocs.Page::path).sorted().toList();
        assertEquals(inRepository.stream().sorted().toList(), inGuide);
        for (String page : inGuide) {
            assertEquals(Files.readString(Path.of(page)), GuideDocs.read(page), page + " is bundled as it is in the repository");
        }
    }

    @Test
    void linksResolveAgainstThePageTheyAreWrittenIn() {
        assertEquals(new GuideDocs.Target("docs/cli.md", "eval-a-saved-model"),
                GuideDocs.resolve("docs/user-guide.md", "cli.md#eval-a-saved-model"));
        assertEquals(new GuideDocs.Target("README.md", "where-it-comes-from"),
                GuideDocs.resolve("docs/user-guide.md", "../README.md#where-it-comes-from"));
        assertEquals(new GuideDocs.Target("docs/user-guide.md", "keyboard"),
                GuideDocs.resolve("README.md", "docs/user-guide.md#keyboard"));
        assertEquals(new GuideDocs.Target("docs/cli.md", "train-a-network-headless"),
                GuideDocs.resolve("docs/cli.md", "#train-a-network-headless"));
        assertEquals(new GuideDocs.Target("assets/perceptron.png", null), GuideDocs.resolve("docs/user-guide.md", "../assets/perceptron.png"));
        assertNull(GuideDocs.url("../outside.md"), "nothing above the repository's root");
        assertTrue(GuideDocs.isWeb("https://github.com/karpathy/micrograd"));
        assertFalse(GuideDocs.isWeb("cli.md"));
    }

    /** The pom bundles exactly what the pages link: every page and picture a page names is in the jar. */
    @Test
    void everyRelativeLinkOfABundledPageNamesABundledFile() throws IOException {
        List<String> missing = new ArrayList<>();
        int links = 0;
        for (GuideDocs.Page page : GuideDocs.PAGES) {
            List<String> targets = new ArrayList<>();
            MarkdownView.parse(GuideDocs.read(page.path())).accept(new AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    targets.add(link.getDestination());
                    visitChildren(link);
                }

                @Override
                public void visit(Image image) {
                    targets.add(image.getDestination());
                }
            });
            for (String href : targets) {
                if (GuideDocs.isWeb(href)) {
                    continue;
                }
                links++;
                GuideDocs.Target t = GuideDocs.resolve(page.path(), href);
                if (GuideDocs.url(t.path()) == null) {
                    missing.add(page.path() + ": " + href);
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(links > 40, "the pages link each other and their pictures: found " + links);
    }

    @Test
    void aPngsSizeIsReadFromItsHeader() throws IOException {
        assertEquals(new GuideDocs.Picture(GuideDocs.url("assets/icon-256.png"), 256, 256), GuideDocs.picture("assets/icon-256.png"));
        GuideDocs.Picture window = GuideDocs.picture("assets/window-1280x800-light-launch.png");
        assertEquals(List.of(1280, 800), List.of(window.width(), window.height()), "the screenshot of a 1280x800 screen");
        assertNull(GuideDocs.picture("README.md"), "not a PNG");
        assertNull(GuideDocs.picture("assets/no-such.png"));
    }

    @Test
    void headingsGetGitHubsAnchors() {
        assertEquals("the-app---speed---play", MarkdownView.slug("The app: --speed, --play"));
        assertEquals("optimizers-inits-and-the-single-neuron", MarkdownView.slug("Optimizers, inits and the single neuron"));
        assertEquals("the-menus-file-view-help", MarkdownView.slug("The menus: File, View, Help"));
        assertEquals("train-a-network-headless",
                MarkdownView.slug(MarkdownView.plainText(MarkdownView.parse("## `train`: a network, headless").getFirstChild())));
    }
}
