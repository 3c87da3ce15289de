package dev.backprop.playground.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops settings that a later command of the same kind overrides. A slider drag sends a command
 * per pixel; applying each (a network rebuild, a boundary frame) would leave the engine seconds
 * behind the hand. Transport commands (play, pause, step, reset, save, load, shutdown) keep their
 * place and split the queue: settings never move across them.
 */
final class Commands {
    private Commands() {
    }

    static List<Command> coalesce(List<Command> batch) {
        List<Command> out = new ArrayList<>();
        Map<Class<?>, Command> pending = new LinkedHashMap<>();
        for (Command c : batch) {
            if (c.isSetting()) {
                pending.remove(c.getClass()); // re-insert: the latest keeps its latest position
                pending.put(c.getClass(), c);
            } else {
                out.addAll(pending.values());
                pending.clear();
                out.add(c);
            }
        }
        out.addAll(pending.values());
        return out;
    }
}
