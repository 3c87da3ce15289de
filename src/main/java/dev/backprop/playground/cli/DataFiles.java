package dev.backprop.playground.cli;

import dev.backprop.playground.engine.data.BalancedSubset;
import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.data.ImageSets;
import dev.backprop.playground.engine.data.IrisTables;
import dev.backprop.playground.io.ImageSource;
import java.io.IOException;
import java.util.Locale;
import java.util.Random;

/**
 * The data of {@code train} and {@code eval} that is read, not generated: digits, fashion, an IDX
 * folder, iris beyond the plane ({@code --inputs all}, {@code --target petal}), and the notebooks'
 * one-input regressions (line, quadratic) with their own splits. The options
 * that only fit such data are checked here, so a misplaced one is a usage error naming why.
 */
final class DataFiles {
    private DataFiles() {
    }

    /**
     * The loaded data for {@code o}, or null when its dataset is generated as before.
     *
     * @param samplesGiven whether --samples was given (the picture sets keep every image otherwise)
     * @throws IllegalArgumentException for options that do not fit the dataset, or a bad data folder
     */
    static ImageSets.Loaded load(DataOptions o, boolean samplesGiven) throws IOException {
        DatasetKind kind = o.dataset;
        if (o.dataDir != null && kind != DatasetKind.FASHION && kind != DatasetKind.IDX) {
            throw new IllegalArgumentException("--data-dir is the folder of fashion's or idx's files, not of " + kind.id());
        }
        if ((o.inputs != null || o.target != null) && kind != DatasetKind.IRIS) {
            throw new IllegalArgumentException((o.inputs != null ? "--inputs" : "--target") + " chooses iris's columns; "
                    + kind.id() + " has its own");
        }
        if (o.classes != null && (kind.fromFiles() || kind.hasOneInput() || kind == DatasetKind.IRIS && o.target != null)) {
            throw new IllegalArgumentException("--classes is for spiral and blobs; " + kind.id() + " has its own classes");
        }
        if (o.dataDir != null) {
            ImageSource.checkIdxFiles(o.dataDir, "--data-dir");
        }
        Integer samples = samplesGiven ? o.samples : null;
        Random random = new Random(o.seed);
        return switch (kind) {
            case DIGITS -> ImageSets.digits(samples == null ? Integer.MAX_VALUE : samples, o.testRatio, random);
            // a folder given must hold the files; the default one may be absent (the shipped subset then)
            case FASHION -> o.dataDir != null ? ImageSets.folder(o.dataDir, samples)
                    : ImageSets.fashion(ImageSets.FASHION_DIR, samples);
            case IDX -> {
                if (o.dataDir == null) {
                    throw new IllegalArgumentException("--dataset idx needs --data-dir DIR, a folder of MNIST-style IDX "
                            + "files");
                }
                yield ImageSets.folder(o.dataDir, samples);
            }
            case IRIS -> iris(o, samples, random);
            case LINE -> new ImageSets.Loaded(kind.split(o.noise()), "seed 003's line");
            case QUADRATIC -> new ImageSets.Loaded(kind.split(o.noise()), "seed 001's quadratic");
            default -> null;
        };
    }

    /** Classes of loaded data: 0 for real targets (iris's petal), else the dataset's own (10, or iris's 3). */
    static int classes(ImageSets.Loaded loaded, DatasetKind kind) {
        return loaded.split().all().targets() > 1 ? 0 : kind.defaultClasses();
    }

    /** Iris's four inputs or its petal regression; null for the plane's iris (petal length and width -> species). */
    private static ImageSets.Loaded iris(DataOptions o, Integer samples, Random random) {
        String inputs = o.inputs == null ? "petal" : o.inputs.toLowerCase(Locale.ROOT);
        String target = o.target == null ? "species" : o.target.toLowerCase(Locale.ROOT);
        if (!inputs.equals("petal") && !inputs.equals("all")) {
            throw new IllegalArgumentException("--inputs must be petal or all, got " + o.inputs);
        }
        if (!target.equals("species") && !target.equals("petal")) {
            throw new IllegalArgumentException("--target must be species or petal, got " + o.target);
        }
        if (target.equals("petal") && o.inputs != null) {
            throw new IllegalArgumentException("--target petal predicts the petal from the sepal's length and width: "
                    + "leave --inputs out");
        }
        if (target.equals("species") && inputs.equals("petal")) {
            return null;
        }
        Dataset all = target.equals("petal") ? IrisTables.petalFromSepal() : IrisTables.allInputs();
        if (samples != null && samples < all.size()) {
            all = target.equals("petal") ? all.subset(java.util.Arrays.copyOf(
                    dev.backprop.playground.engine.data.Shuffle.permutation(all.size(), random), samples))
                    : BalancedSubset.of(all, samples);
        }
        DataSplit split = DataSplit.of(all, o.testRatio, random);
        return new ImageSets.Loaded(split, target.equals("petal") ? "iris:sepal->petal" : "iris:all-inputs");
    }
}
