package dev.backprop.playground.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * {@code -Dplayground.startupProbe=true}: the time from the process's start to the first frame, with the
 * moments start-up passed on the way, printed once on standard error:
 * {@code startup: first frame 830 ms after the process started (toolkit 310, session 320, view 470, shown 820)}.
 * Each figure is milliseconds since the process started (see {@link ProcessAge}).
 */
final class StartupProbe {
    static final boolean ENABLED = Boolean.getBoolean("playground.startupProbe");
    private static final List<String> MARKS = new ArrayList<>();
    private static boolean reported;

    private StartupProbe() {
    }

    /** Records that start-up reached {@code moment} now (no-op unless the probe is on). */
    static synchronized void mark(String moment) {
        if (ENABLED && !reported) {
            ProcessAge.millis().ifPresent(ms -> MARKS.add(moment + " " + ms));
        }
    }

    /** Prints the time to the first frame with the moments marked before it; once, later calls do nothing. */
    static synchronized void firstFrame() {
        if (!ENABLED || reported) {
            return;
        }
        reported = true;
        OptionalLong ms = ProcessAge.millis();
        if (ms.isPresent()) {
            String moments = MARKS.isEmpty() ? "" : " (" + String.join(", ", MARKS) + ")";
            System.err.printf(Locale.ROOT, "startup: first frame %d ms after the process started%s%n",
                    ms.getAsLong(), moments);
        }
    }
}
