package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.GraphView;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The session publishes the neuron view for small networks, and stepping it is a training step. */
class NeuronViewSessionTest {

    private static TrainingConfig small() {
        TrainingConfig d = TrainingConfig.defaults();
        return d.withNetwork(d.network().withHidden(4, 3));
    }

    @Test
    void aSmallNetworkIsShownAsNeuronsWithPicturesAndTheToggleSwitchesViews() throws Exception {
        try (TrainingSession s = new TrainingSession(small())) {
            Snapshot first = Sessions.await(s, x -> x.graph().isNeuronView());
            GraphNode h = first.graph().node("h1.1");
            assertTrue(h.neuron().thumbnail() != null, "pictures come with the grid");
            s.send(new Command.SetGraphView(GraphView.TENSORS));
            assertTrue(Sessions.await(s, x -> !x.graph().isNeuronView()).graph().contains("W1"));
            s.send(new Command.SetGraphView(GraphView.NEURONS));
            Sessions.await(s, x -> x.graph().isNeuronView());
        }
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults())) {
            assertFalse(Sessions.await(s, x -> x.graph() != null).graph().isNeuronView(), "50 units: tensors by default");
        }
    }

    @Test
    void steppingTheNeuronViewIsATrainingStep() throws Exception {
        try (TrainingSession s = new TrainingSession(small())) {
            Sessions.await(s, x -> x.graph().isNeuronView());
            s.send(new Command.NodeForward());
            Snapshot started = Sessions.await(s, x -> x.stepping() != null && x.stepping().position() == 1);
            // x·W1 lights layer 1's units, z not computed yet; then z = x·W1 + b1, a not yet
            assertTrue(started.graph().node("h1.2").highlighted());
            assertFalse(started.graph().node("h1.2").neuron().zKnown());
            s.send(new Command.NodeForward());
            GraphModel g = Sessions.await(s, x -> x.stepping() != null && x.stepping().position() == 2).graph();
            assertTrue(g.node("h1.2").highlighted());
            assertTrue(g.node("h1.2").neuron().zKnown());
            assertTrue(g.node("h1.2").data().isPending());
            s.send(new Command.FinishPass());
            s.send(new Command.FinishPass());
            s.send(new Command.FinishPass());
            Snapshot done = Sessions.await(s, x -> x.stepping() != null && x.stepping().complete() && x.step() == 1);
            Trainer plain = Trainer.fromConfig(done.config());
            plain.step();
            Linear w1 = (Linear) plain.network().layers().get(0);
            // every weight edge of layer 1 carries the weight a plain training step left
            double[] shown = new double[w1.weight().value().getNumElements()];
            for (GraphModel.Edge e : done.graph().edges()) {
                var w = done.graph().weight(e);
                if (w != null && w.name().startsWith("W1[")) {
                    String[] ij = w.name().substring(3, w.name().length() - 1).split(",");
                    shown[(Integer.parseInt(ij[0]) - 1) * 4 + Integer.parseInt(ij[1]) - 1] = w.weight();
                }
            }
            assertArrayEquals(w1.weight().value().data, shown);
            assertEquals(plain.lastLoss(), done.graph().node("loss").data().first(), 1e-12);
        }
    }

    @Test
    void theNetworkSpecOfTheTestIsSmall() {
        NetworkSpec spec = small().network();
        assertEquals(2, spec.hidden().length);
    }

    @Test
    void theBackwardPassWalksALayersUnitsOneByOneAndStillEqualsATrainingStep() throws Exception {
        try (TrainingSession s = new TrainingSession(small())) {
            Sessions.await(s, x -> x.graph().isNeuronView());
            // to the first backward step of hidden layer 2's activation (dL/dh2): 3 units, lit one at a time
            Snapshot at = null;
            for (int i = 0; i < 60; i++) {
                s.send(new Command.NodeForward());
                int want = i + 1;
                at = Sessions.await(s, x -> x.stepping() != null && x.stepping().position() >= want);
                if (at.message().contains("unit 1 of 3")) {
                    break;
                }
            }
            GraphModel g = at.graph();
            assertTrue(g.node("h2.1").highlighted());
            assertFalse(g.node("h2.2").highlighted(), "one unit at a time");
            int position = at.stepping().position();
            s.send(new Command.NodeForward());
            Snapshot next = Sessions.await(s, x -> x.graph().node("h2.2").highlighted());
            assertEquals(position, next.stepping().position(), "a unit step does not move the training step");
            assertFalse(next.graph().node("h2.1").highlighted());
            assertTrue(next.message().contains("unit 2 of 3"), next.message());
            // the gradient came back to h2.2 alone: only its edge to the output is lit
            assertEquals(java.util.Set.of(new GraphModel.Edge("h2.2", "out")), next.graph().flow());
            s.send(new Command.NodeBack());
            Sessions.await(s, x -> x.graph().node("h2.1").highlighted());
            // walk the rest of the pass node by node, units included: the update equals a plain step
            for (int i = 0; i < 200 && !s.latest().stepping().complete(); i++) {
                long before = s.latest().stepping().position();
                String msg = s.latest().message();
                s.send(new Command.NodeForward());
                Sessions.await(s, x -> x.stepping().complete() || x.stepping().position() != before
                        || !x.message().equals(msg));
            }
            Snapshot done = Sessions.await(s, x -> x.stepping().complete() && x.step() == 1);
            Trainer plain = Trainer.fromConfig(done.config());
            plain.step();
            assertEquals(plain.lastLoss(), done.graph().node("loss").data().first(), 1e-12);
            var w = done.graph().weight(new GraphModel.Edge("x1", "h1.1"));
            assertEquals(((Linear) plain.network().layers().get(0)).weight().value().get(0, 0), w.weight());
        }
    }
}
