package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save experiment / Open experiment and Import / Export data, on the engine. */
class ExperimentSessionTest {
    @TempDir
    Path dir;

    private static TrainingConfig config() {
        return new TrainingConfig(DatasetKind.CIRCLES, 300, 0.1, 0.2, 11,
                new NetworkSpec(2, new int[] {5}, Activation.TANH, Loss.BCE, Initializer.XAVIER),
                OptimizerKind.MOMENTUM, 0.03, 4, 10_000, 250);
    }

    @Test
    void savingAndOpeningMidRunThenTrainingGivesTheSameWeightsAsNeverSaving() throws Exception {
        SessionEngine straight = new SessionEngine(config());
        EngineDriver.apply(straight, new Command.Step(613));
        Path file = dir.resolve("mid.bpg.json");
        EngineDriver.apply(straight, new Command.SaveExperiment(file, Map.of("chart", true)));
        assertTrue(Files.exists(file), straight.snapshot().message());
        EngineDriver.apply(straight, new Command.Step(1000));

        SessionEngine reopened = new SessionEngine(TrainingConfig.defaults()); // another session entirely
        Snapshot opened = EngineDriver.apply(reopened, new Command.OpenExperiment(file));
        assertEquals(613, opened.step(), opened.message());
        EngineDriver.apply(reopened, new Command.Step(1000));
        assertEquals(1613, reopened.trainerState().step());
        assertArrayEquals(straight.trainerState().weights(), reopened.trainerState().weights());
        assertArrayEquals(straight.trainerState().optimizerState(), reopened.trainerState().optimizerState());
    }

    /** A picture experiment as the app saves it (64 inputs named px0_0 ... px7_7) opens again, whole or as settings. */
    @Test
    void aDigitsExperimentOpensAgainWithItsPicturesShape() throws Exception {
        SessionEngine saved = new SessionEngine(TrainingConfig.defaults());
        EngineDriver.apply(saved, new Command.ChooseData(DataChoice.DIGITS), new Command.SetBatchSize(32), new Command.Step(100));
        Path file = dir.resolve("digits.bpg.json");
        EngineDriver.apply(saved, new Command.SaveExperiment(file, Map.of()));

        SessionEngine reopened = new SessionEngine(TrainingConfig.defaults());
        Snapshot whole = EngineDriver.apply(reopened, new Command.OpenExperiment(file));
        assertEquals(100, whole.step(), whole.message());
        assertArrayEquals(saved.trainerState().weights(), reopened.trainerState().weights());
        assertEquals(DatasetKind.DIGITS, whole.config().dataset());
        assertArrayEquals(new int[] {8, 8}, whole.config().network().features().inputs().shape());
        assertEquals(saved.snapshot().data().train().size(), whole.data().train().size());

        // the settings alone: the digits are read as the dataset box reads them, 1,797 pictures
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        json.remove("data");
        json.remove("state");
        Path settings = dir.resolve("settings.bpg.json");
        Files.writeString(settings, json.toString());
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults());
        Snapshot fresh = EngineDriver.apply(engine, new Command.OpenExperiment(settings), new Command.Step(10));
        assertEquals(10, fresh.step(), fresh.message());
        assertEquals(1797, fresh.data().all().size());
        Snapshot reset = EngineDriver.apply(engine, new Command.Reset());
        assertEquals(0, reset.step(), reset.message());
        assertEquals(fresh.data().train().size(), reset.data().train().size(), "Reset keeps the pictures");
        assertEquals(64, fresh.config().network().inputSize());
    }

    @Test
    void importedPointsAreTrainedOnExportedAndKeptThroughResetAndExperiments() throws Exception {
        Path csv = dir.resolve("mine.csv");
        Files.writeString(csv, "x2,x1,label\r\n0,0,0\r\n1,1,1\r\n2,0,2\r\n0.5,-1,1\r\n-1,2,0\r\n");
        SessionEngine engine = new SessionEngine(config());
        Snapshot s = EngineDriver.apply(engine, new Command.ImportData(csv));
        assertEquals(5, s.data().all().size(), s.message());
        assertEquals(3, s.config().classes());
        s = EngineDriver.apply(engine, new Command.Step(20), new Command.Reset());
        assertEquals(5, s.data().all().size());
        Path out = dir.resolve("out.csv");
        EngineDriver.apply(engine, new Command.ExportData(out));
        Path file = dir.resolve("own.bpg.json");
        EngineDriver.apply(engine, new Command.SaveExperiment(file, Map.of()));
        Snapshot opened = EngineDriver.apply(new SessionEngine(config()), new Command.OpenExperiment(file));
        assertArrayEquals(s.data().all().features().data, opened.data().all().features().data);
        assertArrayEquals(s.data().all().labels().data, opened.data().all().labels().data);
        assertTrue(Files.readString(out).startsWith("x1,x2,label,split\n0.0,0.0,0,"), Files.readString(out));
    }

    @Test
    void aBadFileIsRefusedNamingTheLineAndTheDataStays() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "x1,x2,label\n0,0,0\n1,1,1\n0,1,1\n1,0,z\n");
        SessionEngine engine = new SessionEngine(config());
        Snapshot s = EngineDriver.apply(engine, new Command.ImportData(csv));
        assertNotNull(s.problem());
        assertTrue(s.message().contains("line 5, column 3: label \"z\""), s.message());
        assertEquals(300, s.data().all().size());
        Path json = dir.resolve("bad.bpg.json");
        Files.writeString(json, "{\"format\":\"backprop-playground-experiment\",\"version\":99}");
        s = EngineDriver.apply(engine, new Command.OpenExperiment(json));
        assertTrue(s.message().contains("version 99 is not known"), s.message());
        assertEquals(300, s.data().all().size());
    }
}
