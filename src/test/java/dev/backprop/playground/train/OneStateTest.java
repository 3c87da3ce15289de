package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.graph.GraphView;
import org.junit.jupiter.api.Test;

/** The symptoms of issue 26 on the engine side: everything the graph and the status show comes from one state. */
class OneStateTest {
    private static SessionEngine moons() throws InterruptedException {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults().withData(DatasetKind.MOONS, 400, 0.1, 0));
        EngineDriver.apply(engine, new Command.SetGraphView(GraphView.TENSORS));
        return engine;
    }

    @Test
    void aScrubbedStepShowsItsWeightsWithTheShownExamplesPassAndBackToLiveReturns() throws Exception {
        SessionEngine engine = moons();
        Snapshot live = EngineDriver.apply(engine, new Command.Step(2000));
        assertTrue(OneState.assertAgrees(live, "live at 2000") > 100, "the live graph agrees with its weights");
        SessionEngine at1000 = moons();
        double[] w1At1000 = EngineDriver.apply(at1000, new Command.Step(1000)).graph().node("W1").data().values();

        Snapshot scrubbed = EngineDriver.apply(engine, new Command.ScrubTo(1000));
        assertEquals(1000, scrubbed.timeline().scrubbed());
        assertArrayEquals(w1At1000, scrubbed.graph().node("W1").data().values(), "the weights of step 1000");
        // the reported defect: z2, b2 and h1*W2 kept the last step's gradients beside the step-0 example
        assertTrue(OneState.assertAgrees(scrubbed, "scrubbed to 1000") > 100);

        Snapshot back = EngineDriver.apply(engine, new Command.LeaveScrub());
        assertArrayEquals(live.graph().node("W1").data().values(), back.graph().node("W1").data().values(),
                "Back to live shows the live weights");
        assertTrue(OneState.assertAgrees(back, "back to live") > 100);
    }

    @Test
    void afterATraceScrubbingMovesTheWeightsAndTheGraphKeepsTheTracedPoint() throws Exception {
        SessionEngine engine = moons();
        EngineDriver.apply(engine, new Command.Step(4500));
        Snapshot traced = EngineDriver.apply(engine, new Command.TracePoint(0.5, -0.25, 1, -1));
        OneState.assertAgrees(traced, "traced");
        Snapshot at1000 = EngineDriver.apply(engine, new Command.ScrubTo(1000));
        Snapshot at4250 = EngineDriver.apply(engine, new Command.ScrubTo(4250));
        assertFalse(java.util.Arrays.equals(at1000.graph().node("W1").data().values(),
                at4250.graph().node("W1").data().values()), "W1 follows the scrubbed step");
        assertFalse(java.util.Arrays.equals(at1000.graph().node("act1").data().values(),
                at4250.graph().node("act1").data().values()), "h1 follows the scrubbed step");
        OneState.assertAgrees(at1000, "traced, scrubbed to 1000");
        OneState.assertAgrees(at4250, "traced, scrubbed to 4250");
        Snapshot cleared = EngineDriver.apply(engine, new Command.ClearTrace());
        assertTrue(OneState.assertAgrees(cleared, "trace cleared") > 100,
                "the first example's gradients, not the traced point's");
    }

    @Test
    void playAfterAStepThroughLeavesNoStepThroughOnTheStatusLine() throws Exception {
        SessionEngine engine = moons();
        Snapshot stepping = EngineDriver.apply(engine, new Command.NodeForward(), new Command.NodeForward(),
                new Command.NodeForward());
        assertTrue(stepping.message().startsWith("step-through 3/"), stepping.message());
        engine.apply(new Command.Play());
        engine.trainSlice();
        Snapshot playing = engine.snapshot();
        assertNull(playing.stepping());
        assertFalse(playing.message().matches("step-through [0-9]+/.*"), "no step-through position: " + playing.message());
    }

    @Test
    void theStatusNamesThePointsTheDataHasNotTheNumberAskedFor() throws Exception {
        Snapshot iris = EngineDriver.apply(moons(), new Command.SetData(DatasetKind.IRIS, 2007, 0, 0));
        assertEquals(150, iris.data().all().size());
        assertTrue(iris.message().contains("150 points"), iris.message());
        assertFalse(iris.message().contains("2007"), iris.message());
    }

    @Test
    void clearedPointsLeaveNoOldLossOnTheStatusAndNoMadeUpExampleOnTheGraph() throws Exception {
        SessionEngine engine = moons();
        EngineDriver.apply(engine, new Command.Step(500));
        Snapshot cleared = EngineDriver.apply(engine, new Command.ClearPoints());
        assertTrue(Double.isNaN(cleared.latest().trainLoss()), "no point: no loss, not the old points' "
                + cleared.latest().trainLoss());
        assertTrue(Double.isNaN(cleared.latest().trainAccuracy()), "no accuracy either");
        assertEquals(500, cleared.latest().step());
        assertTrue(cleared.graph().node("x").data().isPending(), "no made-up x = (0, 0)");
        assertTrue(cleared.graph().title().contains("no training point"), cleared.graph().title());
        assertFalse(cleared.graph().title().contains("x = ("), cleared.graph().title());
        OneState.assertAgrees(cleared, "cleared");

        Snapshot added = EngineDriver.apply(engine, new Command.AddPoints(new double[] {1, 1, -1, -1}, 1));
        assertEquals(2, added.data().all().size());
        assertFalse(Double.isNaN(added.latest().trainLoss()) && added.data().train().size() > 0,
                "points back: the row is measured on them");
        OneState.assertAgrees(added, "points added");
    }

    @Test
    void theLossNodeShowsItsFormulaWithTheGuard() throws Exception {
        Snapshot s = EngineDriver.apply(moons(), new Command.Step(10));
        String formula = s.graph().node("loss").formula();
        assertTrue(formula.contains("log(\u0177 + 1e-10)") && formula.contains("log(1 \u2212 \u0177 + 1e-10)"), formula);
        assertTrue(formula.contains("\u2248 \u22121e-10"), "it says why L can be -1e-10: " + formula);
    }
}
