package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.data.ImageSets;
import dev.backprop.playground.engine.data.IrisTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * The data the app's dataset box offers: the generated datasets of the plane, and the tables and
 * pictures that are read (iris with its four measurements, the 8x8 digits, Fashion-MNIST). A read
 * choice goes to the session as {@link Command.ChooseData}, whose data is read off the engine thread
 * (the full Fashion-MNIST takes seconds); a generated one as {@link Command.SetData}.
 */
public enum DataChoice {
    MOONS(DatasetKind.MOONS, "moons"),
    CIRCLES(DatasetKind.CIRCLES, "circles"),
    XOR(DatasetKind.XOR, "xor"),
    SPIRAL(DatasetKind.SPIRAL, "spiral"),
    BLOBS(DatasetKind.BLOBS, "blobs"),
    IRIS(DatasetKind.IRIS, "iris"),
    PLANE(DatasetKind.PLANE, "plane"),
    GAUSS(DatasetKind.GAUSS, "gauss"),
    /** Seed 003's line y = 1 + 2x + noise, one input. */
    LINE(DatasetKind.LINE, "line (1 input)"),
    /** Seed 001's quadratic, one input. */
    QUADRATIC(DatasetKind.QUADRATIC, "quadratic (1 input)"),
    /** Fisher's iris with all four measurements as inputs, 3 species. */
    IRIS4(DatasetKind.IRIS, "iris (4 inputs)"),
    /**
     * Seed 003's regression: sepal length and width -> petal length and width, standardized. Its kind is
     * the plane's regression (iris's own kind has 3 classes), as the CLI's {@code iris --target petal} runs.
     */
    IRIS_PETAL(DatasetKind.PLANE, "iris petal (regression)"),
    /** scikit-learn's 1,797 8x8 digits, 10 classes. */
    DIGITS(DatasetKind.DIGITS, "digits (8x8)"),
    /** Fashion-MNIST: the full set where Debian's dataset-fashion-mnist put it, else the shipped subset. */
    FASHION(DatasetKind.FASHION, "fashion (28x28)");

    private final DatasetKind kind;
    private final String label;

    DataChoice(DatasetKind kind, String label) {
        this.kind = kind;
        this.label = label;
    }

    /** The dataset kind the session's config names for this data. */
    public DatasetKind kind() {
        return kind;
    }

    /** True for the plane's generated datasets (sent as {@link Command.SetData}); false for data that is read. */
    public boolean generated() {
        return !kind.fromFiles() && this != IRIS4 && this != IRIS_PETAL;
    }

    /** The choice showing data of {@code kind} with {@code inputs} inputs (iris with 4 is {@link #IRIS4}). */
    public static DataChoice of(DatasetKind kind, int inputs) {
        return of(kind, inputs, 1);
    }

    /** As {@link #of(DatasetKind, int)}, the plane's two inputs with two real targets being {@link #IRIS_PETAL}. */
    public static DataChoice of(DatasetKind kind, int inputs, int targets) {
        if (kind == DatasetKind.IRIS && inputs == 4) {
            return IRIS4;
        }
        if (kind == DatasetKind.PLANE && inputs == 2 && targets == 2) {
            return IRIS_PETAL;
        }
        for (DataChoice c : values()) {
            if (c.kind == kind) {
                return c;
            }
        }
        return null; // an IDX folder: not in the box
    }

    /**
     * The data, read and split: iris at random by {@code testRatio} from {@code seed}; the images with
     * the split they come with (digits: at random as well). Slow for the full Fashion-MNIST: call it off
     * the engine thread.
     *
     * @throws IllegalArgumentException for a generated choice, or data that cannot be read (naming why)
     */
    public Read read(double testRatio, long seed) {
        return read(testRatio, seed, ImageSets.FASHION_DIR);
    }

    /** As {@link #read(double, long)}, Fashion-MNIST's full set looked for in {@code fashionDir}. */
    Read read(double testRatio, long seed, Path fashionDir) {
        Random random = new Random(seed);
        try {
            return switch (this) {
                case IRIS4 -> new Read(DataSplit.of(IrisTables.allInputs(), testRatio, random), "shipped");
                case IRIS_PETAL -> new Read(DataSplit.of(IrisTables.petalFromSepal(), testRatio, random), "shipped");
                case DIGITS -> of(ImageSets.digits(Integer.MAX_VALUE, testRatio, random));
                case FASHION -> of(ImageSets.fashion(fashionDir, null));
                default -> throw new IllegalArgumentException(label + " is generated, not read");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Read of(ImageSets.Loaded loaded) {
        return new Read(loaded.split(), loaded.source());
    }

    /**
     * Data read for a choice.
     *
     * @param source "shipped" (inside the app), "shipped-subset" (Fashion-MNIST's 4,000), or the folder read
     */
    public record Read(DataSplit split, String source) {
    }

    @Override
    public String toString() {
        return label;
    }
}
