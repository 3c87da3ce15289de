package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.io.ModelJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** train --epochs, --shuffle and the optimizers' and inits' options. */
class EpochsCommandTest {
    @TempDir
    Path dir;

    /** Seed 003's line y = 1 + 2x + noise: 100 points, the first 80 for training; x2 = 0 throughout. */
    private Path lineCsv(double[] xs, double[] ys) throws Exception {
        Random r = new Random(42);
        StringBuilder sb = new StringBuilder("x1,x2,label,split\n");
        for (int i = 0; i < 100; i++) {
            xs[i] = r.nextDouble();
            ys[i] = 1 + 2 * xs[i] + 0.1 * r.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%s,0,%s,%s%n", xs[i], ys[i], i < 80 ? "train" : "test"));
        }
        Path csv = dir.resolve("line.csv");
        Files.writeString(csv, sb.toString());
        return csv;
    }

    @Test
    void seed003LineRegressionEndsOnTheLeastSquaresLine() throws Exception {
        double[] xs = new double[100];
        double[] ys = new double[100];
        Path csv = lineCsv(xs, ys);
        Path out = dir.resolve("run");
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--data", csv.toString(), "--hidden", "0",
                "--loss", "mse", "--optimizer", "sgd", "--lr", "0.1", "--batch", "80", "--epochs", "1000",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        // the least-squares line of the 80 training points, in closed form
        double mx = 0;
        double my = 0;
        for (int i = 0; i < 80; i++) {
            mx += xs[i] / 80;
            my += ys[i] / 80;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < 80; i++) {
            sxy += (xs[i] - mx) * (ys[i] - my);
            sxx += (xs[i] - mx) * (xs[i] - mx);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        Linear lin = (Linear) ModelJson.read(out.resolve("model.json")).layers().get(0);
        assertEquals(slope, lin.weight().value().data[0], 1e-4);
        assertEquals(intercept, lin.bias().value().data[0], 1e-4);

        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals("step,train_loss,test_loss,train_acc,test_acc,epoch", metrics.get(0));
        assertEquals(1002, metrics.size(), "header, the row before training and one per epoch");
        assertTrue(metrics.get(1).startsWith("0,") && metrics.get(1).endsWith(",0"), metrics.get(1));
        assertTrue(metrics.get(2).startsWith("1,") && metrics.get(2).endsWith(",1"), "full batch: a step an epoch");
        assertTrue(metrics.get(1001).startsWith("1000,") && metrics.get(1001).endsWith(",1000"));
    }

    @Test
    void anEpochOfMiniBatchesIsCeilOfPointsOverBatch() throws Exception {
        Path out = dir.resolve("mini");
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--samples", "100", "--test-ratio", "0.2",
                "--batch", "16", "--epochs", "3", "--shuffle", "none", "--optimizer", "momentum", "--momentum", "0.5",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(5, metrics.size());
        assertTrue(metrics.get(2).startsWith("5,"), "80 points in batches of 16: 5 steps an epoch: " + metrics.get(2));
        assertTrue(metrics.get(4).startsWith("15,") && metrics.get(4).endsWith(",3"), metrics.get(4));
    }

    @Test
    void everyOptimizerTrainsFromTheCommandLine() {
        for (String opt : new String[] {"rmsprop", "adagrad", "adam"}) {
            TrainCommandTest.Result r = TrainCommandTest.run("train", "--samples", "200", "--steps", "300",
                    "--optimizer", opt, "--beta1", "0.8", "--beta2", "0.99", "--eps", "1e-6");
            assertEquals(0, r.exit(), opt + ": " + r.err());
            assertTrue(r.out().contains("optimizer=" + opt), r.out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--momentum 1", "--momentum -0.1", "--init normal:-1", "--init uniform:x",
            "--epochs 5 --steps 10", "--shuffle none", "--epochs 0", "--beta1 1", "--eps 0", "--bias-init some",
            "--shuffle sometimes --epochs 2"})
    void badValuesExitTwoWithTheReason(String args) {
        String[] words = ("train --samples 50 " + args).split(" ");
        TrainCommandTest.Result r = TrainCommandTest.run(words);
        assertEquals(2, r.exit(), args + ": " + r.err());
        assertTrue(r.err().contains("Usage"), "usage is printed: " + r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }

    @Test
    void defaultInitStartsBelowOneOnMoons() throws Exception {
        Path out = dir.resolve("start");
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--steps", "0", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        double first = Double.parseDouble(Files.readAllLines(out.resolve("metrics.csv")).get(1).split(",")[1]);
        assertTrue(first < 1.0, "the first loss with the default init: " + first);
    }
}
