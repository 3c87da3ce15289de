package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.IrisTables;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.io.ModelJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train and eval on CSVs of any width and several targets, and the model.json that records their inputs. */
class WideDataCommandTest {
    @TempDir
    Path dir;

    /** The 150 iris flowers, all four measurements standardized, as a CSV with its own column names. */
    private Path irisCsv() throws Exception {
        Dataset iris = IrisTables.allInputs();
        StringBuilder sb = new StringBuilder("sepal_length,sepal_width,petal_length,petal_width,label\n");
        for (int i = 0; i < iris.size(); i++) {
            for (int c = 0; c < 4; c++) {
                sb.append(iris.features().get(i, c)).append(',');
            }
            sb.append(iris.label(i)).append('\n');
        }
        Path f = dir.resolve("iris4.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void aFourInputIrisCsvReachesNinetyFivePercentAndItsModelNamesItsInputs() throws Exception {
        Path out = dir.resolve("run");
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--data", irisCsv().toString(), "--hidden", "8",
                "--init", "xavier", "--optimizer", "adam", "--lr", "0.01", "--batch", "16", "--steps", "2000",
                "--test-ratio", "0", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("net=4-8-3"), r.out());
        assertTrue(ImageDataCommandTest.field(r.out(), "train_acc") >= 0.95, r.out());
        Sequential net = ModelJson.read(out.resolve("model.json"));
        assertEquals(java.util.List.of("sepal_length", "sepal_width", "petal_length", "petal_width"),
                net.features().inputs().names());
        assertEquals(4, net.inputSize());
        // eval on the run's own dataset.csv measures what train measured
        TrainCommandTest.Result e = TrainCommandTest.run("eval", "--model", out.resolve("model.json").toString(),
                "--data", out.resolve("dataset.csv").toString());
        assertEquals(0, e.exit(), e.err());
        assertEquals(ImageDataCommandTest.field(r.out(), "train_acc"), ImageDataCommandTest.field(e.out(), "accuracy"),
                1e-4, e.out());
    }

    @Test
    void aTwoTargetRegressionCsvFitsFarBelowPredictingTheMean() throws Exception {
        // y1 = a + b, y2 = a * b on [-1, 1]^2; the mean predictor's MSE is the targets' mean variance
        Random random = new Random(4);
        StringBuilder sb = new StringBuilder("a,b,y1,y2\n");
        double[][] ys = new double[400][];
        for (int i = 0; i < 400; i++) {
            double a = 2 * random.nextDouble() - 1;
            double b = 2 * random.nextDouble() - 1;
            ys[i] = new double[] {a + b, a * b};
            sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s%n", a, b, ys[i][0], ys[i][1]));
        }
        double variance = 0;
        for (int k = 0; k < 2; k++) {
            double mean = 0;
            for (double[] y : ys) {
                mean += y[k] / ys.length;
            }
            for (double[] y : ys) {
                variance += (y[k] - mean) * (y[k] - mean) / ys.length / 2;
            }
        }
        Path f = dir.resolve("two.csv");
        Files.writeString(f, sb);
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--data", f.toString(), "--hidden", "16",
                "--activation", "tanh", "--init", "xavier", "--optimizer", "adam", "--lr", "0.01", "--batch", "32",
                "--steps", "3000", "--test-ratio", "0");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("net=2-16-2"), r.out());
        double mse = ImageDataCommandTest.field(r.out(), "train_loss");
        assertTrue(mse < variance / 20, "MSE " + mse + " against the mean's " + variance);
    }

    @Test
    void aModelOfAnotherWidthIsAModelJsonError() throws Exception {
        Path out = dir.resolve("digits");
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--dataset", "digits", "--hidden", "0", "--steps", "1",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        TrainCommandTest.Result e = TrainCommandTest.run("eval", "--model", out.resolve("model.json").toString(),
                "--dataset", "moons");
        assertEquals(2, e.exit());
        assertTrue(e.err().contains("model.json: the model takes 64 inputs, the data has 2"), e.err());
        Sequential net = ModelJson.read(out.resolve("model.json"));
        assertEquals(8, net.features().inputs().shape()[0]);
        assertEquals("px7_7", net.features().inputs().name(63));
    }
}
