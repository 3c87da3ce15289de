package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backprop.playground.engine.data.ImageSets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train and eval on the picture datasets (digits, fashion, idx) and iris beyond the plane. */
class ImageDataCommandTest {
    @TempDir
    Path dir;

    static double field(String summary, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=([0-9.]+)").matcher(summary);
        assertTrue(m.find(), name + " in " + summary);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void digitsReachNinetyFivePercentWithAdamIn3000StepsOfBatch32() throws Exception {
        Path out = dir.resolve("run");
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--dataset", "digits", "--hidden", "32", "--init", "he",
                "--optimizer", "adam", "--lr", "0.001", "--batch", "32", "--steps", "3000", "--snapshot-every", "1000",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("dataset=digits net=64-32-10"), r.out());
        assertTrue(field(r.out(), "test_acc") >= 0.95, r.out());
        // the run's files: 64 named pixel columns, no boundary picture of a plane that is not there
        String csv = Files.readString(out.resolve("dataset.csv"));
        assertTrue(csv.startsWith("px0_0,px0_1,"), csv.substring(0, 40));
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith("px7_7,label,split"));
        assertEquals(1798, csv.lines().count());
        assertFalse(Files.exists(out.resolve("boundary.png")));
        java.awt.image.BufferedImage weights = javax.imageio.ImageIO.read(out.resolve("weights.png").toFile());
        java.awt.image.BufferedImage samples = javax.imageio.ImageIO.read(out.resolve("samples.png").toFile());
        assertTrue(weights.getWidth() > 200 && samples.getWidth() > 200);
        // eval reads the model back and measures the same test accuracy
        TrainCommandTest.Result e = TrainCommandTest.run("eval", "--model", out.resolve("model.json").toString(),
                "--dataset", "digits");
        assertEquals(0, e.exit(), e.err());
        assertEquals(field(r.out(), "test_acc"), field(e.out(), "test_acc"), 1e-4, e.out());
    }

    @Test
    void theShippedFashionSubsetTrainsA784_100_10Network() throws Exception {
        // a --data-dir without the files would be an error: the shipped subset is what an absent default folder gives
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--dataset", "fashion", "--samples", "2000",
                "--hidden", "100", "--init", "he", "--lr", "0.1", "--batch", "64", "--steps", "150",
                "--snapshot-every", "150");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("net=784-100-10"), r.out());
        assertTrue(field(r.out(), "test_acc") >= 0.7, r.out());
    }

    @Test
    void theFullFashionMnistLearnsWhereInstalled() throws Exception {
        assumeTrue(ImageSets.holdsIdx(ImageSets.FASHION_DIR), "dataset-fashion-mnist is not installed");
        // a balanced 10,000 of the full set and 300 steps keep mvn verify short; 3 epochs of all of it reach 85% (README)
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--dataset", "fashion", "--samples", "10000",
                "--hidden", "100", "--init", "he", "--lr", "0.1", "--batch", "64", "--steps", "300",
                "--snapshot-every", "300");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("data=" + ImageSets.FASHION_DIR), r.out());
        assertTrue(field(r.out(), "test_acc") >= 0.75, r.out());
    }

    @Test
    void irisWithAllFourInputsReachesNinetyFivePercent() {
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--dataset", "iris", "--inputs", "all", "--hidden", "8",
                "--init", "xavier", "--optimizer", "adam", "--lr", "0.01", "--batch", "16", "--steps", "2000",
                "--test-ratio", "0");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("net=4-8-3"), r.out());
        assertTrue(field(r.out(), "train_acc") >= 0.95, r.out());
    }

    @Test
    void irisPetalFromSepalFitsTwoTargetsFarBelowTheMean() {
        // standardized targets: predicting the mean costs an MSE of 1
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--dataset", "iris", "--target", "petal", "--hidden", "8",
                "--activation", "tanh", "--init", "xavier", "--optimizer", "adam", "--lr", "0.01", "--batch", "16",
                "--steps", "2000", "--test-ratio", "0");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("dataset=iris net=2-8-2") && r.out().contains("data=iris:sepal->petal"), r.out());
        assertTrue(field(r.out(), "train_loss") < 0.25, r.out());
    }

    private static void assertUsageError(String expected, String... args) {
        TrainCommandTest.Result r = TrainCommandTest.run(args);
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void badDataOptionsExitTwoSayingWhy() throws Exception {
        assertUsageError("are functions of the plane's two inputs x1, x2; the data has 64 inputs (8x8 image)",
                "train", "--dataset", "digits", "--features", "x1,x2,x1sq", "--steps", "1");
        assertUsageError("--dataset idx needs --data-dir DIR", "train", "--dataset", "idx", "--steps", "1");
        assertUsageError("dataset-fashion-mnist", "train", "--dataset", "idx", "--data-dir",
                dir.resolve("absent").toString(), "--steps", "1");
        assertUsageError("--data-dir is the folder of fashion's or idx's files", "train", "--dataset", "moons",
                "--data-dir", dir.toString());
        assertUsageError("--inputs chooses iris's columns", "train", "--dataset", "digits", "--inputs", "all");
        assertUsageError("--classes is for spiral and blobs; digits has its own classes", "train", "--dataset",
                "digits", "--classes", "5");
        Files.write(dir.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        Files.write(dir.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), new byte[0]);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), new byte[0]);
        assertUsageError("magic number 0x00000801, expected 0x00000803", "train", "--dataset", "idx", "--data-dir",
                dir.toString(), "--steps", "1");
    }
}
