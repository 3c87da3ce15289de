package dev.backprop.playground;

import dev.backprop.playground.cli.AppOptions;
import dev.backprop.playground.cli.PlaygroundCommand;
import dev.backprop.playground.engine.Failures;
import dev.backprop.playground.ui.PlaygroundApp;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Entry point of the runnable jar. With no arguments, or only the app's own options ({@code --speed max|N
 * --play}, {@link AppOptions}), it opens the app; with a command ({@code train}, {@code expr}, {@code bench})
 * it runs headless. It does not extend Application,
 * which lets {@code java -jar} start JavaFX from the class path.
 */
public final class Main {
    /**
     * JavaFX's logger, held so its filter stays (java.util.logging keeps loggers weakly). The runnable jar
     * runs JavaFX from the class path on purpose, and JavaFX warns about that at every start: a line that
     * tells a user nothing is dropped; every other JavaFX message gets through.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private Main() {
    }

    /** Whether a JavaFX log record is worth showing: all but the class-path warning. */
    static boolean shown(LogRecord r) {
        String m = r.getMessage();
        return m == null || !m.startsWith("Unsupported JavaFX configuration: classes were loaded from");
    }

    public static void main(String[] args) {
        if (VectorRelaunch.wanted(args)) {
            // pictures on a plain `java -jar`: the same command again with the Vector API (-1: it could not start)
            int exit = VectorRelaunch.run(args);
            if (exit >= 0) {
                System.exit(exit);
            }
        }
        if (args.length == 0) {
            System.exit(openApp());
        }
        if (AppOptions.areAppOptions(args)) {
            AppOptions.Parsed parsed = AppOptions.parse(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                    new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
            if (parsed.start() == null) {
                System.exit(parsed.exitCode());
            }
            PlaygroundApp.startWith(parsed.start().stepsPerSecond(), parsed.start().play());
            System.exit(openApp());
        }
        System.exit(PlaygroundCommand.run(args));
    }

    /** Opens the window, or says in one sentence why it cannot (no display): exit 0, or 1. */
    private static int openApp() {
        String missing = missingDisplay();
        if (missing != null) {
            System.err.println("Backprop Playground cannot open its window: " + missing + ". The headless commands "
                    + "work without one: train, expr, eval, bench (see --help).");
            return 1;
        }
        JAVAFX_LOG.setFilter(Main::shown);
        try {
            PlaygroundApp.prepareSession(); // in parallel with JavaFX's own start-up
            Application.launch(PlaygroundApp.class);
            return 0;
        } catch (RuntimeException | Error e) {
            System.err.println("Backprop Playground could not start its window: " + Failures.describe(e)
                    + ". The headless commands still work: train, expr, eval, bench (see --help).");
            return 1;
        }
    }

    /** Why no window can open here, or null. On Linux JavaFX needs an X11 or Wayland display. */
    private static String missingDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        if (linux && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))
                && !"Monocle".equals(System.getProperty("glass.platform"))) {
            return "no display (neither DISPLAY nor WAYLAND_DISPLAY is set)";
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
