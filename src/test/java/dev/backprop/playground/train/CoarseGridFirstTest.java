package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rebuilt network shows at once on a coarse boundary grid; the full grid follows when the hand stops. */
class CoarseGridFirstTest {
    private static final TrainingConfig CONFIG = TrainingConfig.defaults();

    @Test
    void theFirstSnapshotAfterARebuildCarriesACoarseGridThenAFullOne() throws Exception {
        ManualClock clock = new ManualClock();
        SessionEngine engine = new SessionEngine(CONFIG, clock);
        assertEquals(Publisher.GRID_SIZE, engine.snapshot().grid().width(), "a fresh session starts with the full grid");

        Snapshot rebuilt = EngineDriver.apply(engine, new Command.SetNetwork(CONFIG.network().withHidden(16, 16)));
        assertEquals(Publisher.COARSE_GRID_SIZE, rebuilt.grid().width());
        assertEquals(Publisher.COARSE_GRID_SIZE, rebuilt.grid().height());
        assertTrue(engine.nanosUntilFullGrid() > 0, "the full grid waits for the hand to stop");

        // another rebuild while dragging: still coarse, and the wait starts again
        clock.advance(Publisher.SETTLE_NANOS - 1);
        assertEquals(1, engine.nanosUntilFullGrid(), "due once the hand has rested " + Publisher.SETTLE_NANOS + " ns");
        Snapshot dragged = EngineDriver.apply(engine, new Command.SetNetwork(CONFIG.network().withHidden(16, 8)));
        assertEquals(Publisher.COARSE_GRID_SIZE, dragged.grid().width());
        assertEquals(Publisher.SETTLE_NANOS, engine.nanosUntilFullGrid(), "the wait started again");

        clock.advance(Publisher.SETTLE_NANOS);
        assertEquals(0, engine.nanosUntilFullGrid());
        while (!engine.advanceFullGrid(System.nanoTime())) { // a row a call: the deadline has passed
            assertEquals(Publisher.COARSE_GRID_SIZE, engine.snapshot().grid().width(), "coarse until every row is done");
        }
        assertEquals(Publisher.GRID_SIZE, engine.snapshot().grid().width());
        assertEquals(-1, engine.nanosUntilFullGrid(), "nothing pending after the full grid");
    }

