package dev.backprop.playground.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** The pid of a process that has ended, as a SIGKILLed run's. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void aRunKilledInTheMiddleOfItsCommitIsFinishedByTheNextRun() throws Exception {
        // killed after moving a.txt aside, before moving anything in: b.txt and the old folder c are still here
        Files.writeString(dir.resolve("b.txt"), "old b");
        Files.createDirectories(dir.resolve("c")).resolve("x").toFile().createNewFile();
        Path staging = Files.createDirectory(dir.resolve(".run-" + deadPid() + "-7.part"));
        Files.createDirectories(staging.resolve(".previous"));
        Files.writeString(staging.resolve(".previous/a.txt"), "old a");
        Files.writeString(staging.resolve("a.txt"), "new a");
        Files.writeString(staging.resolve("b.txt"), "new b");
        Files.writeString(staging.resolve(OutputSet.COMMIT_LIST), "a.txt\nb.txt\n");
        try (OutputSet set = OutputSet.begin(dir, List.of("a.txt", "b.txt", "c"))) {
            assertEquals("new a", Files.readString(dir.resolve("a.txt")));
            assertEquals("new b", Files.readString(dir.resolve("b.txt")));
            assertFalse(Files.exists(dir.resolve("c")), "c was not in the new set");
            assertFalse(Files.exists(staging));
        }
        assertEquals(List.of("a.txt", "b.txt"), names());
    }

    @Test
    void aRunKilledHalfWayThroughMovingInKeepsWhatItMovedIn() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "new a"); // already moved in
        Files.writeString(dir.resolve("b.txt"), "old b");
        Path staging = Files.createDirectory(dir.resolve(".run-" + deadPid() + "-8.part"));
        Files.writeString(staging.resolve("b.txt"), "new b");
        Files.writeString(staging.resolve(OutputSet.COMMIT_LIST), "a.txt\nb.txt\n");
        OutputSet.begin(dir, List.of("a.txt", "b.txt")).close();
        assertEquals("new a", Files.readString(dir.resolve("a.txt")));
        assertEquals("new b", Files.readString(dir.resolve("b.txt")));
        assertEquals(List.of("a.txt", "b.txt"), names());
    }

    @Test
    void aKilledRunThatNeverReachedItsCommitLeavesTheOldSetAndItsStagingIsRemoved() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "old a");
        Path staging = Files.createDirectory(dir.resolve(".run-" + deadPid() + "-9.part"));
        Files.writeString(staging.resolve("a.txt"), "half of a new a");
        Path live = Files.createDirectory(dir.resolve(".run-" + ProcessHandle.current().pid() + "-9.part"));
        OutputSet.begin(dir, List.of("a.txt")).close();
        assertEquals("old a", Files.readString(dir.resolve("a.txt")));
        assertFalse(Files.exists(staging));
        assertTrue(Files.exists(live), "a living process's staging folder is its own");
    }
}
