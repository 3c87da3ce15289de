package dev.backprop.playground.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * How long this process has been running, for the start-up probe. On Linux ProcessHandle's start
 * instant adds the boot time, which /proc/stat gives in whole seconds: every figure came out too long by
 * the same fraction of a second (0.85 s on the build machine). Both the process's start and the uptime
 * are counted from boot in /proc, so their difference is exact to a clock tick (10 ms).
 */
final class ProcessAge {
    /** Linux's USER_HZ: the unit of /proc/self/stat's start time, 100 on every mainstream kernel. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessAge() {
    }

    /** Milliseconds since this process started, or empty when neither /proc nor the OS reports it. */
    static OptionalLong millis() {
        try {
            return OptionalLong.of(fromProc(Files.readString(Path.of("/proc/self/stat")),
                    Files.readString(Path.of("/proc/uptime"))));
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().info().startInstant()
                    .map(start -> OptionalLong.of(Duration.between(start, Instant.now()).toMillis()))
                    .orElse(OptionalLong.empty());
        }
    }

    /** The age from /proc/self/stat (field 22: start time in ticks after boot) and /proc/uptime (seconds). */
    static long fromProc(String stat, String uptime) {
        // the command name (field 2) is in parentheses and may hold spaces: count fields after its ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long startTicks = Long.parseLong(fields[22 - 3]);
        double up = Double.parseDouble(uptime.trim().split("\\s+")[0]);
        return Math.round((up - startTicks / TICKS_PER_SECOND) * 1000);
    }
}