    @Test
    void theRunningSessionPublishesTheFullGridByItselfOnceTheHandStops() throws Exception {
        try (TrainingSession session = new TrainingSession(CONFIG)) {
            session.send(new Command.SetNetwork(CONFIG.network().withHidden(16, 16)));
            long end = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < end && !(session.latest().rebuilds().size() > 0
                    && session.latest().grid().width() == Publisher.GRID_SIZE)) {
                Thread.sleep(5);
            }
            assertEquals(Publisher.GRID_SIZE, session.latest().grid().width());
            assertEquals(1, session.latest().rebuilds().size());
        }
    }

    /** 2-64-64-1: 4,417 weights, a full grid of 177M multiply-adds, over what one frame's grid may take. */
    private static final TrainingConfig WIDE = CONFIG.withNetwork(CONFIG.network().withHidden(64, 64));

    @Test
    void aWideNetworksFullGridComesInRowBandsAndACommandStartsItAgain() throws Exception {
        ManualClock clock = new ManualClock();
        SessionEngine engine = new SessionEngine(CONFIG, clock);
        EngineDriver.apply(engine, new Command.SetNetwork(WIDE.network()));
        clock.advance(Publisher.SETTLE_NANOS);
        assertEquals(0, engine.nanosUntilFullGrid(), "due once the hand has rested");
        for (int row = 0; row < 50; row++) {
            assertFalse(engine.advanceFullGrid(System.nanoTime()), "a row a call");
        }
        engine.apply(new Command.SetSpeed(1000)); // changes nothing in the network, but the pass cannot know
        assertEquals(0, engine.nanosUntilFullGrid(), "still due");
        int calls = 1;
        while (!engine.advanceFullGrid(System.nanoTime())) {
            calls++;
        }
        assertEquals(Publisher.GRID_SIZE, calls, "started again from the first row");
        Snapshot s = engine.snapshot();
        assertEquals(Publisher.GRID_SIZE, s.grid().width());
        assertEquals(-1, engine.nanosUntilFullGrid());
    }

    @Test
    void aWideNetworkTrainsOnTheCoarseGridAndGetsTheFullOneWhenItStops() throws Exception {
        SessionEngine engine = new SessionEngine(WIDE);
        assertEquals(Publisher.COARSE_GRID_SIZE, engine.snapshot().grid().width(), "even at the start, at once");
        assertEquals(0, engine.nanosUntilFullGrid(), "and the full one due now");
        Snapshot trained = EngineDriver.apply(engine, new Command.Step(500));
        assertEquals(Publisher.COARSE_GRID_SIZE, trained.grid().width(), "stepped frames get the coarse grid");
        assertEquals(0, engine.nanosUntilFullGrid(), "the full one is due once it stops");
        while (!engine.advanceFullGrid(Long.MAX_VALUE)) {
            // bands until done
        }
        assertEquals(Publisher.GRID_SIZE, engine.snapshot().grid().width());
        assertEquals(500, engine.snapshot().confusion().step(), "the matrix with it, of the network as it stopped");
    }

    @Test
    void aWideNetworkPausedAfterTrainingOnTheCoarseGridGetsTheFullOne() throws Exception {
        TrainingConfig xavier = WIDE.withNetwork(WIDE.network().withInit(Initializer.XAVIER));
        try (TrainingSession session = new TrainingSession(xavier)) {
            session.send(new Command.Play());
            Sessions.await(session, "a coarse grid while training",
                    x -> x.running() && x.step() > 500 && x.grid().width() == Publisher.COARSE_GRID_SIZE);
            session.send(new Command.Pause());
            Snapshot full = Sessions.await(session, "the full grid once paused",
                    x -> !x.running() && x.grid().width() == Publisher.GRID_SIZE);
            assertEquals(full.step(), full.confusion().step(), "of the network where it stopped");
        }
    }

    @Test
    void aVeryWideRebuildShowsAtOnceAndItsChartRowFollowsBeforeAnythingReadsTheChart() throws Exception {
        // 2-128-128-1: 17,025 weights x 2,000 points = 34M multiply-adds, over the budget of a row measured at once
        NetworkSpec wide = CONFIG.network().withHidden(128, 128);
        SessionEngine engine = new SessionEngine(CONFIG);
        EngineDriver.apply(engine, new Command.Step(250));
        int rows = engine.snapshot().history().size();
        Snapshot rebuilt = EngineDriver.apply(engine, new Command.SetNetwork(wide));
        assertEquals("2-128-128-1", rebuilt.config().network().describe(), "the new network, at once");
        assertEquals(List.of(250L), rebuilt.rebuilds(), "its mark on the chart");
        assertEquals(rows, rebuilt.history().size(), "its row owed");
        EngineDriver.apply(engine, new Command.SetNetwork(CONFIG.network().withHidden(127, 128)));
        assertEquals(rows, engine.snapshot().history().size(), "still owed while the hand moves");

        Snapshot lr = EngineDriver.apply(engine, new Command.SetLearningRate(0.02));
        assertEquals(rows, lr.history().size(), "a new rate neither reads the chart nor moves the weights: it goes on");
        Snapshot after = EngineDriver.apply(engine, new Command.Step(1));
        assertEquals(rows + 1, after.history().size(), "paid before training goes on");
        Metrics row = after.history().get(rows);
        assertEquals(250, row.step());
        assertTrue(Double.isFinite(row.trainLoss()));
        assertTrue(engine.chart().payOwed(), "the row of step 251, where the Step ended, owed as a wide network's rows are");
        List<Metrics> paid = engine.snapshot().history();
        assertEquals(rows + 2, paid.size());
        assertEquals(251, paid.get(rows + 1).step());
        assertFalse(engine.chart().payOwed(), "once");
    }

    @Test
    void theSessionMeasuresTheOwedRowByItselfOnceTheHandStops() throws Exception {
        try (TrainingSession session = new TrainingSession(CONFIG)) {
            session.send(new Command.SetNetwork(CONFIG.network().withHidden(128, 128)));
            Snapshot measured = Sessions.await(session, "the rebuild's row",
                    x -> x.rebuilds().size() == 1 && x.history().size() == 2);
            assertEquals(0, measured.history().get(1).step());
        }
    }

    /** 2-128-128-1 drawn by xavier (init normal saturates it before its first step, which stops training). */
    private static TrainingConfig veryWideXavier() {
        return CONFIG.withNetwork(CONFIG.network().withHidden(128, 128).withInit(Initializer.XAVIER));
    }

    @Test
    void aVeryWideNetworksTrainingFramesAreMeasuredInBlocksAndEqualTheTrainersOwn() throws Exception {
        TrainingConfig wide = veryWideXavier(); // 34M multiply-adds a row
        SessionEngine engine = new SessionEngine(wide);
        EngineDriver.apply(engine, new Command.Step(500));
        assertTrue(engine.chart().owes(), "the last frame's row is measured after the steps");
        int calls = 0;
        while (!engine.chart().advanceOwed(System.nanoTime())) { // a block of 256 points a call
            calls++;
        }
        // 1,600 training points in 7 blocks of 256, 400 test points in 2: a call each
        assertEquals(9, calls + 1);
        List<Metrics> rows = engine.snapshot().history();
        assertEquals(List.of(0L, 250L, 500L), rows.stream().map(Metrics::step).toList());
        dev.backprop.playground.engine.nn.Trainer alone = dev.backprop.playground.engine.nn.Trainer.fromConfig(wide);
        for (int step = 1; step <= 500; step++) {
            alone.step();
            if (step % 250 == 0) {
                assertEquals(alone.evaluate(), rows.get(step / 250), "row at " + step + ", bit for bit");
            }
        }
    }

    @Test
    void theSessionPaysAVeryWideNetworksLastFrameByItself() throws Exception {
        try (TrainingSession session = new TrainingSession(veryWideXavier())) {
            session.send(new Command.Step(500));
            Snapshot done = Sessions.await(session, "the row at 500", x -> !x.history().isEmpty()
                    && x.history().get(x.history().size() - 1).step() == 500);
            assertEquals(500, done.step());
        }
    }
}
