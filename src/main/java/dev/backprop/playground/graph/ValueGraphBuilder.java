package dev.backprop.playground.graph;

import dev.backprop.playground.engine.value.Value;
import dev.backprop.playground.engine.value.ValueNames;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Value graph as seed 001's draw_dot draws it: one record per Value ({@code label | data | grad})
 * and, before each computed value, a small op node (+, *, tanh ...) that its operands feed.
 */
public final class ValueGraphBuilder {
    private ValueGraphBuilder() {
    }

    /**
     * @param root       the output (drawn as the loss)
     * @param parameters leaves to draw as parameters; other leaves are inputs
     * @param gradKnown  which values have a computed grad (null: all), for backward stepping
     * @param highlight  the value to mark, or null
     */
    public static GraphModel build(Value root, Set<Value> parameters, Set<Value> gradKnown, Value highlight) {
        return build(root, parameters, null, gradKnown, highlight);
    }

    /**
     * @param dataKnown which values the forward pass has computed (null: all), for forward stepping;
     *                  leaves always have their data
     */
    public static GraphModel build(Value root, Set<Value> parameters, Set<Value> dataKnown, Set<Value> gradKnown,
                                   Value highlight) {
        List<Value> order = root.topologicalOrder();
        ValueNames names = new ValueNames(order);
        Map<Value, String> ids = new IdentityHashMap<>();
        for (int k = 0; k < order.size(); k++) {
            ids.put(order.get(k), "v" + k);
        }
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphModel.Edge> edges = new ArrayList<>();
        for (Value v : order) {
            String id = ids.get(v);
            NodeKind kind = v == root ? NodeKind.LOSS
                    : v.isLeaf() ? (parameters.contains(v) ? NodeKind.PARAMETER : NodeKind.INPUT)
                    : NodeKind.VALUE;
            Tensor grad = gradKnown == null || gradKnown.contains(v) ? Tensor.scalar(v.grad()) : null;
            Tensor data = dataKnown == null || v.isLeaf() || dataKnown.contains(v) ? Tensor.scalar(v.data())
                    : Tensor.pending(1, 1);
            String formula = v.isLeaf() ? "" : names.of(v) + " = " + names.formula(v);
            nodes.add(new GraphNode(id, names.of(v), kind, v.op().symbol(), data, grad,
                    formula, v == highlight));
            if (!v.isLeaf()) {
                String opId = id + "op";
                nodes.add(new GraphNode(opId, "", NodeKind.OP, v.op().symbol(), null, null, "", false));
                for (Value operand : v.operands()) {
                    edges.add(new GraphModel.Edge(ids.get(operand), opId));
                }
                edges.add(new GraphModel.Edge(opId, id));
            }
        }
        // a highlighted value whose grad is known was just reached by the backward pass
        boolean backward = highlight != null && grad(gradKnown, highlight);
        java.util.Set<GraphModel.Edge> flow = highlight == null ? Set.of()
                : GraphModel.flowAt(nodes, edges, ids.get(highlight), backward);
        return new GraphModel(names.of(root) + " = " + names.formula(root), nodes, edges, flow, java.util.Map.of(), backward);
    }

    private static boolean grad(Set<Value> gradKnown, Value v) {
        return gradKnown == null || gradKnown.contains(v);
    }

    public static GraphModel build(Value root) {
        return build(root, Set.of(), null, null);
    }
}
