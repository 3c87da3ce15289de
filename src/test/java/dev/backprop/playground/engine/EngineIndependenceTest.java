package dev.backprop.playground.engine;

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

/**
 * The engine knows nothing about the UI: no JavaFX, AWT, Swing or GraphStream name under engine/,
 * neither imported nor written out in full in the code ({@code javafx.scene.paint.Color.RED}), nor any
 * of the app's outer packages (ui, train, graph, cli). Comments may name them.
 */
class EngineIndependenceTest {
    private static final Path ENGINE = Path.of("src/main/java/dev/backprop/playground/engine");
    /** A forbidden package's name followed by a dot: in an import or spelled out in an expression. */
    static final Pattern UI_NAME = Pattern.compile("(?<![\\w.])(javafx|java\\.awt|javax\\.swing|org\\.graphstream|"
            + "dev\\.backprop\\.playground\\.(ui|train|graph|cli))\\.[\\w.]*");

    @Test
    void engineSourcesNameNoUiToolkit() throws IOException {
        assertTrue(Files.isDirectory(ENGINE), "run from the project root");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ENGINE)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                offenders.addAll(offences(ENGINE.relativize(p).toString(), Files.readString(p)));
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void aFullyQualifiedNameIsCaughtAsAnImportIs() {
        String source = "package x;\n/** Drawn with javafx.scene.paint.Color, in a comment: fine. */\nclass A {\n"
                + "    Object c = javafx.scene.paint.Color.RED; // caught\n"
                + "    String s = \"org.graphstream.graph.Graph\"; // a string: fine\n"
                + "    dev.backprop.playground.train.Snapshot s2; // caught\n}\n";
        List<String> found = offences("A.java", source);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).contains("javafx.scene.paint.Color.RED"), found.toString());
        assertTrue(found.get(1).contains("dev.backprop.playground.train.Snapshot"), found.toString());
        assertEquals(1, offences("B.java", "import java.awt.Color;\nclass B {}\n").size());
        assertEquals(0, offences("C.java", "import java.util.List;\nclass C { my.javafx.Thing t; }\n").size());
    }

    /** The forbidden names {@code source} uses in code (comments and string literals removed first). */
    static List<String> offences(String file, String source) {
        List<String> found = new ArrayList<>();
        String[] lines = codeOnly(source).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = UI_NAME.matcher(lines[i]);
            while (m.find()) {
                found.add(file + ":" + (i + 1) + ": " + m.group());
            }
        }
        return found;
    }

    /** {@code source} with comments and string and char literals blanked, line breaks kept. */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(c).append(c);
                i = Math.min(source.length(), j + 1);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
