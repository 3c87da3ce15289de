package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.cli.PlaygroundCommand;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 28's open-run reproductions: a run is checked against itself and opened with its own data and head. */
class OpenRunChecksTest {
    @TempDir
    Path dir;

    private Path run(String... args) {
        Path out = dir.resolve("run" + System.nanoTime());
        String[] all = new String[args.length + 5];
        all[0] = "train";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--checkpoint-every";
        all[args.length + 2] = "50";
        all[args.length + 3] = "--out";
        all[args.length + 4] = out.toString();
        StringWriter err = new StringWriter();
        var cl = PlaygroundCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute(all), err.toString());
        return out;
    }

    private static Snapshot open(Path run) throws Exception {
        return EngineDriver.apply(new SessionEngine(TrainingConfig.defaults()), new Command.OpenRun(run));
    }

    @Test
    void runsOfOtherDatasetsAndHeadsOpenInAMoonsSession() throws Exception {
        for (String[] args : new String[][] {
            {"--dataset", "spiral", "--classes", "3", "--samples", "150", "--hidden", "4", "--steps", "100"},
            {"--dataset", "plane", "--samples", "100", "--hidden", "4", "--steps", "100"},
        }) {
            Snapshot s = open(run(args));
            assertNull(s.problem(), s.message());
            assertEquals(100, s.step());
        }
    }

    @Test
    void aHealthyWideHeRunOpensWithoutTheFreshNetworksSaturationVerdict() throws Exception {
        Snapshot s = open(run("--samples", "100", "--hidden", "300,300", "--init", "he", "--steps", "50"));
        assertNull(s.problem(), s.message());
        assertFalse(s.saturatedAtInit(), s.divergence());
        assertEquals("", s.divergence());
    }

    @Test
    void labelsThatAreNotClassesOfTheModelAreRefusedAndTheSessionStays() throws Exception {
        Path run = run("--samples", "100", "--hidden", "4", "--steps", "50");
        Files.writeString(run.resolve("dataset.csv"), Files.readString(run.resolve("dataset.csv"))
                .replaceFirst("\n([^,\n]*),([^,\n]*),[01]", "\n$1,$2,7"));
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults());
        Snapshot s = EngineDriver.apply(engine, new Command.OpenRun(run));
        assertNotNull(s.problem());
        assertTrue(s.message().contains("the label must be a class 0 to 1 for this model, found 7"), s.message());
        Snapshot reset = EngineDriver.apply(engine, new Command.Reset());
        assertEquals(TrainingConfig.defaults().samples(), reset.data().all().size());
    }

    @Test
    void aLinkOutOfTheRunFolderIsNotFollowedNorEchoed() throws Exception {
        Path run = run("--samples", "100", "--hidden", "4", "--steps", "50");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "the first line of a private file\n");
        Files.delete(run.resolve("dataset.csv"));
        Files.createSymbolicLink(run.resolve("dataset.csv"), secret);
        Snapshot s = open(run);
        assertNotNull(s.problem());
        assertTrue(s.message().contains("dataset.csv is a link to a file outside the run's folder"), s.message());
        assertFalse(s.message().contains("private"), s.message());
    }

    @Test
    void aMillionPointDatasetIsRefusedAtTheAppsLimitWhileReading() throws Exception {
        Path run = run("--samples", "100", "--hidden", "4", "--steps", "50");
        StringBuilder csv = new StringBuilder("x1,x2,label,split\n");
        for (int i = 0; i < 200_000; i++) {
            csv.append("0.5,0.5,1,train\n");
        }
        Files.writeString(run.resolve("dataset.csv"), csv);
        Snapshot s = open(run);
        assertNotNull(s.problem());
        assertTrue(s.message().contains("line 100002: more than 100,000 points"), s.message());
    }

    @Test
    void deletingNearAFarPlaceDeletesTheNearestPointInsteadOfThrowing() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults());
        Snapshot s = EngineDriver.apply(engine, new Command.DeletePointNear(1e200, 0));
        assertNull(s.problem(), s.message());
        assertEquals(TrainingConfig.defaults().samples() - 1, s.data().all().size());
    }

    @Test
    void aSessionWithEveryPointClearedIsNotSavedAsAFileThatCannotOpen() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults());
        EngineDriver.apply(engine, new Command.ClearPoints());
        Path file = dir.resolve("empty.bpg.json");
        Snapshot s = EngineDriver.apply(engine, new Command.SaveExperiment(file, java.util.Map.of()));
        assertNotNull(s.problem(), s.message());
        assertTrue(s.message().contains("an experiment needs at least 2 points"), s.message());
        assertFalse(Files.exists(file));
    }
}
