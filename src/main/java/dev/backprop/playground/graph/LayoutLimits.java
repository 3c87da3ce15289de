package dev.backprop.playground.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How big a graph the layered layout takes on, checked before ELK starts. ELK's cost grows with the
 * nodes plus one dummy node per layer an edge crosses: a leaf used by every term of a 1,000-term sum
 * has edges spanning up to 1,000 layers, half a million dummies (tens of seconds and gigabytes),
 * and a long chain overflows ELK's recursion. The estimate layers the graph about as ELK does, in
 * linear time and without recursion.
 */
public final class LayoutLimits {
    /** Nodes in a graph to lay out. */
    public static final int MAX_NODES = 3_000;
    /** Nodes plus the dummy nodes of long edges. */
    public static final long MAX_CELLS = 10_000;

    private LayoutLimits() {
    }

    /** Thrown for a graph too large to lay out; the message says how large and the limits. */
    public static final class GraphTooLargeException extends IllegalArgumentException {
        GraphTooLargeException(String message) {
            super(message);
        }
    }

    /** @throws GraphTooLargeException if laying out {@code graph} would take too long or too much memory */
    public static void check(GraphModel graph) {
        int n = graph.size();
        if (n > MAX_NODES) {
            throw new GraphTooLargeException(String.format(Locale.ROOT,
                    "the graph has %,d nodes: too many to lay out (at most %,d)", n, MAX_NODES));
        }
        long cells = n + dummyNodes(graph);
        if (cells > MAX_CELLS) {
            throw new GraphTooLargeException(String.format(Locale.ROOT,
                    "the graph's long edges cross %,d layers in all: too many to lay out (nodes plus crossings at "
                            + "most %,d)", cells - n, MAX_CELLS));
        }
    }

    /** How many layers the layered layout puts the graph in: its longest path, counted in nodes. */
    static int layerCount(GraphModel graph) {
        int[] layer = layers(graph).layer();
        int most = 0;
        for (int l : layer) {
            most = Math.max(most, l + 1);
        }
        return most;
    }

    /** Each node's layer (by its index in the graph's node order) and its consumers. */
    private record Layering(int[] layer, List<List<Integer>> out) {
    }

    /**
     * Sum over edges of the layers each one skips, with layers by longest path from the sources,
     * then each node moved as close to its nearest consumer as it can go.
     */
    static long dummyNodes(GraphModel graph) {
        Layering layering = layers(graph);
        int[] layer = layering.layer();
        List<List<Integer>> out = layering.out();
        long dummies = 0;
        for (int v = 0; v < layer.length; v++) {
            for (int w : out.get(v)) {
                dummies += Math.max(0, layer[w] - layer[v] - 1);
            }
        }
        return dummies;
    }

    private static Layering layers(GraphModel graph) {
        Map<String, Integer> index = new HashMap<>();
        for (GraphNode node : graph.nodes()) {
            index.put(node.id(), index.size());
        }
        int n = index.size();
        List<List<Integer>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        int[] indegree = new int[n];
        for (GraphModel.Edge e : graph.edges()) {
            Integer from = index.get(e.from());
            Integer to = index.get(e.to());
            if (from != null && to != null) {
                out.get(from).add(to);
                indegree[to]++;
            }
        }
        int[] layer = new int[n];
        int[] order = new int[n];
        int placed = 0;
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (indegree[i] == 0) {
                ready.add(i);
            }
        }
        while (!ready.isEmpty()) {
            int v = ready.poll();
            order[placed++] = v;
            for (int w : out.get(v)) {
                layer[w] = Math.max(layer[w], layer[v] + 1);
                if (--indegree[w] == 0) {
                    ready.add(w);
                }
            }
        }
        // then as late as possible: ELK's network-simplex layering puts a constant next to its consumer
        for (int k = placed - 1; k >= 0; k--) {
            int v = order[k];
            int latest = Integer.MAX_VALUE;
            for (int w : out.get(v)) {
                latest = Math.min(latest, layer[w] - 1);
            }
            if (latest != Integer.MAX_VALUE) {
                layer[v] = Math.max(layer[v], latest);
            }
        }
        return new Layering(layer, out);
    }
}
