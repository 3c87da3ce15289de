package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --checkpoint-every}: its limits, and a later run's set replacing an earlier run's checkpoints. */
class CheckpointOptionTest {
    @TempDir
    Path dir;

    @Test
    void checkpointsNeedAnOutputFolderAndAReasonableCount() {
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--steps", "10", "--checkpoint-every", "5");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--checkpoint-every needs --out DIR"), r.err());
        r = TrainCommandTest.run("train", "--steps", "10", "--checkpoint-every", "0", "--out", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--checkpoint-every must be at least 1, got 0"), r.err());
        r = TrainCommandTest.run("train", "--steps", "1000000", "--checkpoint-every", "10", "--out", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("at most 10,000 (raise N)"), r.err());
        assertFalse(Files.exists(dir.resolve("checkpoints")));
    }

    @Test
    void aRunWithoutCheckpointsRemovesAnEarlierRunsCheckpoints() throws Exception {
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--samples", "100", "--hidden", "3", "--steps", "40",
                "--checkpoint-every", "20", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(dir.resolve("checkpoints/step-40.json")));
        r = TrainCommandTest.run("train", "--samples", "100", "--hidden", "3", "--steps", "40", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.exists(dir.resolve("checkpoints")), "the folder holds one run's set");
        try (var left = Files.list(dir)) {
            assertEquals(5, left.count(), "no staging folder left behind");
        }
    }
}
