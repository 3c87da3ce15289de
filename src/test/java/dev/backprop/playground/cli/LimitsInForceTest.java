package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.io.Experiment;
import dev.backprop.playground.io.ExperimentFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 28's limits that overflowed or were checked against the wrong values: each is a usage error now. */
class LimitsInForceTest {
    @TempDir
    Path dir;

    private static void assertRefused(TrainCommandTest.Result r, String expected) {
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void theCheckpointCountDoesNotOverflowAtTheLargestStepCount() {
        assertRefused(TrainCommandTest.run("train", "--steps", "9223372036854775807", "--checkpoint-every", "1",
                "--out", dir.toString()), "metrics rows for 9,223,372,036,854,775,807 steps: at most 1,000,000");
        assertRefused(TrainCommandTest.run("train", "--steps", "1000000000000000", "--snapshot-every", "2000000000",
                "--checkpoint-every", "1", "--out", dir.toString()), "at most 10,000 (raise N)");
        assertTrue(CheckpointWriter.problem(1, Long.MAX_VALUE).contains("at most 10,000"), "it overflowed to negative");
        assertFalse(Files.exists(dir.resolve("checkpoints")));
        assertEquals(null, CheckpointWriter.problem(Long.MAX_VALUE, Long.MAX_VALUE), "two files: step 0 and the last");
        assertEquals(null, CheckpointWriter.problem(1, 9_998));
        assertTrue(CheckpointWriter.problem(1, 9_999).contains("10,001 checkpoints"));
    }

    @Test
    void theCheckpointCountUsesTheExperimentsSteps() throws Exception {
        Path file = dir.resolve("e.bpg.json");
        TrainingConfig c = TrainingConfig.defaults();
        c = new TrainingConfig(c.dataset(), 100, c.noise(), c.testRatio(), c.seed(), c.network(), c.optimizer(),
                c.learningRate(), c.batchSize(), 20_000, c.snapshotEvery(), c.classes(), c.regularization(),
                c.regularizationRate());
        ExperimentFile.write(file, new Experiment(c, null, null, Map.of()));
        assertRefused(TrainCommandTest.run("train", "--experiment", file.toString(), "--checkpoint-every", "1",
                "--out", dir.resolve("out").toString()), "for 20,000 steps");
    }

    @Test
    void metricsRowsAreBoundedBeforeTraining() {
        assertRefused(TrainCommandTest.run("train", "--snapshot-every", "1", "--steps", "1000000000"),
                "at most 1,000,000 (raise --snapshot-every to 1,001 or more)");
        assertEquals(null, MetricsRows.problem(999_998, 1));
        assertTrue(MetricsRows.problem(999_999, 1) != null);
    }

    @Test
    void theNextCheckpointStepNeverOverflows() throws Exception {
        CheckpointWriter w = new CheckpointWriter(dir.resolve("c"), Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE - 1, w.next(0));
        assertEquals(Long.MAX_VALUE, w.next(Long.MAX_VALUE - 1), "past the range: the last step");
        assertEquals(30, new CheckpointWriter(dir.resolve("d"), 10, 35).next(25));
    }

    @Test
    void optionsThatWouldBeSilentlyDroppedAreUsageErrors() throws Exception {
        assertRefused(TrainCommandTest.run("train", "--features", "x1,x2", "--features", "x1sq"),
                "--features is given more than once");
        assertRefused(TrainCommandTest.run("train", "--reg-rate", "0.1"), "give --reg l1 or --reg l2 with it");
        assertRefused(TrainCommandTest.run("train", "--dataset", "iris", "--samples", "151"), "iris has 150 flowers");
        Path csv = dir.resolve("p.csv");
        Files.writeString(csv, "x1,x2,label\n0,0,0\n1,1,1\n");
        Path model = dir.resolve("m");
        assertEquals(0, TrainCommandTest.run("train", "--steps", "1", "--samples", "20", "--hidden", "2", "--out",
                model.toString()).exit());
        assertRefused(TrainCommandTest.run("eval", "--model", model.resolve("model.json").toString(), "--data",
                csv.toString(), "--dataset", "circles"), "--dataset describes generated data; --data gives the points");
        assertEquals(0, TrainCommandTest.run("eval", "--model", model.resolve("model.json").toString(), "--data",
                csv.toString()).exit());
    }

    @Test
    void evalStatesItsWorkLimitInsteadOfRunningForAnHour() throws Exception {
        Path model = dir.resolve("wide");
        assertEquals(0, TrainCommandTest.run("train", "--steps", "0", "--samples", "20", "--hidden", "700,700",
                "--out", model.toString()).exit());
        // 493,501 parameters x 1,000,000 points = 4.9e11 multiply-adds
        assertRefused(TrainCommandTest.run("eval", "--model", model.resolve("model.json").toString(), "--samples",
                "1000000"), "eval does at most 2e+11");
    }
}
