package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28: a traced data point names a row of the points; after the data changes to fewer points
 * that row may not exist. Whatever changes the data, the engine goes on: the trace is gone or names
 * a row that exists, and stepping, stepping through and training work.
 */
class StaleTraceTest {
    private static final int SAMPLES = 200;
    private static final int TRACED = 190;

    @TempDir
    Path dir;

    /** A session of 200 moons points tracing point 190, after 20 steps. */
    private static SessionEngine tracing() throws InterruptedException {
        TrainingConfig c = TrainingConfig.defaults();
        SessionEngine engine = new SessionEngine(c.withData(c.dataset(), SAMPLES, c.noise(), c.seed(), c.classes()));
        EngineDriver.apply(engine, new Command.Step(20));
        Dataset all = engine.snapshot().data().all();
        Snapshot traced = EngineDriver.apply(engine, new Command.TracePoint(all.x1(TRACED), all.x2(TRACED),
                all.label(TRACED), TRACED));
        assertNotNull(traced.trace());
        assertEquals(TRACED, traced.trace().index());
        return engine;
    }

    /** Fewer points from a CSV: 10 of each class. */
    private Path smallCsv() throws Exception {
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i * 0.1 - 1).append(',').append(i % 2 == 0 ? 0.5 : -0.5).append(',').append(i % 2).append('\n');
        }
        Path file = dir.resolve("twenty.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void changingTheDataToFewerPointsNeverLeavesAStaleTraceBehind() throws Exception {
        Path csv = smallCsv();
        List<Function<Snapshot, Command>> changes = List.of(
                s -> new Command.SetData(s.config().dataset(), 50, s.config().noise(), s.config().seed()),
                s -> new Command.SetData(DatasetKind.SPIRAL, 60, 0, 3),
                s -> new Command.ImportData(csv),
                s -> new Command.DeletePointNear(s.data().all().x1(TRACED), s.data().all().x2(TRACED)),
                s -> new Command.ClearPoints());
        for (Function<Snapshot, Command> change : changes) {
            SessionEngine engine = tracing();
            Command command = change.apply(engine.snapshot());
            Snapshot after = EngineDriver.apply(engine, command);
            String what = command.getClass().getSimpleName();
            assertNull(after.problem(), what + ": " + after.message());
            int points = after.data().all().size();
            assertTrue(points < SAMPLES, what + " leaves fewer points: " + points);
            assertTrue(after.trace() == null || after.trace().index() < points, what + " leaves trace "
                    + after.trace() + " over " + points + " points");
            if (points >= 2) {
                // stepping through and training on the new points go on
                engine.apply(new Command.FinishPass());
                Snapshot stepped = EngineDriver.apply(engine, new Command.Step(5));
                assertNull(stepped.problem(), what + " then a step: " + stepped.message());
            }
        }
    }
}
