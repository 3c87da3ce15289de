package dev.backprop.playground.engine.data;

import dev.backprop.playground.engine.Named;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * The 2D datasets: classification with 2 classes (moons, circles, xor), with 2 to
 * {@link #MAX_CLASSES} (spiral, blobs), Fisher's iris (3), and regression targets (plane, gauss; line and quadratic on one input x); and
 * the picture datasets read from files (digits, fashion, idx: 10 classes, see {@link ImageSets}).
 * Each generator is deterministic for a given {@link Random}. Noise is the standard deviation of
 * Gaussian jitter added to every coordinate (to the target, for regression); each dataset has its
 * own default, the most that still leaves its shape visible.
 */
public enum DatasetKind implements Named {
    /**
     * scikit-learn's make_moons: the outer half circle (label 0) has n/2 points, the inner one
     * (label 1, shifted by (1, -0.5)) the rest, points evenly spaced in angle, then shuffled.
     */
    MOONS("moons", "two interleaving half circles", 2, 0.1) {
        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, int classes, Random random) {
            int n = f.numRows;
            int nOut = n / 2;
            int nIn = n - nOut;
            for (int i = 0; i < nOut; i++) {
                double t = linspace(i, nOut, Math.PI);
                set(f, l, i, Math.cos(t), Math.sin(t), 0);
            }
            for (int i = 0; i < nIn; i++) {
                double t = linspace(i, nIn, Math.PI);
                set(f, l, nOut + i, 1 - Math.cos(t), 1 - Math.sin(t) - 0.5, 1);
            }
        }
    },
    /** scikit-learn's make_circles with factor 0.5: outer circle label 0, inner circle label 1. */
    CIRCLES("circles", "a small circle inside a large one", 2, 0.1) {
        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, int classes, Random random) {
            int n = f.numRows;
            int nOut = n / 2;
            int nIn = n - nOut;
            for (int i = 0; i < nOut; i++) {
                double t = 2 * Math.PI * i / nOut;
                set(f, l, i, Math.cos(t), Math.sin(t), 0);
            }
            for (int i = 0; i < nIn; i++) {
                double t = 2 * Math.PI * i / nIn;
                set(f, l, nOut + i, 0.5 * Math.cos(t), 0.5 * Math.sin(t), 1);
            }
        }
    },
    /** Uniform points in [-1, 1]^2, label 1 where x1 and x2 have the same sign. */
    XOR("xor", "four quadrants, opposite corners share a class", 2, 0.1) {
        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, int classes, Random random) {
            for (int i = 0; i < f.numRows; i++) {
                double x = 2 * random.nextDouble() - 1;
                double y = 2 * random.nextDouble() - 1;
                set(f, l, i, x, y, x * y > 0 ? 1 : 0);
            }
        }
    },
    /**
     * K interleaved Archimedean spirals, 1.75 turns each, arm a turned by a·2π/K. Arms lie
     * 1/(1.75 K) apart along a ray (0.29 for 2 arms), so the default noise is 0.02: at 0.1 two
     * arms already blur into one another.
     */
    SPIRAL("spiral", "interleaved spiral arms, one per class", -1, 0.02) {
        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, int classes, Random random) {
            int n = f.numRows;
            for (int i = 0; i < n; i++) {
                int label = classOf(i, n, classes);
                int first = label * n / classes;
                int count = (label + 1) * n / classes - first;
                double r = (double) (i - first) / count;
                double t = 1.75 * 2 * Math.PI * r + label * 2 * Math.PI / classes;
                set(f, l, i, r * Math.sin(t), r * Math.cos(t), label);
            }
        }
    },
    /**
     * K Gaussian clusters of standard deviation 0.4: for 2, around (-1, -1) and (1, 1); for more,
     * evenly around a circle of radius 1.5.
     */
    BLOBS("blobs", "Gaussian clusters, one per class", -1, 0.1) {
        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, int classes, Random random) {
            int n = f.numRows;
            for (int i = 0; i < n; i++) {
                int label = classOf(i, n, classes);
                double angle = Math.PI / 4 + label * 2 * Math.PI / classes;
                double cx = classes == 2 ? (label == 0 ? -1 : 1) : 1.5 * Math.cos(angle);
                double cy = classes == 2 ? cx : 1.5 * Math.sin(angle);
                set(f, l, i, cx + 0.4 * random.nextGaussian(), cy + 0.4 * random.nextGaussian(), label);
            }
        }
    },
    /**
     * Fisher's 150 iris flowers: petal length as x1 and petal width as x2 (the two measurements that
     * tell the species apart best), each standardized to mean 0 and standard deviation 1; 3 classes
     * (setosa, versicolor, virginica). At most 150 points: fewer take a random subset.
     */
    IRIS("iris", "Fisher's iris flowers: petal length and width, 3 species", 3, 0) {
        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, int classes, Random random) {
            Iris.fill(f, l, random);
        }

        @Override
        int points(int samples) {
            return Math.min(samples, Iris.FLOWERS);
        }
    },
    /** Regression: uniform points in [-1, 1]², target (x1 + 2 x2) / 3 plus noise (the noise floor of its MSE is noise²). */
    PLANE("plane", "regression: a tilted plane, target (x1 + 2 x2) / 3", 0, 0.1) {
        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, int classes, Random random) {
            for (int i = 0; i < f.numRows; i++) {
                double x = 2 * random.nextDouble() - 1;
                double y = 2 * random.nextDouble() - 1;
                set(f, l, i, x, y, (x + 2 * y) / 3);
            }
        }
    },
    /**
     * Regression, TF Playground's multi-gaussian: uniform points in [-1, 1]², target the sum of
     * Gaussian bumps (width 0.25) of height +1 or -1 at six fixed centres.
     */
    GAUSS("gauss", "regression: a sum of Gaussian bumps", 0, 0.05) {
        private static final double[][] BUMPS = {
            {-0.6, 0.6, 1}, {0, 0.6, -1}, {0.6, 0.6, 1}, {-0.6, -0.6, -1}, {0, -0.6, 1}, {0.6, -0.6, -1}};

        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, int classes, Random random) {
            for (int i = 0; i < f.numRows; i++) {
                double x = 2 * random.nextDouble() - 1;
                double y = 2 * random.nextDouble() - 1;
                double target = 0;
                for (double[] b : BUMPS) {
                    double dx = x - b[0];
                    double dy = y - b[1];
                    target += b[2] * Math.exp(-(dx * dx + dy * dy) / (2 * 0.25 * 0.25));
                }
                set(f, l, i, x, y, target);
            }
        }
    },
    /**
     * Regression on one input, seed 003's line: y = 1 + 2x + noise, 100 points of x in [0, 1), 80 for
     * training, exactly as the notebook draws them ({@link OneInputData#line}).
     */
    LINE("line", "regression on one input: seed 003's y = 1 + 2x + noise, 100 points, 80 for training", 0, 0.1) {
        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, int classes, Random random) {
            throw new IllegalStateException("line comes with its own split: see split(noise)");
        }
    },
    /** Regression on one input, seed 001's quadratic: y = x^2 + 3x on 40 points in [-5, 5], 26 for training. */
    QUADRATIC("quadratic", "regression on one input: seed 001's y = x^2 + 3x, 40 points in [-5, 5], 26 for training",
            0, 0) {
        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, int classes, Random random) {
            throw new IllegalStateException("quadratic comes with its own split: see split(noise)");
        }
    },
    /** scikit-learn's 1,797 8x8 handwritten digits (64 inputs, 10 classes), read by {@link ImageSets}. */
    DIGITS("digits", "8x8 handwritten digits: 64 pixels, 10 classes", 10, 0) {
        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, int classes, Random random) {
            throw notGenerated();
        }
    },
    /** Fashion-MNIST's 28x28 garments (784 inputs, 10 classes), read by {@link ImageSets}. */
    FASHION("fashion", "Fashion-MNIST: 28x28 garments, 10 classes", 10, 0) {
        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, int classes, Random random) {
            throw notGenerated();
        }
    },
    /** Any folder of MNIST-style IDX files (MNIST, KMNIST), read by {@link ImageSets#folder}. */
    IDX("idx", "a folder of MNIST-style IDX files, 10 classes", 10, 0) {
        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, int classes, Random random) {
            throw notGenerated();
        }
    };

    /** Most classes a dataset can be asked for. */
    public static final int MAX_CLASSES = 6;

    private final String id;
    private final String description;
    /** Classes this dataset always has (0: a regression target), or -1 when it takes a count. */
    private final int fixedClasses;
    private final double defaultNoise;

    DatasetKind(String id, String description, int fixedClasses, double defaultNoise) {
        this.id = id;
        this.description = description;
        this.fixedClasses = fixedClasses;
        this.defaultNoise = defaultNoise;
    }

    /** True for the datasets read from files (digits, fashion, idx): they are not points of the plane. */
    public boolean fromFiles() {
        return this == DIGITS || this == FASHION || this == IDX;
    }

    /** The datasets of the plane (x1, x2), which the app's views draw. */
    public static DatasetKind[] planar() {
        return java.util.Arrays.stream(values()).filter(k -> !k.fromFiles() && !k.hasOneInput())
                .toArray(DatasetKind[]::new);
    }

    /** The datasets the app generates: the plane's, and line and quadratic drawn as curves. */
    public static DatasetKind[] inApp() {
        return java.util.Arrays.stream(values()).filter(k -> !k.fromFiles()).toArray(DatasetKind[]::new);
    }

    /** True for line and quadratic: one input x, and the split their notebook makes. */
    public boolean hasOneInput() {
        return this == LINE || this == QUADRATIC;
    }

    /** Line's or quadratic's points with their notebook's split ({@link OneInputData}). */
    public DataSplit split(double noise) {
        return switch (this) {
            case LINE -> OneInputData.line(noise);
            case QUADRATIC -> OneInputData.quadratic(noise);
            default -> throw new IllegalStateException(id + " is split by the test ratio, not by its notebook");
        };
    }

    IllegalArgumentException notGenerated() {
        return new IllegalArgumentException(id + " is read from files, not generated: the command line's train "
                + "and eval load it");
    }

    /** True for spiral and blobs, which take a class count. */
    public boolean takesClassCount() {
        return fixedClasses < 0;
    }

    public boolean isRegression() {
        return fixedClasses == 0;
    }

    /** The classes of this dataset when {@code requested} are asked for: spiral and blobs take it, others have their own. */
    public int classes(int requested) {
        return takesClassCount() ? requested : fixedClasses;
    }

    /** The classes it has unless told otherwise: 2 for spiral and blobs. */
    public int defaultClasses() {
        return takesClassCount() ? 2 : fixedClasses;
    }

    /** The noise that leaves the dataset's shape visible: 0.02 for spiral, 0 for iris, 0.1 for most. */
    public double defaultNoise() {
        return defaultNoise;
    }

    /**
     * Checks a requested class count: 2 to {@link #MAX_CLASSES} for spiral and blobs; the others
     * must be asked for their own count (or not at all).
     */
    public void checkClasses(int classes) {
        if (takesClassCount() ? classes < 2 || classes > MAX_CLASSES : classes != fixedClasses) {
            throw new IllegalArgumentException(takesClassCount()
                    ? "--classes must be 2 to " + MAX_CLASSES + " for " + id + ", got " + classes
                    : id + (isRegression() ? " is a regression dataset and has no classes"
                    : " has " + fixedClasses + " classes, not " + classes));
        }
    }

    /** Most classes of any data (points read from a file, pictures): the heads' limit. */
    public static final int MAX_DATA_CLASSES = 10;

    /**
     * Whether data of {@code classes} classes may run under this kind: its own count, or for spiral and
     * blobs (which also stand for points read from a file) 2 to {@link #MAX_DATA_CLASSES}. Generating
     * them is checked by {@link #checkClasses}.
     */
    public boolean fitsClasses(int classes) {
        return takesClassCount() ? classes >= 2 && classes <= MAX_DATA_CLASSES : classes == fixedClasses;
    }

    /** Points generated for {@code samples} asked: all of them, except for a dataset of fixed size. */
    int points(int samples) {
        return samples;
    }

    /** Class of row {@code i} of {@code n} rows in class order: rows a·n/K to (a+1)·n/K - 1 are class a. */
    private static int classOf(int i, int n, int classes) {
        int a = classes - 1;
        while (a * n / classes > i) {
            a--;
        }
        return a;
    }

    @Override
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Writes the noise-free points and labels (or targets), rows in class order. */
    abstract void fill(DMatrixRMaj features, DMatrixRMaj labels, int classes, Random random);

    /**
     * {@code samples} labelled points: built in class order, shuffled, then jittered by Gaussian
     * noise of standard deviation {@code noise} (the order of make_moons).
     */
    public Dataset generate(int samples, double noise, Random random) {
        return generate(samples, noise, defaultClasses(), random);
    }

    /**
     * As {@link #generate(int, double, Random)} with {@code classes} classes (see
     * {@link #checkClasses}). A regression dataset's noise goes to the target, not the point.
     */
    public Dataset generate(int samples, double noise, int classes, Random random) {
        checkClasses(classes);
        if (fromFiles()) {
            throw notGenerated();
        }
        if (hasOneInput()) {
            return split(noise).all();
        }
        samples = points(samples);
        if (samples < 2) {
            throw new IllegalArgumentException("a dataset needs at least 2 samples, got " + samples);
        }
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("noise must be >= 0, got " + noise);
        }
        DMatrixRMaj f = new DMatrixRMaj(samples, 2);
        DMatrixRMaj l = new DMatrixRMaj(samples, 1);
        fill(f, l, classes, random);
        Dataset ordered = new Dataset(f, l);
        Dataset shuffled = ordered.subset(Shuffle.permutation(samples, random));
        if (noise > 0) {
            double[] d = isRegression() ? shuffled.labels().data : shuffled.features().data;
            for (int i = 0; i < d.length; i++) {
                d[i] += noise * random.nextGaussian();
            }
        }
        return shuffled;
    }

    /** numpy's linspace(0, end, count)[i]. */
    private static double linspace(int i, int count, double end) {
        return count == 1 ? 0 : end * i / (count - 1);
    }

    static void set(DMatrixRMaj f, DMatrixRMaj l, int row, double x1, double x2, double label) {
        f.set(row, 0, x1);
        f.set(row, 1, x2);
        l.set(row, 0, label);
    }

    public static DatasetKind fromId(String id) {
        return Named.fromId(DatasetKind.class, id, "dataset");
    }
}
