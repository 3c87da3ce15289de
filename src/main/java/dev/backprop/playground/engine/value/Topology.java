package dev.backprop.playground.engine.value;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Topological order of a Value graph by an explicit-stack depth-first search (no recursion). */
final class Topology {
    private Topology() {
    }

    static List<Value> order(Value root) {
        List<Value> order = new ArrayList<>();
        Map<Value, Boolean> seen = new IdentityHashMap<>();
        // Each frame is a node and the index of the next operand to visit.
        ArrayDeque<Value> nodes = new ArrayDeque<>();
        ArrayDeque<int[]> next = new ArrayDeque<>();
        seen.put(root, Boolean.TRUE);
        nodes.push(root);
        next.push(new int[] {0});
        while (!nodes.isEmpty()) {
            Value v = nodes.peek();
            int[] i = next.peek();
            if (i[0] < v.operandCount()) {
                Value child = v.operand(i[0]++);
                if (seen.put(child, Boolean.TRUE) == null) {
                    nodes.push(child);
                    next.push(new int[] {0});
                }
            } else {
                nodes.pop();
                next.pop();
                order.add(v);
            }
        }
        return Collections.unmodifiableList(order);
    }
}
