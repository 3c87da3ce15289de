package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.graph.GraphView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random command sequences (play, pause, step, node steps, scrub, back to live, resume, trace,
 * rebuild, dataset change, save and load, point edits, reset), and after each command the published
 * state must agree with itself ({@link OneState}): every value and gradient the graph shows equals one
 * recomputed from the weights and the example it shows, the title names the example the cards hold, a
 * traced point is the example shown, and the status line names no step-through when none is on.
 * Small networks on small data, so thousands of sequences take seconds.
 */
class OneStatePropertyTest {
    static final int SEQUENCES = 2000;
    static final int COMMANDS = 8;

    @TempDir
    Path dir;

    @Test
    void everyPublishedStateAgreesWithItselfAfterAnyCommandSequence() throws Exception {
        Path model = dir.resolve("model.json");
        TrainingConfig small = TrainingConfig.defaults().withData(DatasetKind.MOONS, 60, 0.1, 0);
        small = small.withNetwork(small.network().withHidden(3));
        long compared = 0;
        int checkedStates = 0;
        for (int seq = 0; seq < SEQUENCES; seq++) {
            Random r = new Random(seq);
            SessionEngine engine = new SessionEngine(small, 16); // a coarse boundary: the graph is what is checked
            EngineDriver.apply(engine, new Command.SetGraphView(GraphView.TENSORS));
            List<String> done = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                Command c = randomCommand(r, engine.snapshot(), model);
                done.add(c.toString());
                Snapshot s;
                try {
                    s = c instanceof Command.Play ? playABit(engine) : EngineDriver.apply(engine, c);
                } catch (RuntimeException e) {
                    throw new AssertionError("sequence " + seq + " threw after " + done, e);
                }
                String when = "sequence " + seq + " after " + done;
                int n = OneState.assertAgrees(s, when);
                compared += n;
                checkedStates += n > 0 ? 1 : 0;
                if (s.stepping() == null) {
                    assertFalse(s.message().matches("step-through [0-9]+/.*"), when + ": " + s.message());
                }
                if (s.data().train().size() == 0) {
                    assertTrue(Double.isNaN(s.latest().trainLoss()) || s.timeline().scrubbing(),
                            when + ": no point, no loss on the status line");
                }
            }
        }
        assertTrue(checkedStates > SEQUENCES * COMMANDS / 2, "most states were checked: " + checkedStates);
        assertTrue(compared > 100_000, "numbers compared: " + compared);
    }

    /** Play for one slice of the engine thread, then Pause: what a user sees mid-run. */
    private static Snapshot playABit(SessionEngine engine) throws InterruptedException {
        engine.apply(new Command.Play());
        if (engine.scheduler().running()) {
            engine.trainSlice();
        }
        return EngineDriver.apply(engine, new Command.Pause());
    }

    private static Command randomCommand(Random r, Snapshot s, Path model) {
        DataSplit data = s.data();
        int points = data.all().size();
        long step = s.step();
        switch (r.nextInt(20)) {
            case 0, 1:
                return new Command.Step(1 + r.nextInt(300));
            case 2:
                return new Command.Play();
            case 3, 4:
                return new Command.NodeForward();
            case 5:
                return new Command.NodeBack();
            case 6:
                return new Command.FinishPass();
            case 7:
                return new Command.ScrubTo(step == 0 ? 0 : (long) r.nextInt((int) Math.min(step + 1, Integer.MAX_VALUE)));
            case 8:
                return r.nextBoolean() ? new Command.LeaveScrub() : new Command.ResumeFromScrub();
            case 9:
                if (points > 0 && r.nextBoolean()) {
                    int i = r.nextInt(points);
                    return new Command.TracePoint(data.all().x1(i), data.all().x2(i), data.all().labels().get(i), i);
                }
                return new Command.TracePoint(r.nextGaussian(), r.nextGaussian(), r.nextInt(2), -1);
            case 10:
                return new Command.ClearTrace();
            case 11:
                return new Command.SetNetwork(s.config().network().withHidden(2 + r.nextInt(4)));
            case 12:
                DatasetKind[] kinds = {DatasetKind.MOONS, DatasetKind.CIRCLES, DatasetKind.XOR};
                return new Command.SetData(kinds[r.nextInt(kinds.length)], 40 + r.nextInt(40), 0.1, r.nextInt(5));
            case 13:
                return new Command.AddPoints(new double[] {r.nextGaussian(), r.nextGaussian()}, r.nextInt(2));
            case 14:
                return new Command.DeletePointNear(r.nextGaussian(), r.nextGaussian());
            case 15:
                return r.nextInt(3) == 0 ? new Command.ClearPoints() : new Command.UndoEdit();
            case 16:
                return new Command.RedoEdit();
            case 17:
                return new Command.Reset();
            case 18:
                if (r.nextInt(4) == 0) { // files are slow to write: a few hundred saves and loads are enough
                    return Files.exists(model) && r.nextBoolean() ? new Command.LoadModel(model) : new Command.SaveModel(model);
                }
                return new Command.SetLearningRate(0.001 + r.nextDouble() * 0.05);
            default:
                return new Command.SetLearningRate(0.001 + r.nextDouble() * 0.05);
        }
    }

    @Test
    void theCheckCanFail() throws Exception {
        // a graph whose gradients are another example's (the scrub defect) is caught
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults().withData(DatasetKind.MOONS, 60, 0.1, 0));
        EngineDriver.apply(engine, new Command.SetGraphView(GraphView.TENSORS), new Command.Step(50));
        Snapshot s = engine.snapshot();
        dev.backprop.playground.graph.GraphModel g = s.graph();
        List<dev.backprop.playground.graph.GraphNode> nodes = new ArrayList<>();
        for (dev.backprop.playground.graph.GraphNode n : g.nodes()) {
            nodes.add(n.id().equals("b2") ? new dev.backprop.playground.graph.GraphNode(n.id(), n.label(), n.kind(), n.op(),
                    n.data(), dev.backprop.playground.graph.Tensor.scalar(n.grad().first() + 0.1), n.formula(), false)
                    : n);
        }
        Snapshot broken = s.toBuilder().graph(new dev.backprop.playground.graph.GraphModel(g.title(), nodes, g.edges()))
                .build();
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> OneState.assertAgrees(broken, "broken"));
        assertTrue(e.getMessage().contains("dL/db2"), e.getMessage());
        assertEquals(0, OneState.assertAgrees(engine.snapshot(), "fine") == 0 ? 1 : 0, "the real one passes");
    }
}
