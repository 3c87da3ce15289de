package dev.backprop.playground.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputSetTest {
    @TempDir
    Path dir;

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailureBeforeTheCommitLeavesTheOlderSetAndNoTemporaryFile() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "old a");
        Files.writeString(dir.resolve("b.txt"), "old b");
        assertThrows(OutOfMemoryError.class, () -> {
            try (OutputSet set = OutputSet.begin(dir, List.of("a.txt", "b.txt"))) {
                AtomicFile.writeString(set.staged("a.txt"), "new a");
                AtomicFile.write(set.staged("b.txt"), out -> {
                    out.write(1);
                    throw new OutOfMemoryError("simulated"); // an Error mid-write, as a huge boundary.png would
                });
            }
        });
        assertEquals(List.of("a.txt", "b.txt"), names());
        assertEquals("old a", Files.readString(dir.resolve("a.txt")));
    }

    @Test
    void aCommitReplacesTheWholeSetAndRemovesStaleMembers() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "old a");
        Files.writeString(dir.resolve("b.txt"), "old b");
        Files.writeString(dir.resolve("mine.txt"), "not in the set");
        try (OutputSet set = OutputSet.begin(dir, List.of("a.txt", "b.txt"))) {
            AtomicFile.writeString(set.staged("a.txt"), "new a");
            set.commit();
        }
        assertEquals(List.of("a.txt", "mine.txt"), names(), "b.txt of the older run is gone");
        assertEquals("new a", Files.readString(dir.resolve("a.txt")));
        assertFalse(Files.exists(dir.resolve("b.txt")));
    }
}
