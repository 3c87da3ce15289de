package dev.backprop.playground.ui;

import dev.backprop.playground.train.Command;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings the controls sent that no snapshot has acknowledged yet, by kind, with the sequence number
 * the session gave the last one sent. While a kind waits, its control keeps the user's value; once a
 * snapshot's {@link dev.backprop.playground.train.Snapshot#appliedSeq()} reaches the number, the
 * control shows the session's value, whether the engine applied, clamped or refused what was sent.
 */
final class PendingSettings {
    private final Map<Class<? extends Command>, Long> waiting = new HashMap<>();

    /** {@code setting} was sent as number {@code seq}: its kind waits for it (not for an earlier one). */
    void sent(Command setting, long seq) {
        waiting.put(setting.getClass(), seq);
    }

    /** True while the last {@code kind} sent is above {@code appliedSeq}; forgotten once it is not. */
    boolean awaiting(Class<? extends Command> kind, long appliedSeq) {
        Long seq = waiting.get(kind);
        if (seq == null) {
            return false;
        }
        if (seq <= appliedSeq) {
            waiting.remove(kind);
            return false;
        }
        return true;
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }
}
