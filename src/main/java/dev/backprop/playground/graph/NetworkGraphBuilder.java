package dev.backprop.playground.graph;

import dev.backprop.playground.engine.nn.CachingLayer;
import dev.backprop.playground.engine.nn.Layer;
import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.NodeId;
import dev.backprop.playground.engine.nn.Sequential;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A network's computation at tensor level: x, W1, b1, matmul, +, relu, W2, b2, matmul, +, sigmoid,
 * y, loss. Each node carries the data and grad of the last training step (the batch it saw).
 * Op nodes are records here: an op's output is a tensor worth seeing.
 *
 * <p>With a mini-batch, a per-example tensor (x, the op outputs, y: one row per example) is shown
 * as its batch mean, one row. Its grad is the mean of each example's own gradient
 * d loss_i / d node_i, which is the column sum of dL/dnode (L is the mean loss, so each row of
 * dL/dnode carries a 1/batch): for z = xW + b that is exactly dL/db.
 */
public final class NetworkGraphBuilder {
    private NetworkGraphBuilder() {
    }

    /**
     * @param x    the last batch's inputs (rows x features)
     * @param y    the last batch's labels
     * @param loss the last batch's mean loss
     */
    public static GraphModel build(Sequential net, DMatrixRMaj x, DMatrixRMaj y, double loss) {
        return build(net, x, y, loss, null);
    }

    /**
     * What a step-through has revealed: forward values still pending, gradients known, the node
     * just computed (highlighted, its text as the formula). Null reveals everything.
     */
    public record Reveal(java.util.Set<NodeId> pendingData, java.util.Set<NodeId> knownGrads, NodeId highlight,
                         String text) {
    }

    public static GraphModel build(Sequential net, DMatrixRMaj x, DMatrixRMaj y, double loss, Reveal reveal) {
        return build(net, x, y, loss, reveal, null);
    }

    /**
     * @param classNames the name of each class, for a softmax output's card (null: the class indices)
     */
    public static GraphModel build(Sequential net, DMatrixRMaj x, DMatrixRMaj y, double loss, Reveal reveal,
                                   List<String> classNames) {
        GraphModel full = buildAll(net, x, y, loss, classNames);
        if (reveal == null) {
            return full;
        }
        List<GraphNode> nodes = new ArrayList<>();
        for (GraphNode n : full.nodes()) {
            Tensor data = reveal.pendingData().contains(n.node()) ? Tensor.pending(n.data().rows(), n.data().cols()) : n.data();
            Tensor grad = reveal.knownGrads().contains(n.node()) ? n.grad() : null;
            boolean here = n.node() != null && n.node().equals(reveal.highlight());
            nodes.add(new GraphNode(n.id(), n.label(), n.kind(), n.op(), data, grad, here ? reveal.text() : n.formula(), here,
                    n.neuron(), n.node(), n.classes()));
        }
        boolean backward = reveal.highlight() != null && reveal.knownGrads().contains(reveal.highlight());
        java.util.Set<GraphModel.Edge> flow = reveal.highlight() == null ? java.util.Set.of()
                : GraphModel.flowAt(nodes, full.edges(), reveal.highlight().text(), backward);
        return new GraphModel(full.title(), nodes, full.edges(), flow, java.util.Map.of(), backward);
    }

