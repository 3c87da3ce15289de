package dev.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine knows nothing about the UI: no JavaFX, AWT, Swing or GraphStream import under engine/. */
class EngineIndependenceTest {
    private static final Path ENGINE = Path.of("src/main/java/dev/backprop/playground/engine");

    @Test
    void engineSourcesImportNoUiToolkit() throws IOException {
        assertTrue(Files.isDirectory(ENGINE), "run from the project root");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(ENGINE)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> lines(p).stream()
                            .filter(l -> l.matches("import (static )?(javafx|java\\.awt|javax\\.swing|org\\.graphstream|"
                                    + "dev\\.backprop\\.playground\\.(ui|train|graph|cli))\\..*"))
                            .map(l -> ENGINE.relativize(p) + ": " + l))
                    .collect(Collectors.toList());
        }
        assertEquals(List.of(), offenders);
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
