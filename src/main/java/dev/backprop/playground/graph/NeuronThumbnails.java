package dev.backprop.playground.graph;

import dev.backprop.playground.engine.nn.Layer;
import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.NeuronGrid;
import dev.backprop.playground.engine.nn.Sequential;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The pictures of the neuron view: each shown unit's activation over the boundary pane's plane, on
 * a {@link NeuronGrid#DEFAULT_SIZE}-cell grid, keyed by the neuron view's node ids (x1, h1.3, out).
 * Keeps its grid's buffers between calls: one thread only.
 */
public final class NeuronThumbnails {
    private final NeuronGrid grid;

    /** @param bounds {minX1, maxX1, minX2, maxX2}: the plane the boundary is drawn on */
    public NeuronThumbnails(double[] bounds) {
        grid = new NeuronGrid(NeuronGrid.DEFAULT_SIZE, bounds);
    }

    /** The pictures of {@code net}'s inputs and shown units, by the neuron view's node ids. */
    public Map<String, Thumbnail> compute(Sequential net) {
        return compute(net, java.util.Set.of());
    }

    /** As {@link #compute(Sequential)}, with the units of the {@code expanded} layers beyond the first 8. */
    public Map<String, Thumbnail> compute(Sequential net, java.util.Set<Integer> expanded) {
        int size = grid.size();
        Map<String, Thumbnail> out = new HashMap<>();
        List<DMatrixRMaj> stages = grid.evaluate(net);
        List<String> inputs = net.features().idList();
        for (int c = 0; c < inputs.size(); c++) {
            out.put(inputs.get(c), new Thumbnail(size, grid.input(c), false));
        }
        List<Layer> layers = net.layers();
        int k = 0;
        for (int i = 0; i < layers.size(); i++) {
            if (!(layers.get(i) instanceof Linear lin)) {
                continue;
            }
            k++;
            Layer activation = NeuronGraphBuilder.activationAfter(layers, i);
            int stage = activation != null ? i + 1 : i;
            boolean output = NeuronGraphBuilder.isLastLinear(layers, i);
            int units = lin.outputSize(lin.inputSize());
            // a binary head's output is P(class 1): its picture is the boundary, in the boundary's colours
            boolean probability = output && units == 1 && activation != null && activation.kind().equals("sigmoid");
            int shown = output ? NeuronGraphBuilder.shownOutputs(units) : NeuronGraphBuilder.shownUnits(k, units, expanded);
            for (int j = 0; j < shown; j++) {
                String id = NeuronGraphBuilder.unitId(k, j, units, output);
                out.put(id, new Thumbnail(size, NeuronGrid.unit(stages.get(stage), j), probability));
            }
        }
        return out;
    }
}
