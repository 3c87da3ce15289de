package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.nn.ActivationLayer;
import dev.backprop.playground.engine.nn.Layer;
import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.Parameter;
import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainerState;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tracing a point shows exactly what a batch-1 training step on that point computes. */
class TraceTest {
    private static final double TOLERANCE = 1e-12;

    private static TrainingConfig config() {
        return TrainingConfig.defaults().withBatchSize(1);
    }

    /** Every layer's forward output, every parameter's gradient and the loss gradient, copied. */
    private static List<double[]> caches(Sequential net) {
        List<double[]> out = new ArrayList<>();
        for (Layer layer : net.layers()) {
            if (layer instanceof Linear linear) {
                out.add(linear.lastOutput().data.clone());
            } else if (layer instanceof ActivationLayer activation) {
                out.add(activation.lastOutput().data.clone());
            }
        }
        for (Parameter p : net.parameters()) {
            out.add(p.grad().data.clone());
        }
        out.add(net.lastOutput().data.clone());
        out.add(net.lossGradient().data.clone());
        return out;
    }

    @Test
    void tracingAnExampleGivesTheValuesAndGradientsOfABatchOneStepOnIt() {
        Trainer trainer = Trainer.fromConfig(config());
        for (int i = 0; i < 700; i++) {
            trainer.step();
        }
        TrainerState before = trainer.capture(null);
        double stepLoss = trainer.step(); // a random example, as per-sample SGD picks it
        double x1 = trainer.lastBatchFeatures().get(0, 0);
        double x2 = trainer.lastBatchFeatures().get(0, 1);
        double y = trainer.lastBatchLabels().get(0, 0);
        List<double[]> stepped = caches(trainer.network());
        Trainer again = Trainer.fromConfig(config());
        again.restore(before);
        // the graph of the step is built from the weights before its update: restore them to build it
        double traceLoss = again.trace(x1, x2, y);
        assertEquals(stepLoss, traceLoss, TOLERANCE);
        List<double[]> traced = caches(again.network());
        assertEquals(stepped.size(), traced.size());
        for (int k = 0; k < stepped.size(); k++) {
            assertEquals(stepped.get(k).length, traced.get(k).length);
            for (int i = 0; i < stepped.get(k).length; i++) {
                assertEquals(stepped.get(k)[i], traced.get(k)[i], TOLERANCE, "array " + k + " entry " + i);
            }
        }
        assertEquals(700, again.steps(), "a trace takes no step");
    }

    @Test
    void theTracedGraphEqualsTheStepThroughOfATrainingStepOnThatPoint() throws InterruptedException {
        SessionEngine engine = new SessionEngine(config());
        EngineDriver.apply(engine, new Command.Step(500));
        Dataset all = engine.snapshot().data().all();
        int index = 17;
        Snapshot traced = EngineDriver.apply(engine, new Command.TracePoint(all.x1(index), all.x2(index),
                all.label(index), index));
        assertNotNull(traced.trace());
        assertEquals(index, traced.trace().index());
        assertEquals(500, traced.step(), "tracing takes no step");
        // the step-through walks a training step on exactly that point: forward, then backward
        engine.apply(new Command.FinishPass());
        Snapshot stepped = EngineDriver.apply(engine, new Command.FinishPass());
        assertEquals(500, stepped.step(), "the update is not applied yet");
        assertSameValues(traced.graph(), stepped.graph());
        assertEquals(traced.trace().loss(), traced.graph().node("loss").data().first(), TOLERANCE);

        Snapshot updated = EngineDriver.apply(engine, new Command.FinishPass());
        assertEquals(501, updated.step(), "the step-through's update is a real step");
        Snapshot cleared = EngineDriver.apply(engine, new Command.ClearTrace());
        assertNull(cleared.trace());
    }

