package dev.backprop.playground.ui;

import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.Snapshot;
import java.util.List;
import javafx.scene.input.KeyCode;

/**
 * Where the timeline keys move the cursor: Home the first kept step, End back to the live run,
 * PageUp / PageDown the kept step before / after the one shown (from the newest one when live).
 */
final class TimelineCursor {
    /** The keys that move the timeline. */
    static final java.util.Set<KeyCode> KEYS = java.util.EnumSet.of(KeyCode.HOME, KeyCode.END, KeyCode.PAGE_UP,
            KeyCode.PAGE_DOWN);
    private TimelineCursor() {
    }

    /** The command for {@code key}, or null when the key does not move the timeline. */
    static Command forKey(KeyCode key, Snapshot s) {
        List<Long> steps = s.timeline() == null ? List.of() : s.timeline().steps();
        if (steps.isEmpty()) {
            return null;
        }
        boolean scrubbing = s.timeline().scrubbing();
        long at = scrubbing ? s.timeline().scrubbed() : Long.MAX_VALUE;
        return switch (key) {
            case HOME -> new Command.ScrubTo(steps.get(0));
            case END -> scrubbing ? new Command.LeaveScrub() : null;
            case PAGE_UP -> new Command.ScrubTo(before(steps, at));
            case PAGE_DOWN -> scrubbing ? new Command.ScrubTo(after(steps, at)) : null;
            default -> null;
        };
    }

    /** The last kept step before {@code at} (the first one if none is). */
    static long before(List<Long> steps, long at) {
        long best = steps.get(0);
        for (long s : steps) {
            if (s < at) {
                best = s;
            }
        }
        return best;
    }

    /** The first kept step after {@code at} (the last one if none is). */
    static long after(List<Long> steps, long at) {
        for (long s : steps) {
            if (s > at) {
                return s;
            }
        }
        return steps.get(steps.size() - 1);
    }

    /** The metrics row the status line shows: the scrubbed step's while scrubbing, else the latest. */
    static Metrics shownRow(Snapshot s) {
        if (s.timeline() != null && s.timeline().scrubbing()) {
            Metrics row = null;
            for (Metrics m : s.history()) {
                if (m.step() <= s.timeline().scrubbed()) {
                    row = m;
                }
            }
            if (row != null) {
                return row;
            }
        }
        return s.latest();
    }
}
