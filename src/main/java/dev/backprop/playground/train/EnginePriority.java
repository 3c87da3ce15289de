package dev.backprop.playground.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lowers the engine thread's scheduling priority where the OS honours it, so that beside a window the FX
 * thread, Prism's renderer and the X server run first when they want a core and training takes the rest.
 * Java's thread priorities are ignored on Linux (the JVM's default policy), but Linux gives each thread its
 * own nice value: the thread finds its id in /proc/thread-self and has {@code renice} raise its nice value
 * (no privilege is needed to lower one's own priority). Best effort: where none of this exists (another OS,
 * no renice), {@link FramePacer}'s rests still keep the frames. Called on the thread to lower.
 */
final class EnginePriority {
    private static final Logger LOG = Logger.getLogger(EnginePriority.class.getName());
    /** Nice 10: about a tenth of the weight of a normal thread when both want the same core (CFS weights 110 / 1024). */
    static final int NICE = 10;

    private EnginePriority() {
    }

    /** Lowers the calling thread's priority; quietly does nothing where it cannot. */
    static void lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY); // what Windows and macOS honour
        Path self = Path.of("/proc/thread-self");
        try {
            if (!Files.isSymbolicLink(self)) {
                return;
            }
            String tid = Files.readSymbolicLink(self).getFileName().toString(); // "PID/task/TID"
            if (!tid.matches("[0-9]+")) {
                return;
            }
            new ProcessBuilder("renice", "-n", String.valueOf(NICE), "-p", tid)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start(); // not waited for: the JVM reaps it
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(Level.FINE, "engine thread priority unchanged", e);
        }
    }
}
