package dev.backprop.playground.cli;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.TrainingConfig;
import picocli.CommandLine.Option;

/** The dataset options shared by {@code train} and {@code eval}. */
final class DataOptions {
    private static final TrainingConfig DEFAULTS = TrainingConfig.defaults();

    @Option(names = "--dataset", paramLabel = "NAME", converter = TrainCommand.DatasetConverter.class,
            description = "moons, circles, xor, spiral, blobs, iris (classification), plane, gauss (regression); "
                    + "line (seed 003's y = 1 + 2x + noise, 100 points, 80 for training), quadratic (seed 001's "
                    + "y = x^2 + 3x, 40 points, 26 for training): one input, their notebook's split; "
                    + "digits (8x8 images), fashion (Fashion-MNIST, 28x28), idx (a folder of MNIST-style IDX files, "
                    + "see --data-dir) (default: moons)")
    DatasetKind dataset = DEFAULTS.dataset();

    @Option(names = "--classes", paramLabel = "K",
            description = "classes of spiral (K arms) and blobs, 2 to 6 (default: 2)")
    Integer classes;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "the folder of IDX files (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-...) "
                    + "for idx and fashion (default for fashion: /usr/share/datasets/fashion-mnist, from Debian's package "
                    + "dataset-fashion-mnist; without it the app's shipped 3,000 + 1,000 image subset)")
    java.nio.file.Path dataDir;

    @Option(names = "--inputs", paramLabel = "WHICH",
            description = "iris's inputs: petal (petal length and width, the plane) or all (the four measurements) "
                    + "(default: petal)")
    String inputs;

    @Option(names = "--target", paramLabel = "WHAT",
            description = "iris's target: species (3 classes) or petal (regression of petal length and width on the "
                    + "sepal's, both standardized: seed 003's two-target model) (default: species)")
    String target;

    @Option(names = "--samples", paramLabel = "N", description = "number of points, 2 to 1000000; for digits, fashion "
            + "and idx a class-balanced subset (default: 2000; all images for digits, fashion and idx)")
    int samples = DEFAULTS.samples();

    @Option(names = "--noise", paramLabel = "X",
            description = "std of the Gaussian jitter, of the target for regression (default: the dataset's: "
                    + "0.02 spiral, 0 iris and quadratic, 0.05 gauss, 0.1 the others)")
    Double noise;

    @Option(names = "--test-ratio", paramLabel = "R",
            description = "share of points held out for testing, 0 to 0.9; 0 trains on everything (default: 0.2)")
    double testRatio = DEFAULTS.testRatio();

    @Option(names = "--seed", paramLabel = "N", description = "seed for data, init and sampling (default: 0)")
    long seed = DEFAULTS.seed();

    /** The noise given, or the dataset's own default. */
    double noise() {
        return noise != null ? noise : dataset.defaultNoise();
    }

    /**
     * The classes given with --classes; else {@code preferred} where the dataset takes a count and
     * it fits (a saved model's classes), else the dataset's own.
     */
    int classes(int preferred) {
        if (classes != null) {
            return classes;
        }
        return dataset.takesClassCount() && preferred >= 2 ? preferred : dataset.defaultClasses();
    }

    int classes() {
        return classes(-1);
    }
}
