package dev.backprop.playground.cli;

import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The app's own start-up options, for demos and measurement: {@code --speed max|N} opens the app at
 * that training speed (the speed slider shows it) and {@code --play} starts training at once.
 * Parsed here, applied by the app once its window is up.
 */
@Command(name = "backprop-playground", mixinStandardHelpOptions = true, version = "Backprop Playground 0.1.0",
        description = "Open the app already set up: java -jar backprop-playground.jar --speed max --play")
public final class AppOptions {
    /** The speed the app's slider reaches below "max" (its far right is unthrottled). */
    public static final double MAX_STEPS_PER_SECOND = 99_999;

    @Option(names = "--speed", paramLabel = "max|N", description = "training speed: max (unthrottled) or steps per "
            + "second, 1 to 99999 (the app's default is 2500)")
    String speed;

    @Option(names = "--play", description = "start training as soon as the window is open")
    boolean play;

    /**
     * What the command line asked for.
     *
     * @param stepsPerSecond the speed, {@link Double#POSITIVE_INFINITY} for max, or NaN when not given
     * @param play          whether to start training at once
     */
    public record Start(double stepsPerSecond, boolean play) {
    }

    /** Whether {@code args} are the app's options rather than a headless command's. */
    public static boolean areAppOptions(String... args) {
        return args.length > 0 && (args[0].equals("--play") || args[0].equals("--speed") || args[0].startsWith("--speed="));
    }

    /**
     * The outcome of parsing: the start to make, or (start null) the exit code after the help (0) or a bad
     * argument's reason and the usage (2) were printed.
     */
    public record Parsed(Start start, int exitCode) {
    }

    /** Parses {@code args}: help and version go to {@code out}, a bad argument's reason and the usage to {@code err}. */
    public static Parsed parse(PrintWriter out, PrintWriter err, String... args) {
        AppOptions options = new AppOptions();
        CommandLine cl = new CommandLine(options);
        cl.setOverwrittenOptionsAllowed(false);
        try {
            cl.parseArgs(args);
            if (cl.isUsageHelpRequested() || cl.isVersionHelpRequested()) {
                if (cl.isUsageHelpRequested()) {
                    cl.usage(out);
                } else {
                    cl.printVersionHelp(out);
                }
                out.flush();
                return new Parsed(null, 0);
            }
            double stepsPerSecond = options.speed == null ? Double.NaN : speed(options.speed);
            if (Double.isNaN(stepsPerSecond) && options.speed != null) {
                throw new CommandLine.ParameterException(cl, "--speed must be max or a number of steps per second "
                        + "from 1 to 99999, got '" + options.speed + "'");
            }
            return new Parsed(new Start(stepsPerSecond, options.play), 0);
        } catch (CommandLine.ParameterException e) {
            err.println("backprop-playground: " + e.getMessage());
            cl.usage(err);
            err.flush();
            return new Parsed(null, 2);
        }
    }

    /** The speed {@code word} names, or NaN when it names none within the limits. */
    private static double speed(String word) {
        if (word.toLowerCase(Locale.ROOT).equals("max")) {
            return Double.POSITIVE_INFINITY;
        }
        double n;
        try {
            n = Double.parseDouble(word);
        } catch (NumberFormatException e) {
            n = Double.NaN;
        }
        return n >= 1 && n <= MAX_STEPS_PER_SECOND ? n : Double.NaN;
    }
}
