package dev.backprop.playground.cli;

import dev.backprop.playground.engine.Named;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless commands of the runnable jar. Exit codes: 0 ok, 1 run failed, 2 bad arguments. */
@Command(name = "backprop-playground",
        mixinStandardHelpOptions = true,
        version = "Backprop Playground 0.1.0",
        description = "See how a neural network learns. With no command, opens the app.",
        subcommands = {TrainCommand.class, ExprCommand.class, BenchCommand.class})
public final class PlaygroundCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: train, expr or bench");
    }

    /** Parses and runs {@code args}; returns the exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PlaygroundCommand());
        cl.setOverwrittenOptionsAllowed(false);
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
