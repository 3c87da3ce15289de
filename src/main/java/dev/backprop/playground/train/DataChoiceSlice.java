package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.Locale;

/**
 * The data choice slice of the engine thread: data that is read rather than generated (iris's four
 * measurements, the digits, Fashion-MNIST) replaces the session's, on a fresh network whose first
 * layer takes the data's inputs and whose head fits its classes (the session's {@code replace}). Reset
 * keeps the data read, as it keeps imported points.
 */
final class DataChoiceSlice {
    private final SessionEngine session;
    /** Data read ahead off the engine thread for the ChooseData being applied, or null. */
    private DataRead readAhead;
    /** The data the last choice read: the session keeps it as its own (Reset keeps it), yet it is no user's points. */
    private DataSplit lastRead;
    /** Where {@link #lastRead} came from ("shipped", "shipped-subset" or the folder read). */
    private String lastSource;

    DataChoiceSlice(SessionEngine session) {
        this.session = session;
    }

    /** The next ChooseData of {@code read}'s choice adopts what it read instead of reading. */
    void readAhead(DataRead read) {
        readAhead = read;
    }

    void choose(DataChoice choice) {
        DataRead read = readAhead != null && readAhead.choice() == choice ? readAhead : null;
        readAhead = null;
        TrainingConfig config = session.config();
        DataChoice.Read data = read != null ? read.result() : choice.read(config.testRatio(), config.seed());
        DataSplit split = data.split();
        int classes = choice.kind().defaultClasses();
        TrainingConfig next = config.withData(choice.kind(), Math.max(2, split.all().size()), 0, config.seed(), classes);
        session.replace(next, split, split);
        lastRead = split;
        lastSource = data.source();
        session.say(String.format(Locale.ROOT, "new data: %s, %,d training and %,d test points, %s (%s); network %s",
                choice, split.train().size(), split.test().size(), split.all().inputs().describe(),
                describe(data.source()), session.config().network().describe()));
    }

    /**
     * The pictures a settings-only experiment names (digits, Fashion-MNIST), read as the dataset box
     * reads them with the file's test ratio and seed, so the split is the one the file was saved on.
     */
    DataSplit readFor(TrainingConfig config) {
        DataChoice choice = DataChoice.of(config.dataset(), config.network().inputSize());
        if (choice == null) {
            throw new IllegalArgumentException(config.dataset().id() + " data is not in the file: open it with its folder");
        }
        try {
            DataChoice.Read read = choice.read(config.testRatio(), config.seed());
            lastRead = read.split();
            lastSource = read.source();
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(choice + ": " + dev.backprop.playground.engine.Failures.describe(e.getCause()), e);
        }
        return lastRead;
    }

    /** Whether {@code data} is what a choice read (not points the user imported, drew or opened). */
    boolean isRead(DataSplit data) {
        return data != null && data == lastRead;
    }

    /**
     * Where {@code data}'s pictures came from, for an export that writes them as indexes (every picture
     * of the set: the app reads no --samples), or null when {@code data} is not a picture set the last
     * choice read.
     */
    dev.backprop.playground.io.ImageSource imageSource(DataSplit data) {
        return isRead(data) ? dev.backprop.playground.io.ImageSource.of(session.config().dataset(), lastSource, null) : null;
    }

    /** Where the data came from, in words. */
    private static String describe(String source) {
        return switch (source) {
            case "shipped" -> "shipped with the app";
            case "shipped-subset" -> "the subset shipped with the app";
            default -> "read from " + source;
        };
    }
}
