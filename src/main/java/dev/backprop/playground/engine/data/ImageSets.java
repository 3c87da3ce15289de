package dev.backprop.playground.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The picture datasets: scikit-learn's 8x8 handwritten digits and Fashion-MNIST, shipped inside the
 * app as gzip'd IDX resources beside this class (see src/data/make_image_resources.py and NOTICE),
 * and any folder of MNIST-style IDX files ({@code train-images-idx3-ubyte[.gz]} and its three
 * companions). A folder's official test split is the test split.
 */
public final class ImageSets {
    /** Where Debian's package dataset-fashion-mnist puts the four files. */
    public static final Path FASHION_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** Fashion-MNIST's classes, 0 to 9. */
    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Most images a folder may hold per split: MNIST's 60,000 and more, up to the sample limit. */
    public static final int MAX_IMAGES = 1_000_000;
    /** Biggest IDX file read (an uncompressed 60,000 x 28 x 28 is 47 MB). */
    public static final long MAX_FILE_BYTES = 1L << 30;
    /** {@link Loaded#source()} of the Fashion-MNIST subset shipped inside the app. */
    public static final String SHIPPED_SUBSET = "shipped-subset";
    private static final String[] SPLITS = {"train", "t10k"};

    private ImageSets() {
    }

    /**
     * Data that comes from files, and where it came from for the summary line.
     *
     * @param source {@link #SHIPPED_SUBSET}, "shipped" (digits), or the folder read
     */
    public record Loaded(DataSplit split, String source) {
    }

    /**
     * The 1,797 digits (pixels 0..16 scaled to [0, 1]), a class-balanced {@code samples} of them when
     * fewer are asked, split at random by {@code testRatio}.
     */
    public static Loaded digits(int samples, double testRatio, Random random) throws IOException {
        Dataset all = resource("digits", 16);
        return new Loaded(DataSplit.of(BalancedSubset.of(all, samples), testRatio, random), "shipped");
    }

    /**
     * Fashion-MNIST: the full 60,000 + 10,000 from {@code dir} when it holds the four files, else the
     * shipped class-balanced 3,000 + 1,000; {@code samples} (or null for all) takes a balanced subset.
     */
    public static Loaded fashion(Path dir, Integer samples) throws IOException {
        if (holdsIdx(dir)) {
            return folder(dir, samples);
        }
        DataSplit shipped = DataSplit.ofParts(resource("fashion-train", 255), resource("fashion-t10k", 255));
        return new Loaded(subset(shipped, samples), SHIPPED_SUBSET);
    }

    /** True when {@code dir} holds the four IDX files (plain or .gz). */
    public static boolean holdsIdx(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return false;
        }
        for (String split : SPLITS) {
            if (file(dir, split + "-images-idx3-ubyte") == null || file(dir, split + "-labels-idx1-ubyte") == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The IDX files of {@code dir}: train-* for training, t10k-* for testing, pixels divided by 255.
     *
     * @throws IllegalArgumentException for a missing folder or file, or a bad file, naming it
     */
    public static Loaded folder(Path dir, Integer samples) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no data folder " + dir + " (for Fashion-MNIST install Debian's "
                    + "package dataset-fashion-mnist, or give --data-dir DIR with the IDX files)");
        }
        Dataset[] parts = new Dataset[2];
        for (int s = 0; s < 2; s++) {
            Path images = require(dir, SPLITS[s] + "-images-idx3-ubyte");
            Path labels = require(dir, SPLITS[s] + "-labels-idx1-ubyte");
            try (InputStream im = Files.newInputStream(images); InputStream lb = Files.newInputStream(labels)) {
                parts[s] = Idx.read(im, images.toString(), lb, labels.toString(), 255, MAX_IMAGES);
            }
        }
        if (!parts[0].inputs().equals(parts[1].inputs())) {
            throw new IllegalArgumentException(dir + ": the training and test images differ in size ("
                    + parts[0].inputs().describe() + " and " + parts[1].inputs().describe() + ")");
        }
        return new Loaded(subset(DataSplit.ofParts(parts[0], parts[1]), samples), dir.toString());
    }

    /** A class-balanced {@code samples} of a split, each part keeping its share; null keeps it whole. */
    static DataSplit subset(DataSplit split, Integer samples) {
        int n = split.all().size();
        if (samples == null || samples >= n) {
            return split;
        }
        int train = (int) Math.max(1, Math.round((double) samples * split.train().size() / n));
        int test = samples - train;
        return DataSplit.ofParts(BalancedSubset.of(split.train(), train), BalancedSubset.of(split.test(), test));
    }

    private static Path require(Path dir, String stem) {
        Path f = file(dir, stem);
        if (f == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s has no %s (or %s.gz): an IDX folder "
                    + "holds train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and "
                    + "t10k-labels-idx1-ubyte", dir, stem, stem));
        }
        return f;
    }

    /** The regular file {@code stem} or {@code stem.gz} in {@code dir} within the size limit, or null. */
    private static Path file(Path dir, String stem) {
        for (Path p : new Path[] {dir.resolve(stem + ".gz"), dir.resolve(stem)}) {
            try {
                if (Files.isRegularFile(p) && Files.size(p) <= MAX_FILE_BYTES) {
                    return p;
                }
            } catch (IOException e) {
                // unreadable: as if absent, the caller names the file it needed
            }
        }
        return null;
    }

    private static Dataset resource(String stem, double maxPixel) throws IOException {
        try (InputStream im = ImageSets.class.getResourceAsStream(stem + "-images-idx3-ubyte.gz");
             InputStream lb = ImageSets.class.getResourceAsStream(stem + "-labels-idx1-ubyte.gz")) {
            if (im == null || lb == null) {
                throw new IllegalStateException(stem + " is missing from the application");
            }
            return Idx.read(im, stem, lb, stem, maxPixel, MAX_IMAGES);
        }
    }
}
