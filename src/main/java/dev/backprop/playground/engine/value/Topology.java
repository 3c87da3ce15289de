package dev.backprop.playground.engine.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Topological order of a Value graph by depth-first search with an explicit stack (no recursion,
 * so a chain of a million nodes is fine). A node is marked visited by stamping it with this
 * traversal's epoch, which is cheaper than a hash set: every traversal draws a fresh epoch.
 */
final class Topology {
    private static final AtomicLong EPOCHS = new AtomicLong();

    private Topology() {
    }

    static List<Value> order(Value root) {
        long epoch = EPOCHS.incrementAndGet();
        ArrayList<Value> order = new ArrayList<>();
        Value[] nodes = new Value[64];
        int[] next = new int[64];
        int top = 0;
        nodes[0] = root;
        root.visited = epoch;
        while (top >= 0) {
            Value v = nodes[top];
            if (next[top] < v.operandCount()) {
                Value child = v.operand(next[top]++);
                if (child.visited != epoch) {
                    child.visited = epoch;
                    if (++top == nodes.length) {
                        nodes = Arrays.copyOf(nodes, top * 2);
                        next = Arrays.copyOf(next, top * 2);
                    }
                    nodes[top] = child;
                    next[top] = 0;
                }
            } else {
                order.add(v);
                nodes[top--] = null;
            }
        }
        return Collections.unmodifiableList(order);
    }
}
