package dev.backprop.playground.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A neutral, immutable computation graph: nodes with label, kind, data and grad, and edges from
 * each input to its consumer. Both engines are turned into one, so a single viewer, layout and SVG
 * exporter serve both. Built on the engine thread, read by the UI.
 */
public final class GraphModel {
    /** An edge from the node that produces a value to the node that consumes it. */
    public record Edge(String from, String to) {
    }

    private final String title;
    private final Map<String, GraphNode> nodes;
    private final List<Edge> edges;
    private final java.util.Set<Edge> flow;
    private final Map<Edge, EdgeWeight> weights;
    private final boolean flowBackward;

    public GraphModel(String title, List<GraphNode> nodes, List<Edge> edges) {
        this(title, nodes, edges, java.util.Set.of());
    }

    public GraphModel(String title, List<GraphNode> nodes, List<Edge> edges, java.util.Set<Edge> flow) {
        this(title, nodes, edges, flow, Map.of());
    }

    /**
     * @param flow the edges to highlight while stepping: those the highlighted node's value came
     *             along (forward) or its gradient came back along (backward); a subset of edges
     * @param weights the weight each edge of the neuron view carries (empty for the other views)
     */
    public GraphModel(String title, List<GraphNode> nodes, List<Edge> edges, java.util.Set<Edge> flow,
                      Map<Edge, EdgeWeight> weights) {
        this(title, nodes, edges, flow, weights, false);
    }

    /**
     * @param flowBackward the flow edges carry a gradient back (a backward step), against their
     *                     direction: their arrowheads point at the edge's source
     */
    public GraphModel(String title, List<GraphNode> nodes, List<Edge> edges, java.util.Set<Edge> flow,
                      Map<Edge, EdgeWeight> weights, boolean flowBackward) {
        this.title = title;
        this.flowBackward = flowBackward && !flow.isEmpty();
        Map<String, GraphNode> byId = new LinkedHashMap<>();
        for (GraphNode n : nodes) {
            if (byId.put(n.id(), n) != null) {
                throw new IllegalArgumentException("duplicate node id " + n.id());
            }
        }
        for (Edge e : edges) {
            if (!byId.containsKey(e.from()) || !byId.containsKey(e.to())) {
                throw new IllegalArgumentException("edge " + e + " names a missing node");
            }
        }
        this.nodes = java.util.Collections.unmodifiableMap(byId);
        this.edges = List.copyOf(edges);
        this.flow = java.util.Set.copyOf(flow);
        this.weights = Map.copyOf(weights);
        if (!this.edges.containsAll(this.flow)) {
            throw new IllegalArgumentException("a flow edge is not an edge of the graph");
        }
    }

    /** This graph, titled for a traced point: its values are that point's, not the last training example's. */
    public GraphModel forTracedPoint() {
        return new GraphModel(NetworkTitle.traced(title), List.copyOf(nodes.values()), edges, flow, weights, flowBackward);
    }

    /**
     * This graph when no example exists (the plane was cleared): the parameters keep their values, every
     * value that needs an example is not computed, and no gradient is shown.
     */
    public GraphModel withoutExample() {
        List<GraphNode> shown = new ArrayList<>();
        for (GraphNode n : nodes.values()) {
            Tensor data = n.data() == null || n.kind() == NodeKind.PARAMETER ? n.data()
                    : Tensor.pending(n.data().rows(), n.data().cols());
            shown.add(new GraphNode(n.id(), n.label(), n.kind(), n.op(), data, null, n.formula(), false, n.neuron(),
                    n.classes()));
        }
        return new GraphModel(NetworkTitle.withoutExample(title), shown, edges, java.util.Set.of(), weights);
    }

    /** Whether this is the neuron view of a network (its units carry a {@link Neuron}). */
    public boolean isNeuronView() {
        for (GraphNode n : nodes.values()) {
            if (n.neuron() != null) {
                return true;
            }
        }
        return false;
    }

    /** The weight an edge carries (neuron view), or null. */
    public EdgeWeight weight(Edge e) {
        return weights.get(e);
    }

    /** The edges to highlight: where the stepped node's value or gradient flows. */
    public java.util.Set<Edge> flow() {
        return flow;
    }

    /** Whether {@link #flow()} carries a gradient back, from each edge's consumer to its producer. */
    public boolean flowBackward() {
        return flowBackward;
    }

    /**
     * The flow edges of a step at {@code id}: in the forward pass the edges that bring its inputs,
     * in the backward pass the edges its gradient comes back along (to it from its consumers), and
     * through a consumer op pill (a Value graph's *, +) on to the value the op computes.
     */
    public static java.util.Set<Edge> flowAt(List<GraphNode> nodes, List<Edge> edges, String id, boolean backward) {
        java.util.Set<String> pills = new java.util.HashSet<>();
        for (GraphNode n : nodes) {
            if (!n.hasValue()) {
                pills.add(n.id());
            }
        }
        java.util.Set<Edge> out = new java.util.HashSet<>();
        for (Edge e : edges) {
            if (backward ? e.from().equals(id) : e.to().equals(id)) {
                out.add(e);
                String pill = backward ? e.to() : e.from();
                if (pills.contains(pill)) {
                    for (Edge e2 : edges) {
                        if (backward ? e2.from().equals(pill) : e2.to().equals(pill)) {
                            out.add(e2);
                        }
                    }
                }
            }
        }
        return out;
    }

    public String title() {
        return title;
    }

    /** Nodes in insertion order (builders insert in topological order). */
    public List<GraphNode> nodes() {
        return List.copyOf(nodes.values());
    }

    public List<Edge> edges() {
        return edges;
    }

    public GraphNode node(String id) {
        GraphNode n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return n;
    }

    /** Whether a node with this id is in the graph (a lookup, no copy of the node list). */
    public boolean contains(String id) {
        return nodes.containsKey(id);
    }

    public int size() {
        return nodes.size();
    }

    /** Ids of the nodes feeding {@code id}. */
    public List<String> inputsOf(String id) {
        List<String> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.to().equals(id)) {
                out.add(e.from());
            }
        }
        return out;
    }

    /** Ids of the nodes consuming {@code id}. */
    public List<String> consumersOf(String id) {
        List<String> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.from().equals(id)) {
                out.add(e.to());
            }
        }
        return out;
    }
}
