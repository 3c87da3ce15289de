package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Parameter;
import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.io.ModelJson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --accumulate N: the gradients of N mini-batches summed into each update. */
class AccumulateCommandTest {
    @TempDir
    Path dir;

    private List<Parameter> trainedWeights(String name, String... options) throws Exception {
        Path out = dir.resolve(name);
        String[] common = {"train", "--samples", "400", "--seed", "5", "--lr", "0.1", "--steps", "4", "--out", out.toString()};
        String[] args = new String[common.length + options.length];
        System.arraycopy(common, 0, args, 0, common.length);
        System.arraycopy(options, 0, args, common.length, options.length);
        TrainCommandTest.Result r = TrainCommandTest.run(args);
        assertEquals(0, r.exit(), r.err());
        Sequential net = ModelJson.read(out.resolve("model.json"));
        return net.parameters();
    }

    @Test
    void fourBatchesOfEightGiveTheWeightsOfOneBatchOfThirtyTwo() throws Exception {
        List<Parameter> accumulated = trainedWeights("acc", "--accumulate", "4", "--batch", "8");
        List<Parameter> large = trainedWeights("large", "--batch", "32");
        List<Parameter> small = trainedWeights("small", "--batch", "8");
        for (int i = 0; i < large.size(); i++) {
            assertArrayEquals(large.get(i).value().data, accumulated.get(i).value().data, 1e-9, large.get(i).name());
        }
        double diff = 0;
        for (int i = 0; i < small.size(); i++) {
            for (int j = 0; j < small.get(i).value().data.length; j++) {
                diff += Math.abs(small.get(i).value().data[j] - large.get(i).value().data[j]);
            }
        }
        assertTrue(diff > 1e-3, "without --accumulate, four steps of 8 are not the same run: " + diff);
    }

    @Test
    void aBadCountPrintsUsageAndExitsTwo() {
        for (String n : new String[] {"0", "1025", "x"}) {
            TrainCommandTest.Result r = TrainCommandTest.run("train", "--accumulate", n, "--steps", "1");
            assertEquals(2, r.exit(), n);
            assertTrue(r.err().contains("Usage:"), r.err());
        }
    }
}
