package dev.backprop.playground.engine.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A class-balanced subset: classes take turns, each giving its next row in the set's order, until
 * {@code n} rows are taken; a class that runs out leaves its turns to the others. The rows keep
 * their original order, so the same set and n always give the same subset.
 */
public final class BalancedSubset {
    private BalancedSubset() {
    }

    /** The first rows of {@code set} in turn by class (labels are class indexes), {@code n} in all. */
    public static Dataset of(Dataset set, int n) {
        if (n >= set.size()) {
            return set;
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            int c = set.label(i);
            while (byClass.size() <= c) {
                byClass.add(new ArrayList<>());
            }
            byClass.get(c).add(i);
        }
        boolean[] taken = new boolean[set.size()];
        int count = 0;
        for (int turn = 0; count < n; turn++) {
            for (List<Integer> rows : byClass) {
                if (turn < rows.size() && count < n) {
                    taken[rows.get(turn)] = true;
                    count++;
                }
            }
        }
        int[] rows = new int[n];
        for (int i = 0, k = 0; i < taken.length; i++) {
            if (taken[i]) {
                rows[k++] = i;
            }
        }
        return set.subset(rows);
    }
}
