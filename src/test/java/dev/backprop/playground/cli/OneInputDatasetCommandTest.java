package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.io.ModelJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --dataset line and quadratic: the notebooks' one-input regressions. */
class OneInputDatasetCommandTest {
    @TempDir
    Path dir;

    @Test
    void seed003sLineRegressionEndsOnTheLeastSquaresLineOfItsData() throws Exception {
        Path out = dir.resolve("line");
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--dataset", "line", "--hidden", "0", "--loss", "mse",
                "--optimizer", "sgd", "--lr", "0.1", "--batch", "80", "--epochs", "1000", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        DataSplit data = DatasetKind.LINE.split(0.1);
        double n = data.train().size();
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += data.train().x1(i) / n;
            my += data.train().labels().get(i, 0) / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = data.train().x1(i) - mx;
            sxy += dx * (data.train().labels().get(i, 0) - my);
            sxx += dx * dx;
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        // seed 003's own answer (numpy's lstsq on its 80 training points): b = 1.02354, w = 1.96896
        assertEquals(1.96896, slope, 1e-5);
        assertEquals(1.02354, intercept, 1e-5);
        Linear lin = (Linear) ModelJson.read(out.resolve("model.json")).layers().get(0);
        assertEquals(1, lin.weight().value().data.length, "one input, one weight");
        assertEquals(slope, lin.weight().value().data[0], 1e-4);
        assertEquals(intercept, lin.bias().value().data[0], 1e-4);
        List<String> rows = Files.readAllLines(out.resolve("dataset.csv"));
        assertEquals(101, rows.size(), "header and the 100 points");
    }

    @Test
    void quadraticTrainsOnItsTwentySixPoints() throws Exception {
        Path out = dir.resolve("quad");
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--dataset", "quadratic", "--hidden", "16",
                "--activation", "tanh", "--loss", "mse", "--optimizer", "adam", "--lr", "0.05", "--batch", "26",
                "--epochs", "5", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(7, metrics.size(), "header, the row before training and one per epoch: full batch");
    }

    @Test
    void theNotebooksSplitCannotBeResized() {
        for (String[] bad : List.of(new String[] {"--samples", "50"}, new String[] {"--test-ratio", "0.5"},
                new String[] {"--classes", "3"})) {
            TrainCommandTest.Result r = TrainCommandTest.run("train", "--dataset", "line", bad[0], bad[1]);
            assertEquals(2, r.exit(), String.join(" ", bad));
            assertTrue(r.err().contains(bad[0]), r.err());
        }
    }
}
