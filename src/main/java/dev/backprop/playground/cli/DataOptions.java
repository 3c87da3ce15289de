package dev.backprop.playground.cli;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.TrainingConfig;
import picocli.CommandLine.Option;

/** The dataset options shared by {@code train} and {@code eval}. */
final class DataOptions {
    private static final TrainingConfig DEFAULTS = TrainingConfig.defaults();

    @Option(names = "--dataset", paramLabel = "NAME", converter = TrainCommand.DatasetConverter.class,
            description = "moons, circles, xor, spiral or blobs (default: moons)")
    DatasetKind dataset = DEFAULTS.dataset();

    @Option(names = "--samples", paramLabel = "N", description = "number of points, 2 to 1000000 (default: 2000)")
    int samples = DEFAULTS.samples();

    @Option(names = "--noise", paramLabel = "X", description = "std of the Gaussian jitter (default: 0.1)")
    double noise = DEFAULTS.noise();

    @Option(names = "--test-ratio", paramLabel = "R",
            description = "share of points held out for testing, 0 to 0.9; 0 trains on everything (default: 0.2)")
    double testRatio = DEFAULTS.testRatio();

    @Option(names = "--seed", paramLabel = "N", description = "seed for data, init and sampling (default: 0)")
    long seed = DEFAULTS.seed();
}
