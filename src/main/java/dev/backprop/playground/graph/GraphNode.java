package dev.backprop.playground.graph;

/**
 * One node of a {@link GraphModel}. A node that carries values is drawn as a record
 * {@code label | data ... | grad ...}; one without (an op of a Value graph) as a small circle.
 *
 * @param id        stable identifier: the same model element keeps its id from snapshot to snapshot
 * @param op        the op symbol (+, *, tanh, matmul ...), empty for leaves
 * @param data      the forward value, or null for op circles
 * @param grad      d output / d node, or null when not computed (op circles, nodes backprop has not reached)
 * @param formula   how the node is computed or, during backward stepping, the chain-rule text; may be empty
 * @param neuron    for a node of the neuron view, its z, bias and picture; null otherwise
 * @param classes   for a softmax output (1 x K), the name of each class, its card lists them with their
 *                  probabilities; null otherwise
 */
public record GraphNode(String id, String label, NodeKind kind, String op, Tensor data, Tensor grad,
                        String formula, boolean highlighted, Neuron neuron, java.util.List<String> classes) {

    public GraphNode {
        classes = classes == null ? null : java.util.List.copyOf(classes);
    }

    public GraphNode(String id, String label, NodeKind kind, String op, Tensor data, Tensor grad, String formula,
                     boolean highlighted, Neuron neuron) {
        this(id, label, kind, op, data, grad, formula, highlighted, neuron, null);
    }

    public GraphNode(String id, String label, NodeKind kind, String op, Tensor data, Tensor grad, String formula,
                     boolean highlighted) {
        this(id, label, kind, op, data, grad, formula, highlighted, null);
    }

    public boolean hasValue() {
        return data != null;
    }

    /** The record's three compartments: label, "data ...", "grad ..." (grad "-" when not computed). */
    public String[] compartments() {
        String head = label.isEmpty() ? op : label;
        if (kind == NodeKind.OP && !label.isEmpty() && !op.isEmpty()) {
            head = label + " (" + op + ")";
        }
        return new String[] {
            head,
            "data " + NumberFormat.tensor(data),
            "grad " + (grad == null ? "\u2013" : NumberFormat.tensor(grad)),
        };
    }
}
