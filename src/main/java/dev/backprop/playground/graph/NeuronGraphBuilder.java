package dev.backprop.playground.graph;

import dev.backprop.playground.engine.nn.CachingLayer;
import dev.backprop.playground.engine.nn.Layer;
import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.NeuronGrid;
import dev.backprop.playground.engine.nn.NodeId;
import dev.backprop.playground.engine.nn.Sequential;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * The network one neuron at a time, as TensorFlow Playground draws it: the inputs x1, x2, one node
 * per hidden unit ({@code h1.1 … h1.N}, {@code h2.1 …}), the output unit ({@code out}) and the loss,
 * with one edge per weight (its value and dL/dw on it). Each neuron carries z, its activation a,
 * dL/da, its bias and, when given, a picture of a over the input plane. Values are those of the
 * tensor view (the same step, batch means for a mini-batch), revealed by the same step-through: a
 * tensor step of layer k lights the neurons (and for W_k the edges) of layer k.
 *
 * <p>A layer wider than {@link #MAX_SHOWN} shows its first units and one node standing for the rest.
 * Image data (8x8, 28x28) enters as ONE card, x drawn as the image it is (784 cards would say nothing),
 * with one edge to each unit; a first-layer unit's picture is then its incoming weights in the image's
 * shape, all on one diverging scale (the layer's largest |w|). A softmax's units are named by class.
 */
public final class NeuronGraphBuilder {
    /** Units drawn per layer; the rest of a wider layer is one "+N more" node. */
    public static final int MAX_SHOWN = 8;
    /** Units of a layer shown once it is expanded (a click on its "+N more" node). */
    public static final int MAX_EXPANDED = 32;
    /** Output units drawn: all ten of a 10-class softmax (each names its class). */
    public static final int MAX_OUTPUTS = 10;
    static final String[] INPUT_NAMES = {"x1", "x2"};

    private NeuronGraphBuilder() {
    }

    /** Whether the neuron view is the natural one: every layer has at most {@link #MAX_SHOWN} units. */
    public static boolean fits(Sequential net) {
        for (int w : net.widths(net.inputSize())) {
            if (w > MAX_SHOWN) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param thumbnails pictures by node id (inputs {@code x1}, neurons {@code h1.3}, {@code out}); may
     *                   be empty
     * @param reveal     what a step-through has revealed, or null for everything
     */
    public static GraphModel build(Sequential net, DMatrixRMaj x, DMatrixRMaj y, double loss,
                                   NetworkGraphBuilder.Reveal reveal, Map<String, Thumbnail> thumbnails) {
        return build(net, x, y, loss, reveal, thumbnails, -1, Set.of(), null);
    }

    /** How many output units are drawn: all up to {@link #MAX_OUTPUTS}, the rest behind a "+N more" node. */
    public static int shownOutputs(int units) {
        return Math.min(units, MAX_OUTPUTS);
    }

    /** As the full build, with a softmax's units named by their indices. */
    public static GraphModel build(Sequential net, DMatrixRMaj x, DMatrixRMaj y, double loss,
                                   NetworkGraphBuilder.Reveal reveal, Map<String, Thumbnail> thumbnails, int unit,
                                   Set<Integer> expanded) {
        return build(net, x, y, loss, reveal, thumbnails, unit, expanded, null);
    }

    /** How many units of hidden layer {@code k} are drawn: 8, or 32 once the layer is expanded. */
    public static int shownUnits(int k, int units, Set<Integer> expanded) {
        return Math.min(units, expanded.contains(k) ? MAX_EXPANDED : MAX_SHOWN);
    }

    /**
     * @param unit in a layer step, the one unit to light (its chain rule is the one a reader follows:
     *             backprop neuron by neuron), or -1 for the whole layer
     * @param expanded hidden layers (1 for h1 ...) drawn with up to {@link #MAX_EXPANDED} units
     * @param classNames the classes' names (Fashion-MNIST's garments) for a softmax's units, or null: their indices
     */
    public static GraphModel build(Sequential net, DMatrixRMaj x, DMatrixRMaj y, double loss,
                                   NetworkGraphBuilder.Reveal reveal, Map<String, Thumbnail> thumbnails, int unit,
                                   Set<Integer> expanded, List<String> classNames) {
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphModel.Edge> edges = new ArrayList<>();
        Map<GraphModel.Edge, EdgeWeight> weights = new HashMap<>();
        NodeId hl = reveal == null ? null : reveal.highlight();
        // the step lit now is a backward one when its gradient is known
        boolean backward = hl != null && reveal.knownGrads().contains(hl);
        List<Layer> layers = net.layers();
        // the weight edges into each layer's units (index 1 for W1 ...), and the last units' edges to the loss
        Map<Integer, List<GraphModel.Edge>> into = new HashMap<>();
        List<GraphModel.Edge> toLoss = new ArrayList<>();

        // the inputs: x1, x2 and any features, as the first layer receives them
        Linear first = (Linear) layers.get(0);
        List<String> inputNames = net.features().idList();
        double[] xMean = mean(net.lastInputs() != null && net.lastInputs().numCols == inputNames.size() ? net.lastInputs() : x);
        // the stepper names the inputs' step by what the first layer receives
        NodeId inputStep = NodeId.firstLayerInput(net.features().isRaw());
        double[] dx = first.lastGradOutput() != null && known(reveal, inputStep) ? columnSums(first.lastGradInput()) : null;
        List<String> previous = new ArrayList<>();
        int previousUnits = first.inputSize(); // the units among previous (a "+N more" node may follow)
        int[] image = imageShape(net);
        // on the plane every unit has a picture over it (the boundary's cadence brings them); off it, none does
        boolean onThePlane = NeuronGrid.covers(net);
        if (image != null) {
            nodes.add(new GraphNode(NodeId.input(), "x", NodeKind.INPUT, "", Tensor.of(image[0], image[1], xMean),
                    dx == null ? null : Tensor.of(image[0], image[1], dx), "x: the input"
                    + (x.numRows == 1 ? " example" : "s, mean of the batch of " + x.numRows) + ", a " + image[0] + "x"
                    + image[1] + " image; each unit of layer 1 shows its weights from it as a picture", inputStep.equals(hl)));
            previous.add(NodeId.input().text());
            previousUnits = 1;
        } else {
            for (int i = 0; i < first.inputSize(); i++) {
                String id = i < inputNames.size() ? inputNames.get(i) : inputName(i);
                nodes.add(new GraphNode(id, id, NodeKind.INPUT, "", Tensor.scalar(xMean[i]), dx == null ? null : Tensor.scalar(dx[i]),
                        id + " = " + NumberFormat.fixed4(xMean[i]), inputStep.equals(hl), Neuron.input(onThePlane ? thumbnails.get(id) : null, onThePlane)));
                previous.add(id);
            }
        }

        int k = 0;
        int lastLayer = 0;
        NodeId lastAct = null;
        for (int i = 0; i < layers.size(); i++) {
            if (!(layers.get(i) instanceof Linear lin)) {
                continue;
            }
            k++;
            lastLayer = k;
            CachingLayer act = activationAfter(layers, i);
            boolean output = isLastLinear(layers, i);
            int units = lin.outputSize(lin.inputSize());
            int shown = output ? shownOutputs(units) : shownUnits(k, units, expanded);
            boolean fromImage = image != null && k == 1;
            double maxAbsW = fromImage ? maxAbs(lin.weight().value().data) : Double.NaN;
            boolean named = output && units > 1 && act != null && act.kind().equals("softmax");
            NodeId add = NodeId.add(k);
            NodeId actId = NodeId.activation(k);
            lastAct = act == null ? add : actId;
            boolean layerLit = hl != null && (hl.equals(NodeId.matmul(k)) || hl.equals(add) || hl.equals(actId));
            double[] z = mean(lin.lastOutput());
            double[] a = act == null ? z : mean(act.lastOutput());
            boolean actBackward = act != null && (act.lastGradOutput() != null || act.lastBackwardFused());
            DMatrixRMaj actGrad = act == null ? null : NetworkGraphBuilder.gradOfOutput(layers, i + 1, act);
            double[] dA = actGrad != null ? columnSums(actGrad)
                    : act == null && lin.lastGradOutput() != null ? columnSums(lin.lastGradOutput()) : null;
            // dL/dz: this layer's own gradient, or what the activation (a fused softmax too) handed back
            double[] dZ = lin.lastGradOutput() != null ? columnSums(lin.lastGradOutput())
                    : actBackward ? columnSums(act.lastGradInput()) : null;
            boolean zPending = pending(reveal, add);
            boolean aPending = pending(reveal, lastAct);
            boolean dAKnown = dA != null && known(reveal, lastAct);
            boolean dZKnown = dZ != null && known(reveal, add);
            // a fresh network's gradient buffers hold zeros, not gradients: unknown until a backward pass
            boolean dWKnown = lin.lastGradOutput() != null && known(reveal, NodeId.weight(k));
            double[] w = lin.weight().value().data;
            double[] dw = lin.weight().grad().data;
            double[] b = lin.bias().value().data;
            String fn = act == null ? "identity" : act.kind();
            List<String> current = new ArrayList<>();
            List<GraphModel.Edge> layerEdges = new ArrayList<>();
            into.put(k, layerEdges);
            for (int j = 0; j < shown; j++) {
                NodeId node = NodeId.unit(k, j, units, output);
                String id = node.text();
                String formula = formula(id, fn, fromImage ? "W1[:," + (j + 1) + "]\u00b7x" : null, previous, w, b, j, units,
                        zPending ? Double.NaN : z[j],
                        aPending ? Double.NaN : a[j], dAKnown ? dA[j] : Double.NaN, dZKnown ? dZ[j] : Double.NaN,
                        hl != null && hl.equals(add) && dZKnown);
                // off the plane no unit has a picture over it: over an image a first-layer unit's is its weights
                boolean pictured = onThePlane || fromImage;
                Thumbnail picture = onThePlane ? thumbnails.get(id) : fromImage ? weightPicture(w, j, units, image, maxAbsW) : null;
                String label = named ? (classNames != null && j < classNames.size() ? classNames.get(j) : "class " + j) : id;
                nodes.add(new GraphNode(node.text(), label, NodeKind.VALUE, fn,
                        aPending ? Tensor.pending(1, 1) : Tensor.scalar(a[j]), dAKnown ? Tensor.scalar(dA[j]) : null, formula,
                        layerLit && (unit < 0 || unit == j), new Neuron(false, !zPending, z[j], b[j], picture, pictured), node,
                        null));
                current.add(id);
                if (fromImage) { // one edge from the image: the unit's picture shows its weights
                    GraphModel.Edge e = new GraphModel.Edge(previous.get(0), id);
                    edges.add(e);
                    layerEdges.add(e);
                    continue;
                }
                for (int p = 0; p < previousUnits; p++) {
                    GraphModel.Edge e = new GraphModel.Edge(previous.get(p), id);
                    edges.add(e);
                    weights.put(e, new EdgeWeight(String.format(Locale.ROOT, "W%d[%d,%d]", k, p + 1, j + 1), w[p * units + j],
                            dWKnown ? dw[p * units + j] : Double.NaN));
                    layerEdges.add(e);
                }
            }
            boolean isExpanded = !output && expanded.contains(k);
            if (units > shown || isExpanded && units > MAX_SHOWN) {
                // a click on it shows more units (or, expanded, fewer again)
                NodeId more = NodeId.more(k, output);
                String id = more.text();
                String label = units > shown ? "+" + (units - shown) + " more" : "fewer";
                String what = isExpanded ? "click: back to " + MAX_SHOWN + " units of layer " + k
                        : (units - shown) + " more units of layer " + k + ": click to show up to " + MAX_EXPANDED;
                nodes.add(new GraphNode(more, label, NodeKind.VALUE, "", Tensor.pending(1, 1), null, what, false));
                for (String p : previous.subList(0, previousUnits)) {
                    edges.add(new GraphModel.Edge(p, id));
                }
                current.add(id);
            }
            previous = current;
            previousUnits = shown;
        }

        nodes.add(new GraphNode(NodeId.label(), "y", NodeKind.INPUT, "", Tensor.scalar(mean(y)[0]), null,
                y.numRows == 1 ? "the label of the example" : "the labels, mean of the batch of " + y.numRows, false));
        boolean lossKnown = net.lossGradient() != null && known(reveal, NodeId.loss());
        nodes.add(new GraphNode(NodeId.loss(), "L", NodeKind.LOSS, net.loss().id(), Tensor.scalar(loss),
                lossKnown ? Tensor.scalar(1) : null, LossFormula.of(net, "\u0177"), NodeId.loss().equals(hl)));
        for (String p : previous) {
            GraphModel.Edge e = new GraphModel.Edge(p, "loss");
            edges.add(e);
            toLoss.add(e);
        }
        edges.add(new GraphModel.Edge("y", "loss"));
        String title = "neurons of " + NetworkTitle.of(net, x, y);
        Set<GraphModel.Edge> flow = flow(hl, backward, inputStep, lastLayer, into, toLoss);
        if (unit >= 0 && backward) {
            // one unit lit: only the gradient coming back to it
            Set<String> lit = new HashSet<>();
            for (GraphNode n : nodes) {
                if (n.highlighted()) {
                    lit.add(n.id());
                }
            }
            flow.removeIf(e -> !lit.contains(e.from()));
        }
        return new GraphModel(title, nodes, edges, flow, weights, backward);
    }

    /**
     * The edges a step's value or gradient travels along: forward at layer k, the weights into its
     * units; dL/dW_k, those same weights; backward at a_k (dL/da_k = dL/dz_{k+1} · W_{k+1}ᵀ), the
     * weights out of layer k (to the loss for the output units); dL/dx, the first layer's weights.
     * Steps inside a unit (dL/dz from dL/da, db) light the units only.
     */
    private static Set<GraphModel.Edge> flow(NodeId hl, boolean backward, NodeId inputStep, int lastLayer,
                                             Map<Integer, List<GraphModel.Edge>> into, List<GraphModel.Edge> toLoss) {
        if (hl == null) {
            return new HashSet<>();
        }
        for (int k = 1; k <= lastLayer; k++) {
            boolean layerStep = hl.equals(NodeId.matmul(k)) || hl.equals(NodeId.add(k)) || hl.equals(NodeId.activation(k));
            if (!backward && layerStep || hl.equals(NodeId.weight(k))) {
                return new HashSet<>(into.get(k));
            }
            if (backward && hl.equals(NodeId.activation(k))) {
                return new HashSet<>(k == lastLayer ? toLoss : into.get(k + 1));
            }
        }
        return backward && hl.equals(inputStep) ? new HashSet<>(into.get(1)) : new HashSet<>();
    }

    /** A unit's node id: {@code h2.3} for unit 3 of hidden layer 2, {@code out} or {@code out.3} for the outputs. */
    public static String unitId(int layer, int unit, int units, boolean output) {
        return NodeId.unit(layer, unit, units, output).text();
    }

    /** The activation stage right after linear layer {@code i} (relu, tanh, sigmoid, softmax ...), or null. */
    public static CachingLayer activationAfter(List<Layer> layers, int i) {
        return i + 1 < layers.size() && !(layers.get(i + 1) instanceof Linear) && layers.get(i + 1) instanceof CachingLayer c
                ? c : null;
    }

    /** Whether linear layer {@code i} is the last one: its units are the network's outputs. */
    public static boolean isLastLinear(List<Layer> layers, int i) {
        for (int j = i + 1; j < layers.size(); j++) {
            if (layers.get(j) instanceof Linear) {
                return false;
            }
        }
        return true;
    }

    /** {rows, cols} of the picture the first layer receives whole (raw square image inputs), else null. */
    static int[] imageShape(Sequential net) {
        int[] shape = net.features().isRaw() ? net.features().inputs().shape() : null;
        return shape != null && shape[0] == shape[1] && shape[0] * shape[1] == net.inputSize() ? shape : null;
    }

    /** Unit {@code j}'s incoming weights (column j of the inputs x units matrix {@code w}) in the image's shape. */
    static Thumbnail weightPicture(double[] w, int j, int units, int[] image, double scale) {
        double[] column = new double[image[0] * image[1]];
        for (int p = 0; p < column.length; p++) {
            column[p] = w[p * units + j];
        }
        return new Thumbnail(image[0], column, false, scale);
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    static String inputName(int i) {
        return i < INPUT_NAMES.length ? INPUT_NAMES[i] : "x" + (i + 1);
    }

    /**
     * The neuron's computation with its numbers: in the forward pass z as the weighted sum and a;
     * when backprop has just reached z, the chain rule {@code dL/dz = dL/da · relu'(z) = 0.31 · 1}.
     */
    private static String formula(String id, String fn, String product, List<String> inputs, double[] w, double[] b, int j,
                                  int units, double z, double a, double dA, double dZ, boolean backwardHere) {
        StringBuilder s = new StringBuilder(id).append(": z = ");
        if (product != null) {
            s.append(product).append(" + ");
        }
        for (int p = 0; product == null && p < Math.min(inputs.size(), MAX_SHOWN); p++) {
            s.append(NumberFormat.short4(w[p * units + j])).append("\u00b7").append(inputs.get(p)).append(" + ");
        }
        if (product == null && inputs.size() > MAX_SHOWN) {
            s.append("\u2026 + ");
        }
        s.append(NumberFormat.short4(b[j])).append(" = ").append(Double.isNaN(z) ? "\u2013" : NumberFormat.short4(z));
        s.append("\na = ").append(fn).append("(z) = ").append(Double.isNaN(a) ? "\u2013" : NumberFormat.short4(a));
        if (!Double.isNaN(dA)) {
            s.append("\ndL/da = ").append(NumberFormat.short4(dA)).append("   (from the layer above: \u03a3 w \u00b7 dL/dz)");
        }
        if (!Double.isNaN(dZ)) {
            double local = Double.isNaN(dA) || dA == 0 ? Double.NaN : dZ / dA;
            s.append("\ndL/dz = dL/da \u00b7 ").append(fn).append("'(z)");
            if (!Double.isNaN(dA)) {
                s.append(" = ").append(NumberFormat.short4(dA)).append(" \u00b7 ")
                        .append(Double.isNaN(local) ? "?" : NumberFormat.short4(local));
            }
            s.append(" = ").append(NumberFormat.short4(dZ));
        }
        if (backwardHere) {
            s.append("   \u2190 this step");
        }
        return s.toString();
    }

    private static boolean pending(NetworkGraphBuilder.Reveal reveal, NodeId id) {
        return reveal != null && reveal.pendingData().contains(id);
    }

    private static boolean known(NetworkGraphBuilder.Reveal reveal, NodeId id) {
        return reveal == null || reveal.knownGrads().contains(id);
    }

    /** Column means: the batch mean of each unit (one example passes through). */
    private static double[] mean(DMatrixRMaj m) {
        double[] out = columnSums(m);
        for (int c = 0; c < out.length; c++) {
            out[c] /= m.numRows;
        }
        return out;
    }

    /** Column sums: for dL/dnode of a mean loss, the mean of each example's own gradient. */
    private static double[] columnSums(DMatrixRMaj m) {
        double[] out = new double[m.numCols];
        for (int r = 0; r < m.numRows; r++) {
            for (int c = 0; c < m.numCols; c++) {
                out[c] += m.data[r * m.numCols + c];
            }
        }
        return out;
    }
}
