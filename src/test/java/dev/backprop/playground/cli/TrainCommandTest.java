package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.io.ModelJson;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class TrainCommandTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = PlaygroundCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void seedRunReachesNinetySevenPercentAndWritesEveryFile() throws Exception {
        Result r = run("train", "--dataset", "moons", "--samples", "2000", "--noise", "0.1", "--test-ratio", "0",
                "--hidden", "50", "--lr", "0.01", "--batch", "1", "--steps", "10000", "--seed", "1",
                "--init", "normal", "--out", dir.toString()); // seed 000's run, its randn init included
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, r.out().strip().lines().count(), "one summary line: " + r.out());
        assertTrue(r.err().contains("writing the run's files to " + dir.toAbsolutePath()
                + ": dataset.csv metrics.csv model.json boundary.png graph.svg\nwrote "), "each file named as begun: " + r.err());

        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals("step,train_loss,test_loss,train_acc,test_acc", metrics.get(0));
        assertEquals(42, metrics.size(), "header + step 0 + 40 snapshots");
        assertTrue(metrics.get(1).startsWith("0,"));
        String[] last = metrics.get(41).split(",", -1);
        assertEquals("10000", last[0]);
        assertTrue(Double.parseDouble(last[3]) >= 0.97, "train accuracy " + last[3]);
        assertEquals("", last[2], "no test set, no test loss");
        assertTrue(r.out().contains("train_acc=" + String.format(java.util.Locale.ROOT, "%.4f",
                Double.parseDouble(last[3]))));

        List<String> data = Files.readAllLines(dir.resolve("dataset.csv"));
        assertEquals("x1,x2,label,split", data.get(0));
        assertEquals(2001, data.size());
        assertTrue(data.stream().skip(1).allMatch(l -> l.endsWith(",train")));

        // the model parses back and predicts what the run measured
        Sequential net = ModelJson.read(dir.resolve("model.json"));
        assertEquals(4, net.layers().size());
        DMatrixRMaj x = new DMatrixRMaj(2000, 2);
        DMatrixRMaj y = new DMatrixRMaj(2000, 1);
        for (int i = 0; i < 2000; i++) {
            String[] f = data.get(i + 1).split(",");
            x.set(i, 0, Double.parseDouble(f[0]));
            x.set(i, 1, Double.parseDouble(f[1]));
            y.set(i, 0, Double.parseDouble(f[2]));
        }
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        net.predict(x, out);
        int correct = 0;
        for (int i = 0; i < 2000; i++) {
            correct += (out.get(i) > 0.5 ? 1 : 0) == (int) y.get(i) ? 1 : 0;
        }
        assertEquals(Double.parseDouble(last[3]), correct / 2000.0, 1e-12);

        BufferedImage png = ImageIO.read(dir.resolve("boundary.png").toFile());
        assertTrue(png.getWidth() > TrainRun.BOUNDARY_PIXELS + 100, "the grid, a pixel a cell, plus axis and legend margins");
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().endsWith(".part")));
    }

    @Test
    void modelJsonHasTheDocumentedLayout() throws Exception {
        assertEquals(0, run("train", "--hidden", "3,2", "--activation", "tanh", "--steps", "10", "--samples", "50",
                "--out", dir.toString()).exit());
        var root = com.google.gson.JsonParser.parseString(Files.readString(dir.resolve("model.json"))).getAsJsonObject();
        assertEquals("bce", root.get("loss").getAsString());
        var layers = root.getAsJsonArray("layers");
        String[] types = new String[layers.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = layers.get(i).getAsJsonObject().get("type").getAsString();
        }
        assertArrayEquals(new String[] {"linear", "tanh", "linear", "tanh", "linear", "sigmoid"}, types);
        var first = layers.get(0).getAsJsonObject();
        assertEquals(2, first.get("in").getAsInt());
        assertEquals(3, first.get("out").getAsInt());
        assertEquals(2, first.getAsJsonArray("W").size(), "W has `in` rows");
        assertEquals(3, first.getAsJsonArray("W").get(0).getAsJsonArray().size(), "of `out` values");
        assertEquals(3, first.getAsJsonArray("b").size());
    }

    @Test
    void testSplitAndSnapshotsAreReported() throws Exception {
        Result r = run("train", "--samples", "500", "--test-ratio", "0.3", "--steps", "1000", "--snapshot-every",
                "100", "--batch", "16", "--optimizer", "adam", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals(12, metrics.size());
        String[] last = metrics.get(11).split(",", -1);
        assertTrue(Double.parseDouble(last[4]) > 0.8, "test accuracy " + last[4]);
        long tests = Files.readAllLines(dir.resolve("dataset.csv")).stream().filter(l -> l.endsWith(",test")).count();
        assertEquals(150, tests);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--dataset=banana", "--lr=-0.1", "--lr=0", "--hidden=16,0", "--samples=1",
        "--test-ratio=0.95", "--test-ratio=-0.1", "--batch=0", "--optimizer=lbfgs", "--activation=gelu",
        "--bogus", "--steps=ten"})
    void badOptionsPrintAMessageAndUsageAndExitTwo(String option) {
        Result r = run("train", option, "--out", dir.resolve("never").toString());
        assertEquals(2, r.exit(), option);
        assertTrue(r.err().contains("Usage:"), "usage shown for " + option + ": " + r.err());
        assertTrue(r.out().isEmpty());
        assertTrue(Files.notExists(dir.resolve("never")), "nothing written");
    }

    @Test
    void messagesNameTheProblem() {
        assertTrue(run("train", "--dataset", "banana").err().contains("unknown dataset 'banana'"));
        assertTrue(run("train", "--test-ratio", "0.95").err().contains("--test-ratio must be in [0, 0.9]"));
        assertTrue(run("train", "--hidden", "0,5").err().contains("hidden layer sizes must be 1 to 4096"));
    }

    @Test
    void aDivergingRunStopsSaysWhereAndStillWrites() throws Exception {
        // lr 10 throws the ReLU net into saturation: every point one class, loss stuck near 11.7
        Result r = run("train", "--lr", "10", "--steps", "5000", "--samples", "200", "--out", dir.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("diverged at step"), r.err());
        assertTrue(r.err().contains("Try a smaller --lr"), r.err());
        assertTrue(r.out().contains("diverged_at="), r.out());
        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        assertTrue(metrics.size() >= 2 && metrics.size() < 22, "stopped early: " + metrics.size() + " rows");
        assertTrue(Files.exists(dir.resolve("model.json")));
        assertTrue(Files.exists(dir.resolve("boundary.png")));
    }

    @Test
    void aRunShorterThanOneSnapshotStillEndsWithItsLastStep() throws Exception {
        Result r = run("train", "--steps", "100", "--samples", "200", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals(3, metrics.size(), "header, step 0, step 100");
        assertTrue(metrics.get(2).startsWith("100,"));
        assertTrue(r.out().contains(" steps=100 "), r.out());
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(2, run().exit());
    }
}
