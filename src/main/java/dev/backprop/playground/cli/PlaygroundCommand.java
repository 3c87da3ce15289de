package dev.backprop.playground.cli;

import dev.backprop.playground.engine.Failures;
import dev.backprop.playground.engine.Named;
import dev.backprop.playground.io.InputLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless commands of the runnable jar. Exit codes: 0 ok, 1 run failed, 2 bad arguments. */
@Command(name = "backprop-playground",
        mixinStandardHelpOptions = true,
        version = "Backprop Playground 0.1.0",
        description = {"See how a neural network learns. With no command, opens the app;",
                "--speed max|N and --play (before any command) open it already training: --speed max --play."},
        subcommands = {TrainCommand.class, EvalCommand.class, ExprCommand.class, BenchCommand.class})
public final class PlaygroundCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: train, eval, expr or bench");
    }

    /** Parses and runs {@code args}; returns the exit code. */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        InputLimits.onLongWait(message -> {
            cl.getErr().println("backprop-playground: " + message);
            cl.getErr().flush();
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // picocli hands Errors on; a user still gets a sentence, not a trace
            cl.getErr().println("backprop-playground: " + Failures.describe(e));
            cl.getErr().flush();
            return 1;
        }
    }

    /**
     * The command line with the project's rules: an option given twice is an error (not silently
     * the last one), and a failure inside a command prints one line, never a stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PlaygroundCommand());
        cl.setOverwrittenOptionsAllowed(false);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getCommandName() + ": " + Failures.describe(e));
            commandLine.getErr().flush();
            return 1;
        });
        return cl;
    }

    /** Converts a command-line word to the enum constant with that {@link Named#id()}. */
    static class NamedConverter<E extends Enum<E> & Named> implements CommandLine.ITypeConverter<E> {
        private final Class<E> type;
        private final String what;

        NamedConverter(Class<E> type, String what) {
            this.type = type;
            this.what = what;
        }

        @Override
        public E convert(String value) {
            try {
                return Named.fromId(type, value, what);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
