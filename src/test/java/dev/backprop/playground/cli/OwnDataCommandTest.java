package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.io.Experiment;
import dev.backprop.playground.io.ExperimentFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --data FILE.csv and train --experiment FILE. */
class OwnDataCommandTest {
    @TempDir
    Path dir;

    /** Four hand-placed clusters of an XOR, the header in another order, one quoted field, CRLF endings. */
    private Path xorCsv() throws Exception {
        StringBuilder sb = new StringBuilder("label,x1,x2\r\n");
        double[][] corners = {{-1, -1, 1}, {1, 1, 1}, {-1, 1, 0}, {1, -1, 0}};
        double[] offsets = {-0.3, -0.15, 0, 0.15, 0.3};
        for (double[] c : corners) {
            for (double dx : offsets) {
                for (double dy : offsets) {
                    sb.append((int) c[2]).append(",\"").append(c[0] + dx).append("\",").append(c[1] + dy).append("\r\n");
                }
            }
        }
        Path f = dir.resolve("xor.csv");
        Files.writeString(f, sb);
        return f;
    }

    private static double trainAccuracy(String summary) {
        Matcher m = Pattern.compile("train_acc=([0-9.]+)").matcher(summary);
        assertTrue(m.find(), summary);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void trainsOnAHandMadeXorCsvAndLearnsIt() throws Exception {
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--data", xorCsv().toString(), "--hidden", "8",
                "--activation", "tanh", "--lr", "0.05", "--steps", "3000", "--test-ratio", "0");
        assertEquals(0, r.exit(), r.err());
        assertEquals(1.0, trainAccuracy(r.out()), 1e-9, r.out());
    }

    private TrainCommandTest.Result trainOn(String csv) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, csv);
        return TrainCommandTest.run("train", "--data", f.toString(), "--steps", "10");
    }

    @Test
    void malformedCsvsExitTwoNamingTheLine() throws Exception {
        String good = "x1,x2,label\n0,0,0\n1,1,1\n0,1,1\n";
        TrainCommandTest.Result bad = trainOn(good + "0.5,1..2,0\n");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("line 5, column 2: x2 \"1..2\" is not a finite number"), bad.err());
        TrainCommandTest.Result missing = trainOn(good + "0.5,1\n");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("line 5: expected 3 fields"), missing.err());
        TrainCommandTest.Result empty = trainOn("");
        assertEquals(2, empty.exit());
        assertTrue(empty.err().contains("the file is empty"), empty.err());
        TrainCommandTest.Result notAClass = trainOn(good + "1,1,x\n");
        assertEquals(2, notAClass.exit());
        assertTrue(notAClass.err().contains("line 5, column 3: label \"x\""), notAClass.err());
        TrainCommandTest.Result ragged = trainOn("x1,x2,x3,label\n0,0,0,0\n1,1,1\n");
        assertEquals(2, ragged.exit());
        assertTrue(ragged.err().contains("line 3: expected 4 fields like the header, found 3"), ragged.err());
    }

    @Test
    void aFileOverTheLimitExitsTwoNamingTheLine() throws Exception {
        Path f = dir.resolve("big.csv");
        try (var out = Files.newBufferedWriter(f)) {
            out.write("x1,x2,label\n");
            for (int i = 0; i <= 1_000_000; i++) {
                out.write("0,0,0\n");
            }
        }
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--data", f.toString(), "--steps", "1");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("line 1000002: more than 1,000,000 points"), r.err());
    }

    @Test
    void anExperimentSavedMidRunGoesOnAsIfNeverSaved() throws Exception {
        TrainingConfig config = new TrainingConfig(DatasetKind.MOONS, 400, 0.1, 0.2, 7,
                new NetworkSpec(2, new int[] {6}, Activation.TANH, Loss.BCE, Initializer.XAVIER),
                OptimizerKind.ADAM, 0.01, 8, 1000, 250);
        Trainer midRun = Trainer.fromConfig(config);
        for (int i = 0; i < 537; i++) {
            midRun.step();
        }
        Path file = dir.resolve("mid.bpg.json");
        ExperimentFile.write(file, new Experiment(config, null, midRun.capture(null), Map.of()));
        Path resumed = dir.resolve("resumed");
        Path straight = dir.resolve("straight");
        assertEquals(0, TrainCommandTest.run("train", "--experiment", file.toString(), "--out", resumed.toString()).exit());
        assertEquals(0, TrainCommandTest.run("train", "--dataset", "moons", "--samples", "400", "--noise", "0.1",
                "--seed", "7", "--hidden", "6", "--activation", "tanh", "--init", "xavier", "--optimizer", "adam",
                "--lr", "0.01", "--batch", "8", "--steps", "1537", "--out", straight.toString()).exit());
        assertEquals(Files.readString(straight.resolve("model.json")), Files.readString(resumed.resolve("model.json")));
    }

    @Test
    void optionsOnTheCommandLineOverrideTheExperiment() throws Exception {
        TrainingConfig config = TrainingConfig.defaults().withData(DatasetKind.XOR, 300, 0.1, 3);
        Path file = dir.resolve("e.bpg.json");
        ExperimentFile.write(file, new Experiment(config, null, Trainer.fromConfig(config).capture(null), Map.of()));
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--experiment", file.toString(), "--steps", "20",
                "--lr", "0.5");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("dataset=xor") && r.out().contains("lr=0.5") && r.out().contains("steps=20"), r.out());
    }
}
