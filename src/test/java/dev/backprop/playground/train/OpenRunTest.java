package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.cli.PlaygroundCommand;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.DecisionGrid;
import dev.backprop.playground.engine.nn.DecisionGridEvaluator;
import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run directory written by train --checkpoint-every opens in the app with the run's curve and boundaries. */
class OpenRunTest {
    @TempDir
    Path dir;

    private static int train(String... args) {
        StringWriter err = new StringWriter();
        var cl = PlaygroundCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        assertEquals(0, exit, err.toString());
        return exit;
    }

    @Test
    void anOpenedRunShowsTheCurveAndTheBoundariesOfTheRunThatWroteIt() throws Exception {
        train("train", "--dataset", "circles", "--samples", "600", "--hidden", "8", "--steps", "1100", "--seed", "3",
                "--checkpoint-every", "500", "--out", dir.toString());
        List<String> files;
        try (var list = Files.list(dir.resolve("checkpoints"))) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("step-0.json", "step-1000.json", "step-1100.json", "step-500.json"), files);

        SessionEngine engine = new SessionEngine(TrainingConfig.defaults());
        EngineDriver.apply(engine, new Command.AddPoints(new double[] {0.5, 0.5}, 1)); // an edit before opening
        Snapshot opened = EngineDriver.apply(engine, new Command.OpenRun(dir));
        assertEquals(null, opened.problem(), opened.message());
        assertEquals(List.of(0L, 500L, 1000L, 1100L), opened.timeline().steps());
        assertEquals(1100, opened.step());
        assertTrue(opened.ownData(), "the run's points are the user's own");

        // the run again, by the trainer alone, measured at each checkpoint
        TrainingConfig config = TrainingConfig.defaults().withData(DatasetKind.CIRCLES, 600, 0.1, 3)
                .withNetwork(new NetworkSpec(2, new int[] {8}, TrainingConfig.defaults().network().activation(),
                        TrainingConfig.defaults().network().loss(), TrainingConfig.defaults().network().init()));
        Trainer run = Trainer.fromConfig(config);
        List<Metrics> history = opened.history();
        assertEquals(1100 / 250 + 2, history.size(), "step 0, every 250 and the last");
        for (long step : new long[] {0, 500, 1000, 1100}) {
            while (run.steps() < step) {
                run.step();
            }
            Metrics expected = run.evaluate();
            Metrics row = history.stream().filter(m -> m.step() == step).findFirst().orElseThrow();
            assertEquals(expected.trainLoss(), row.trainLoss(), "train loss at " + step);
            assertEquals(expected.testAccuracy(), row.testAccuracy(), "test accuracy at " + step);
            Snapshot scrubbed = EngineDriver.apply(engine, new Command.ScrubTo(step));
            assertEquals(step, scrubbed.step());
            DecisionGrid grid = DecisionGridEvaluator.around(run.data().all(), Publisher.GRID_SIZE, Publisher.GRID_SIZE)
                    .evaluate(run.network());
            ResumeTest.assertSameGrid(grid, scrubbed.grid());
        }
        EngineDriver.apply(engine, new Command.LeaveScrub());
        assertEquals(600, EngineDriver.apply(engine, new Command.UndoEdit()).data().all().size(),
                "the edit before the opening is not undone into the run");
        assertEquals(600, EngineDriver.apply(engine, new Command.Reset()).data().all().size(), "Reset keeps the run's points");
    }

    @Test
    void aBadRunDirectoryIsRefusedWithWhatIsWrong() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults());
        Snapshot s = EngineDriver.apply(engine, new Command.OpenRun(dir.resolve("nowhere")));
        assertTrue(s.problem().text().contains("not a directory"), s.problem().text());

        train("train", "--samples", "200", "--hidden", "4", "--steps", "300", "--checkpoint-every", "100",
                "--out", dir.toString());
        Files.writeString(dir.resolve("checkpoints/step-200.json"), "{\"layers\":[]}");
        s = EngineDriver.apply(engine, new Command.OpenRun(dir));
        assertTrue(s.problem().text().startsWith("OpenRun refused: cannot open the run in " + dir), s.problem().text());
        assertTrue(s.problem().text().contains("step-200.json"), s.problem().text());
        assertEquals(2000, s.data().all().size(), "the session stays as it was");

        Files.writeString(dir.resolve("metrics.csv"), "step,train_loss\n0,1\n");
        s = EngineDriver.apply(engine, new Command.OpenRun(dir));
        assertTrue(s.problem().text().contains("metrics.csv: the first line must be"), s.problem().text());
    }
}
