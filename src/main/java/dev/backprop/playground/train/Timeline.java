package dev.backprop.playground.train;

import dev.backprop.playground.engine.nn.TrainerState;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's states at its snapshot steps, kept in memory so the loss chart can be scrubbed and a run
 * resumed from any kept step. Bounded by a number of entries and a number of bytes: past either,
 * the older part is thinned (every second entry of it dropped), so the start and the recent history
 * stay dense and older history gets sparser the longer a run goes. Engine thread only.
 */
final class Timeline {
    /** Entries kept at most (about 8 minutes of history at the default speed before any thinning). */
    static final int MAX_ENTRIES = 2000;
    /** Bytes of weights, optimizer state and sampling state kept at most. */
    static final long MAX_BYTES = 64L << 20;

    /** One kept step: the settings in force and the trainer's state. */
    record Entry(TrainingConfig config, TrainerState state) {
        long step() {
            return state.step();
        }
    }

    private final int maxEntries;
    private final long maxBytes;
    private final List<Entry> entries = new ArrayList<>();
    private long bytes;
    private long version;
    private List<Long> stepsView = List.of();
    private long stepsViewVersion = -1;

    Timeline() {
        this(MAX_ENTRIES, MAX_BYTES);
    }

    Timeline(int maxEntries, long maxBytes) {
        if (maxEntries < 3 || maxBytes < 1) {
            throw new IllegalArgumentException("a timeline keeps at least 3 entries");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** The last entry's state, to lend its arrays to the next capture, or null. */
    TrainerState lastState() {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1).state();
    }

    /** Adds a state; one at the same step as the last replaces it (a rebuild, a setting changed). */
    void add(TrainingConfig config, TrainerState state) {
        if (!entries.isEmpty() && entries.get(entries.size() - 1).step() >= state.step()) {
            truncateAfter(state.step() - 1);
        }
        entries.add(new Entry(config, state));
        bytes += cost(entries.size() - 1);
        version++;
        while ((entries.size() > maxEntries || bytes > maxBytes) && thin()) {
            version++;
        }
    }

    /**
     * Drops every second entry between the first and the newest quarter; returns false when there is
     * nothing left to drop.
     */
    private boolean thin() {
        int recent = Math.max(1, entries.size() / 4);
        int end = entries.size() - recent;
        if (end <= 1) {
            if (entries.size() <= 2) {
                return false;
            }
            end = entries.size() - 1; // a few huge entries: keep only the first and the newest
        }
        List<Entry> kept = new ArrayList<>(entries.size());
        kept.add(entries.get(0));
        for (int i = 1; i < entries.size(); i++) {
            if (i >= end || i % 2 == 0) {
                kept.add(entries.get(i));
            }
        }
        if (kept.size() == entries.size()) {
            return false;
        }
        entries.clear();
        entries.addAll(kept);
        recount();
        return true;
    }

    /** Bytes of entry {@code i}: a mini-batch order shared with the entry before is counted once. */
    private long cost(int i) {
        TrainerState s = entries.get(i).state();
        boolean shared = i > 0 && entries.get(i - 1).state().order() == s.order();
        return s.bytes(shared);
    }

    private void recount() {
        bytes = 0;
        for (int i = 0; i < entries.size(); i++) {
            bytes += cost(i);
        }
    }

    /** Forgets every entry after {@code step}. */
    void truncateAfter(long step) {
        int n = entries.size();
        while (!entries.isEmpty() && entries.get(entries.size() - 1).step() > step) {
            entries.remove(entries.size() - 1);
        }
        if (entries.size() != n) {
            recount();
            version++;
        }
    }

    void clear() {
        entries.clear();
        bytes = 0;
        version++;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int size() {
        return entries.size();
    }

    long bytes() {
        return bytes;
    }

    /** The entry whose step is nearest {@code step} (the earlier one on a tie), or null when empty. */
    Entry nearest(long step) {
        Entry best = null;
        for (Entry e : entries) {
            if (best == null || Math.abs(e.step() - step) < Math.abs(best.step() - step)) {
                best = e;
            }
        }
        return best;
    }

    /** The kept steps, oldest first; a new list only when they changed. */
    List<Long> steps() {
        if (stepsViewVersion != version) {
            List<Long> steps = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                steps.add(e.step());
            }
            stepsView = List.copyOf(steps);
            stepsViewVersion = version;
        }
        return stepsView;
    }
}
