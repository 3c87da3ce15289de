package dev.backprop.playground.cli;

import static dev.backprop.playground.cli.TrainCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.io.ModelJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train and eval with every head, features, penalties and no hidden layer: the contract. */
class HeadsCommandTest {
    @TempDir
    Path dir;

    private static String[] lastMetrics(Path dir) throws Exception {
        List<String> rows = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals("step,train_loss,test_loss,train_acc,test_acc", rows.get(0));
        return rows.get(rows.size() - 1).split(",", -1);
    }

    @Test
    void aThreeArmSpiralIsLearnedBySoftmaxCrossEntropy() throws Exception {
        TrainCommandTest.Result r = run("train", "--dataset", "spiral", "--classes", "3", "--noise", "0",
                "--samples", "600", "--test-ratio", "0", "--hidden", "32,32", "--optimizer", "adam", "--lr", "0.01",
                "--batch", "32", "--steps", "6000", "--seed", "1", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        String[] last = lastMetrics(dir);
        assertTrue(Double.parseDouble(last[3]) >= 0.95, "train accuracy " + last[3]);
        assertTrue(r.out().contains("net=2-32-32-3"), r.out());
        String model = Files.readString(dir.resolve("model.json"));
        assertTrue(model.contains("{\"type\":\"softmax\"}") && model.contains("\"loss\":\"ce\"")
                && model.contains("\"features\":[\"x1\",\"x2\"]"), model);
        List<String> data = Files.readAllLines(dir.resolve("dataset.csv"));
        assertTrue(data.stream().anyMatch(l -> l.split(",")[2].equals("2")), "labels are class indices 0..2");
        TrainCommandTest.Result eval = run("eval", "--model", dir.resolve("model.json").toString(),
                "--data", dir.resolve("dataset.csv").toString());
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.out().contains("accuracy=" + String.format(java.util.Locale.ROOT, "%.4f",
                Double.parseDouble(last[3]))), eval.out() + " vs " + String.join(",", last));
        TrainCommandTest.Result regenerated = run("eval", "--model", dir.resolve("model.json").toString(),
                "--dataset", "spiral", "--noise", "0", "--samples", "600", "--test-ratio", "0", "--seed", "1");
        assertEquals(eval.out(), regenerated.out(), "the same points, generated again (3 classes from the model)");
    }

    @Test
    void circlesOnSquaredFeaturesNeedNoHiddenLayer() throws Exception {
        TrainCommandTest.Result r = run("train", "--dataset", "circles", "--features", "x1sq,x2sq", "--hidden", "0",
                "--lr", "0.1", "--steps", "20000", "--seed", "2", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("net=2-1"), r.out());
        String[] last = lastMetrics(dir);
        assertTrue(Double.parseDouble(last[4]) >= 0.95, "test accuracy " + last[4]);
        Sequential net = ModelJson.read(dir.resolve("model.json"));
        assertEquals("x1sq,x2sq", net.features().ids());
        assertEquals(2, net.layers().size(), "one linear layer and the sigmoid");
    }

    @Test
    void planeRegressionReachesItsNoiseFloor() throws Exception {
        TrainCommandTest.Result r = run("train", "--dataset", "plane", "--noise", "0.1", "--hidden", "0",
                "--lr", "0.05", "--steps", "20000", "--seed", "3", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        String[] last = lastMetrics(dir);
        // the target's noise has variance 0.01: no model can do better on average
        assertEquals(0.01, Double.parseDouble(last[1]), 0.002, "train MSE " + last[1]);
        assertEquals(0.01, Double.parseDouble(last[2]), 0.003, "test MSE " + last[2]);
        assertEquals("", last[3], "regression has no accuracy");
        assertEquals("", last[4]);
        assertTrue(Files.readString(dir.resolve("model.json")).contains("{\"type\":\"identity\"}"));
        TrainCommandTest.Result eval = run("eval", "--model", dir.resolve("model.json").toString(),
                "--dataset", "plane", "--seed", "3");
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.out().contains("accuracy=NaN"), eval.out());
    }

    @Test
    void gaussIrisAndBlobsTrainWithPenaltiesAndFeatures() throws Exception {
        TrainCommandTest.Result gauss = run("train", "--dataset", "gauss", "--hidden", "8", "--activation", "tanh",
                "--reg", "l2", "--reg-rate", "0.001", "--steps", "2000", "--lr", "0.03");
        assertEquals(0, gauss.exit(), gauss.err());
        TrainCommandTest.Result iris = run("train", "--dataset", "iris", "--hidden", "0", "--steps", "3000",
                "--lr", "0.05", "--reg", "l1");
        assertEquals(0, iris.exit(), iris.err());
        assertTrue(iris.out().contains("net=2-3"), iris.out());
        TrainCommandTest.Result blobs = run("train", "--dataset", "blobs", "--classes", "5", "--features",
                "x1,x2,x1x2,sinx1,sinx2,x1sq,x2sq", "--hidden", "6", "--steps", "1000", "--out", dir.toString());
        assertEquals(0, blobs.exit(), blobs.err());
        assertTrue(blobs.out().contains("net=7-6-5"), blobs.out());
        assertTrue(Files.size(dir.resolve("boundary.png")) > 0 && Files.size(dir.resolve("graph.svg")) > 0);
        assertTrue(Files.readString(dir.resolve("graph.svg")).contains("softmax"));
    }

    @Test
    void aLossThatDoesNotFitTheDatasetIsAUsageError() {
        for (String[] args : new String[][] {
            {"--dataset", "spiral", "--classes", "3", "--loss", "mse"},
            {"--dataset", "plane", "--loss", "ce"},
            {"--dataset", "plane", "--loss", "bce"},
            {"--dataset", "moons", "--classes", "3"},
            {"--dataset", "spiral", "--classes", "7"},
            {"--features", "x1,x3"},
            {"--features", "x1,x1"},
            {"--reg", "l3"},
            {"--reg", "l2", "--reg-rate", "-1"},
            {"--hidden", "0,5"}}) {
            String[] all = new String[args.length + 3];
            all[0] = "train";
            System.arraycopy(args, 0, all, 1, args.length);
            all[args.length + 1] = "--steps";
            all[args.length + 2] = "1";
            TrainCommandTest.Result r = run(all);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(!r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void aModelFromBeforeHeadsStillLoads() {
        String old = "{\"layers\":[{\"type\":\"linear\",\"in\":2,\"out\":1,\"W\":[[0.5],[-1]],\"b\":[0.25]},"
                + "{\"type\":\"sigmoid\"}],\"loss\":\"bce\"}";
        Sequential net = ModelJson.fromJson(old);
        assertEquals(Head.binary(), net.head());
        assertTrue(net.features().isRaw());
        assertTrue(ModelJson.toJson(net).contains("\"features\":[\"x1\",\"x2\"]"));
        assertEquals(ModelJson.toJson(net), ModelJson.toJson(ModelJson.fromJson(ModelJson.toJson(net))));
    }
}
