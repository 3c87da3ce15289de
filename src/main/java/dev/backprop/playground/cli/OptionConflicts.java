package dev.backprop.playground.cli;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Regularization;
import java.util.List;
import picocli.CommandLine.ParseResult;

/**
 * Options that picocli accepts but that would be silently dropped or bent: each becomes a usage
 * error saying what to give instead.
 */
final class OptionConflicts {
    /** Fisher's iris has this many flowers; a larger --samples cannot be honoured. */
    static final int IRIS_FLOWERS = 150;

    private OptionConflicts() {
    }

    /** For {@code train}: why the options given conflict, or null. */
    static String inTrain(ParseResult given, DatasetKind dataset, int samples, Regularization regularization) {
        for (String list : List.of("--features")) { // --hidden has its own message in TrainCommand
            if (given.matchedOption(list) != null && given.matchedOption(list).originalStringValues().size() > 1) {
                // picocli appends repeated list options: --features x1 --features x2sq would silently mean both
                return list + " is given more than once: give every value in one, comma-separated";
            }
        }
        if (given.hasMatchedOption("--reg-rate") && !given.hasMatchedOption("--reg") && !given.hasMatchedOption("--experiment")
                && regularization == Regularization.NONE) {
            return "--reg-rate sets the rate of a penalty: give --reg l1 or --reg l2 with it";
        }
        if (dataset.hasOneInput()) {
            for (String fixed : List.of("--samples", "--test-ratio")) {
                if (given.hasMatchedOption(fixed)) {
                    return fixed + ": " + dataset.id() + " is its notebook's data with its notebook's split ("
                            + dataset.description() + ")";
                }
            }
        }
        if (dataset == DatasetKind.IRIS && given.hasMatchedOption("--samples") && samples > IRIS_FLOWERS) {
            return "--samples " + samples + ": iris has " + IRIS_FLOWERS + " flowers (give at most " + IRIS_FLOWERS + ")";
        }
        return null;
    }

    /** For {@code eval}: --data gives the points, so the generated-data options would be ignored. */
    static String inEval(ParseResult given) {
        if (!given.hasMatchedOption("--data")) {
            return null;
        }
        for (String generated : List.of("--dataset", "--samples", "--noise", "--classes")) {
            if (given.hasMatchedOption(generated)) {
                return generated + " describes generated data; --data gives the points";
            }
        }
        return null;
    }
}
