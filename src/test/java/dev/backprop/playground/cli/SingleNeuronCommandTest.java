package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.StepLayer;
import dev.backprop.playground.io.ModelJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --loss perceptron and --loss adaline, seed 004's single neuron, on two separable blobs. */
class SingleNeuronCommandTest {
    @TempDir
    Path dir;

    /** 200 points: class 0 around (-1.5, -1.5), class 1 around (1.5, 1.5), std 0.4: a wide empty band between. */
    private Path blobs() throws Exception {
        Random r = new Random(4);
        StringBuilder sb = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 200; i++) {
            int label = i % 2;
            double c = label == 0 ? -1.5 : 1.5;
            sb.append(String.format(Locale.ROOT, "%s,%s,%d%n", c + 0.4 * r.nextGaussian(), c + 0.4 * r.nextGaussian(),
                    label));
        }
        Path csv = dir.resolve("blobs.csv");
        Files.writeString(csv, sb.toString());
        return csv;
    }

    @Test
    void perceptronErrorsPerEpochFallToZero() throws Exception {
        Path out = dir.resolve("perceptron");
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--data", blobs().toString(), "--loss", "perceptron",
                "--hidden", "0", "--init", "normal:0.01", "--lr", "0.01", "--epochs", "10", "--shuffle", "none",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals("step,train_loss,test_loss,train_acc,test_acc,epoch,errors", rows.get(0));
        assertEquals(12, rows.size());
        String[] first = rows.get(2).split(",", -1);
        String[] last = rows.get(11).split(",", -1);
        assertTrue(Long.parseLong(first[6]) > 0, "the first epoch makes updates: " + rows.get(2));
        assertEquals("0", last[6], "no update in the last epoch: " + rows);
        assertEquals("1.0", last[3], "every training point right");
        assertEquals(StepLayer.class, ModelJson.read(out.resolve("model.json")).layers().get(1).getClass());
        assertEquals(Head.Kind.PERCEPTRON, ModelJson.read(out.resolve("model.json")).head().kind(), "model.json reads back");
    }

    @Test
    void theThresholdGoesIntoModelJsonAndReadsBack() throws Exception {
        Path out = dir.resolve("textbook");
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--data", blobs().toString(), "--loss", "perceptron",
                "--hidden", "0", "--threshold", "0", "--lr", "0.01", "--epochs", "5", "--shuffle", "none",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(out.resolve("model.json")).contains("{\"type\":\"step\",\"threshold\":0.0}"));
        var model = ModelJson.read(out.resolve("model.json"));
        assertEquals(0.0, model.head().threshold(), 0);
        assertEquals(0.0, ((StepLayer) model.layers().get(1)).threshold(), 0);
    }

    @Test
    void aBadThresholdExitsTwoWithTheReason() throws Exception {
        String data = blobs().toString();
        for (String[] bad : List.of(new String[] {"perceptron", "1e9", "-1000"}, new String[] {"perceptron", "NaN", "-1000"},
                new String[] {"perceptron", "abc", "abc"}, new String[] {"adaline", "0.5", "--loss perceptron"})) {
            TrainCommandTest.Result r = TrainCommandTest.run("train", "--data", data, "--loss", bad[0], "--hidden", "0",
                    "--threshold", bad[1]);
            assertEquals(2, r.exit(), String.join(" ", bad));
            assertTrue(r.err().contains(bad[2]) && r.err().contains("Usage"), r.err());
        }
    }

    @Test
    void adalineClassifiesTheBlobs() throws Exception {
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--data", blobs().toString(), "--loss", "adaline",
                "--hidden", "0", "--init", "normal:0.01", "--lr", "0.01", "--batch", "200", "--epochs", "100");
        assertEquals(0, r.exit(), r.err());
        double acc = Double.parseDouble(r.out().replaceAll("(?s).*train_acc=([0-9.]+).*", "$1"));
        assertTrue(acc >= 0.95, r.out());
    }

    @Test
    void singleNeuronsWithHiddenLayersOrThePerceptronWithAdamAreUsageErrors() throws Exception {
        String csv = blobs().toString();
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--data", csv, "--loss", "perceptron");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--hidden 0") && r.err().contains("Usage"), r.err());
        r = TrainCommandTest.run("train", "--data", csv, "--loss", "adaline", "--hidden", "4");
        assertEquals(2, r.exit());
        r = TrainCommandTest.run("train", "--data", csv, "--loss", "perceptron", "--hidden", "0", "--optimizer", "adam");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--optimizer sgd"), r.err());
    }
}
