package dev.backprop.playground.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lowers the engine thread's scheduling priority where the OS honours it, so that beside a window the FX
 * thread and Prism's renderer run first when they want a core. Java's priority is set (Windows and macOS
 * honour it; the JVM ignores it on Linux). On Linux each thread has its own nice value, and with
 * {@code -Dplayground.engineNice=N} (1 to 19) the thread finds its id in /proc/thread-self and has
 * {@code renice} raise it (no privilege is needed to lower one's own priority). Off by default: measured on a
 * shared, busy machine (load 20 on 2 cores, everything in one scheduling group), nice 10 left the engine
 * 2% of headless {@code train}'s rate, because every other busy process then comes first too; the
 * {@link FramePacer}'s rests, bounded at half the time, are what keeps the frames. Best effort: where none of
 * this exists nothing changes. Called on the thread to lower.
 */
final class EnginePriority {
    private static final Logger LOG = Logger.getLogger(EnginePriority.class.getName());
    /** The nice value asked for with -Dplayground.engineNice (10: about a tenth of a normal thread's CPU weight), or 0. */
    static final int NICE = Math.max(0, Math.min(19, Integer.getInteger("playground.engineNice", 0)));

    private EnginePriority() {
    }

    /** Lowers the calling thread's priority; quietly does nothing where it cannot. */
    static void lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY); // what Windows and macOS honour
        Path self = Path.of("/proc/thread-self");
        if (NICE == 0) {
            return;
        }
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