    @Test
    void aProbeFollowsTheWeightsWhileTrainingGoesOn() throws InterruptedException {
        SessionEngine engine = new SessionEngine(config());
        Snapshot first = EngineDriver.apply(engine, new Command.TracePoint(0.5, -0.25, 1, -1));
        Snapshot later = EngineDriver.apply(engine, new Command.Step(2000));
        assertNotNull(later.trace());
        assertEquals(-1, later.trace().index());
        Trainer check = Trainer.fromConfig(config());
        for (int i = 0; i < 2000; i++) {
            check.step();
        }
        double expected = check.trace(0.5, -0.25, 1);
        assertEquals(expected, later.trace().loss(), TOLERANCE, "recomputed under the weights of step 2000");
        assertTrue(first.trace().loss() != later.trace().loss());
    }

    @Test
    void aSoftmaxTraceReadsAsThePredictedClassAndItsProbability() throws InterruptedException {
        TrainingConfig spiral = config().withData(dev.backprop.playground.engine.data.DatasetKind.SPIRAL, 300, 0.02, 0, 3);
        SessionEngine engine = new SessionEngine(spiral);
        EngineDriver.apply(engine, new Command.Step(300));
        Snapshot traced = EngineDriver.apply(engine, new Command.TracePoint(0.3, -0.2, 2, -1));
        // the same point through an independent forward pass of the same weights
        Trainer check = Trainer.fromConfig(spiral);
        for (int i = 0; i < 300; i++) {
            check.step();
        }
        check.trace(0.3, -0.2, 2);
        double[] p = check.network().lastOutput().data;
        int best = 0;
        for (int k = 1; k < 3; k++) {
            best = p[k] > p[best] ? k : best;
        }
        assertEquals(String.format(java.util.Locale.ROOT, "class %d, P = %.3f", best, p[best]), traced.trace().output());
        assertEquals("2", traced.trace().labelText());
        assertTrue(traced.graph().title().endsWith("values for the traced point x = (0.300, -0.200), y = 2"),
                traced.graph().title());
        Snapshot cleared = EngineDriver.apply(engine, new Command.ClearTrace());
        assertTrue(cleared.graph().title().contains("values for the last example x = ("), cleared.graph().title());
    }

    @Test
    void aBadTraceIsRefusedWithItsReason() {
        assertTrue(new Command.TracePoint(0, 0, Double.NaN, -1).problem().contains("label must be a finite number"));
        assertTrue(new Command.TracePoint(Double.NaN, 0, 1, -1).problem().contains("within 1000"));
        assertTrue(new Command.TracePoint(0, 2000, 1, -1).problem().contains("within 1000"));
        SessionEngine engine = new SessionEngine(config());
        engine.apply(new Command.TracePoint(0, 0, 1, 1_000_000));
        assertTrue(engine.snapshot().problem().text().contains("no point 1000000"));
        assertNull(engine.snapshot().trace());
        // a binary head's classes are 0 and 1: 0.5 is no class (a regression head would take it)
        engine.apply(new Command.TracePoint(0, 0, 0.5, -1));
        assertTrue(engine.snapshot().problem().text().contains("class index from 0 to 1, got 0.5"),
                engine.snapshot().problem().text());
        assertNull(engine.snapshot().trace());
    }

    private static void assertSameValues(GraphModel expected, GraphModel actual) {
        for (GraphNode e : expected.nodes()) {
            GraphNode a = actual.node(e.id());
            assertNotNull(a, e.id());
            assertTensor(e.data(), a.data(), e.id() + " data");
            assertTensor(e.grad(), a.grad(), e.id() + " grad");
        }
    }

    private static void assertTensor(Tensor e, Tensor a, String what) {
        if (e == null || a == null) {
            assertEquals(e == null, a == null, what);
            return;
        }
        assertEquals(e.isPending(), a.isPending(), what);
        assertEquals(e.values().length, a.values().length, what);
        for (int i = 0; i < e.values().length; i++) {
            assertEquals(e.values()[i], a.values()[i], TOLERANCE, what + " [" + i + "]");
        }
    }
}