    private static GraphModel buildAll(Sequential net, DMatrixRMaj x, DMatrixRMaj y, double loss, List<String> classNames) {
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphModel.Edge> edges = new ArrayList<>();
        List<Layer> layers = net.layers();
        // a layer's grads exist once a backward pass has reached it: during the very first step-through
        // the later layers have theirs before the earlier ones
        Layer first = layers.get(0);
        Layer lastLayer = layers.get(layers.size() - 1);
        Tensor firstGrad = first instanceof Linear l0 && l0.lastGradOutput() != null ? rowSum(l0.lastGradInput()) : null;
        boolean raw = net.features().isRaw();
        int[] image = net.features().inputs().shape();
        nodes.add(new GraphNode(NodeId.input(), "x", NodeKind.INPUT, "", asImage(rowMean(x), image),
                raw ? asImage(firstGrad, image) : null,
                (x.numRows == 1 ? "the input example" : "the inputs, mean of the batch of " + x.numRows)
                + (image == null ? "" : ", as a " + image[0] + "x" + image[1] + " image"), false));
        String previous = "x";
        String previousName = "x";
        if (!raw) {
            // the front stage: the features the first layer sees (no parameters, so no gradient flows past it)
            DMatrixRMaj inputs = net.lastInputs() != null && net.lastInputs().numCols == net.inputSize()
                    ? net.lastInputs() : new DMatrixRMaj(1, net.inputSize());
            nodes.add(new GraphNode(NodeId.features(), "features", NodeKind.OP, "features", rowMean(inputs), firstGrad,
                    "features = (" + net.features().symbols() + ") of x", false));
            edges.add(new GraphModel.Edge("x", "features"));
            previous = "features";
            previousName = "features";
        }
        int linearIndex = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            boolean last = i == layers.size() - 1;
            if (layer instanceof Linear lin) {
                boolean trained = lin.lastGradOutput() != null;
                linearIndex++;
                String k = Integer.toString(linearIndex);
                String w = NodeId.weight(linearIndex).text();
                String b = NodeId.bias(linearIndex).text();
                nodes.add(param(NodeId.weight(linearIndex), lin.weight().value(), lin.weight().grad(), trained,
                        "weights of layer " + k + " (" + lin.inputSize() + " in, " + lin.outputSize(0) + " out)"));
                nodes.add(param(NodeId.bias(linearIndex), lin.bias().value(), lin.bias().grad(), trained, "biases of layer " + k));
                DMatrixRMaj z = lin.lastOutput();
                // dL/dz: the activation after z computes it before this layer's own backward runs
                DMatrixRMaj g = trained ? lin.lastGradOutput()
                        : i + 1 < layers.size() && layers.get(i + 1) instanceof CachingLayer next
                        && (next.lastGradOutput() != null || next.lastBackwardFused()) ? next.lastGradInput() : null;
                String mm = NodeId.matmul(linearIndex).text();
                String mmName = previousName + "\u00b7" + w;
                nodes.add(new GraphNode(NodeId.matmul(linearIndex), mmName, NodeKind.OP, "matmul", rowMean(minusBias(z, lin)), rowSumOrNull(g),
                        mmName + " = " + previousName + " \u00b7 " + w, false));
                edges.add(new GraphModel.Edge(previous, mm));
                edges.add(new GraphModel.Edge(w, mm));
                String add = NodeId.add(linearIndex).text();
                String zName = "z" + k;
                nodes.add(new GraphNode(NodeId.add(linearIndex), zName, NodeKind.OP, "+", rowMean(z), rowSumOrNull(g),
                        zName + " = " + mmName + " + " + b, false));
                edges.add(new GraphModel.Edge(mm, add));
                edges.add(new GraphModel.Edge(b, add));
                previous = add;
                previousName = zName;
            } else if (layer instanceof CachingLayer act) {
                String id = NodeId.activation(linearIndex).text();
                String name = last ? "\u0177" : "h" + linearIndex;
                String fn = act.kind();
                Tensor out = rowMean(act.lastOutput());
                // a softmax output is one probability per class: its card names them
                List<String> classes = last && fn.equals("softmax") ? classNames(classNames, out.cols()) : null;
                nodes.add(new GraphNode(id, name, NodeKind.OP, fn, out,
                        gradOfOutput(layers, i, act) == null ? null : rowSum(gradOfOutput(layers, i, act)),
                        name + " = " + fn + "(" + previousName + ")", false, null, NodeId.activation(linearIndex), classes));
                edges.add(new GraphModel.Edge(previous, id));
                previous = id;
                previousName = name;
            }
        }
        nodes.add(new GraphNode(NodeId.label(), "y", NodeKind.INPUT, "", rowMean(y), null,
                y.numRows == 1 ? "the label of the example" : "the labels, mean of the batch of " + y.numRows, false));
        String lossOp = net.loss().id();
        nodes.add(new GraphNode(NodeId.loss(), "L", NodeKind.LOSS, lossOp, Tensor.scalar(loss),
                lastLayer instanceof CachingLayer a && (a.lastGradOutput() != null || a.lastBackwardFused())
                        ? Tensor.scalar(1) : null, LossFormula.of(net, previousName), false));
        edges.add(new GraphModel.Edge(previous, "loss"));
        edges.add(new GraphModel.Edge("y", "loss"));
        return new GraphModel(NetworkTitle.of(net, x, y), nodes, edges);
    }

    /** The given names when there is one per class, else the class indices 0 .. K-1. */
    private static List<String> classNames(List<String> given, int classes) {
        if (given != null && given.size() == classes) {
            return given;
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            out.add(Integer.toString(k));
        }
        return out;
    }

    /**
     * dL/d(output of stage {@code i}): what the stage received in its last backward, or, before it ran
     * one (the very first step-through), what the next linear layer already handed back.
     */
    static DMatrixRMaj gradOfOutput(List<Layer> layers, int i, CachingLayer stage) {
        if (stage.lastGradOutput() != null) {
            return stage.lastGradOutput();
        }
        return i + 1 < layers.size() && layers.get(i + 1) instanceof Linear next && next.lastGradOutput() != null
                ? next.lastGradInput() : null;
    }

    private static GraphNode param(NodeId id, DMatrixRMaj value, DMatrixRMaj grad, boolean trained, String what) {
        return new GraphNode(id, id.text(), NodeKind.PARAMETER, "", tensor(value), trained ? tensor(grad) : null, what, false);
    }

    /** x W = z - b: the matmul's own output, recovered without keeping another buffer per step. */
    private static DMatrixRMaj minusBias(DMatrixRMaj z, Linear lin) {
        DMatrixRMaj out = z.copy();
        double[] b = lin.bias().value().data;
        for (int r = 0; r < out.numRows; r++) {
            for (int c = 0; c < out.numCols; c++) {
                out.data[r * out.numCols + c] -= b[c];
            }
        }
        return out;
    }

    private static Tensor tensor(DMatrixRMaj m) {
        return Tensor.of(m.numRows, m.numCols, m.data);
    }

    /** One row per example in, the mean row out (a single example passes through). */
    /** A 1 x d input row in its picture's shape (rows x cols), so its heatmap draws the image; else as it is. */
    private static Tensor asImage(Tensor row, int[] shape) {
        if (row == null || shape == null || row.rows() != 1 || row.cols() != shape[0] * shape[1]) {
            return row;
        }
        return new Tensor(shape[0], shape[1], row.values());
    }

    private static Tensor rowMean(DMatrixRMaj m) {
        return reduceRows(m, 1.0 / m.numRows);
    }

    /** The column sums: for dL/dnode of a mean loss, the mean of each example's own gradient. */
    private static Tensor rowSum(DMatrixRMaj m) {
        return reduceRows(m, 1);
    }

    private static Tensor rowSumOrNull(DMatrixRMaj m) {
        return m == null ? null : rowSum(m);
    }

    private static Tensor reduceRows(DMatrixRMaj m, double factor) {
        if (m.numRows == 1) {
            return tensor(m);
        }
        double[] out = new double[m.numCols];
        for (int r = 0; r < m.numRows; r++) {
            for (int c = 0; c < m.numCols; c++) {
                out[c] += m.data[r * m.numCols + c];
            }
        }
        for (int c = 0; c < out.length; c++) {
            out[c] *= factor;
        }
        return Tensor.of(1, m.numCols, out);
    }
}
