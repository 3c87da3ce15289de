package dev.backprop.playground.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Drops settings that a later command of the same kind overrides. A slider drag sends a command
 * per pixel; applying each (a network rebuild, a boundary frame) would leave the engine seconds
 * behind the hand. Transport commands (play, pause, step, reset, save, load, shutdown) keep their
 * place and split the queue: settings never move across them. A setting its own check refuses (a
 * negative rate from a file or a script) overrides nothing: it keeps its place and is refused there,
 * after the valid one before it has been applied.
 */
final class Commands {
    private Commands() {
    }

    static List<Command> coalesce(List<Command> batch) {
        return coalesce(batch, Function.identity());
    }

    /**
     * The same for the queue's envelopes: what is kept keeps its order, so the sequence numbers of the
     * result ascend, and a dropped setting's number is below the one of the setting that overrides it.
     */
    static <T> List<T> coalesce(List<T> batch, Function<T, Command> command) {
        List<T> out = new ArrayList<>();
        Map<Class<?>, T> pending = new LinkedHashMap<>();
        for (T item : batch) {
            Command c = command.apply(item);
            if (c.isSetting() && c.problem() == null) {
                pending.remove(c.getClass()); // re-insert: the latest keeps its latest position
                pending.put(c.getClass(), item);
            } else {
                out.addAll(pending.values());
                pending.clear();
                out.add(item);
            }
        }
        out.addAll(pending.values());
        return out;
    }
}
