package dev.backprop.playground.engine.data;

import dev.backprop.playground.engine.Named;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * The five 2D two-class datasets. Each generator is deterministic for a given {@link Random}.
 * Noise is the standard deviation of Gaussian jitter added to every coordinate.
 */
public enum DatasetKind implements Named {
    /**
     * scikit-learn's make_moons: the outer half circle (label 0) has n/2 points, the inner one
     * (label 1, shifted by (1, -0.5)) the rest, points evenly spaced in angle, then shuffled.
     */
    MOONS("moons", "two interleaving half circles") {
        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, Random random) {
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
    CIRCLES("circles", "a small circle inside a large one") {
        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, Random random) {
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
    XOR("xor", "four quadrants, opposite corners share a class") {
        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, Random random) {
            for (int i = 0; i < f.numRows; i++) {
                double x = 2 * random.nextDouble() - 1;
                double y = 2 * random.nextDouble() - 1;
                set(f, l, i, x, y, x * y > 0 ? 1 : 0);
            }
        }
    },
    /** Two interleaved Archimedean spirals, 1.75 turns each. */
    SPIRAL("spiral", "two interleaved spiral arms") {
        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, Random random) {
            int n = f.numRows;
            int nA = n / 2;
            for (int i = 0; i < n; i++) {
                int label = i < nA ? 0 : 1;
                int k = label == 0 ? i : i - nA;
                int count = label == 0 ? nA : n - nA;
                double r = (double) k / count;
                double t = 1.75 * 2 * Math.PI * r + label * Math.PI;
                set(f, l, i, r * Math.sin(t), r * Math.cos(t), label);
            }
        }
    },
    /** Two Gaussian clusters of standard deviation 0.4 around (-1, -1) (label 0) and (1, 1) (label 1). */
    BLOBS("blobs", "two Gaussian clusters") {
        @Override
        void fill(DMatrixRMaj f, DMatrixRMaj l, Random random) {
            int n = f.numRows;
            for (int i = 0; i < n; i++) {
                int label = i < n / 2 ? 0 : 1;
                double c = label == 0 ? -1 : 1;
                set(f, l, i, c + 0.4 * random.nextGaussian(), c + 0.4 * random.nextGaussian(), label);
            }
        }
    };

    private final String id;
    private final String description;

    DatasetKind(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Writes the noise-free points and labels, rows in class order. */
    abstract void fill(DMatrixRMaj features, DMatrixRMaj labels, Random random);

    /**
     * {@code samples} labelled points: built in class order, shuffled, then jittered by Gaussian
     * noise of standard deviation {@code noise} (the order of make_moons).
     */
    public Dataset generate(int samples, double noise, Random random) {
        if (samples < 2) {
            throw new IllegalArgumentException("a dataset needs at least 2 samples, got " + samples);
        }
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("noise must be >= 0, got " + noise);
        }
        DMatrixRMaj f = new DMatrixRMaj(samples, 2);
        DMatrixRMaj l = new DMatrixRMaj(samples, 1);
        fill(f, l, random);
        Dataset ordered = new Dataset(f, l);
        Dataset shuffled = ordered.subset(Shuffle.permutation(samples, random));
        if (noise > 0) {
            double[] d = shuffled.features().data;
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

    private static void set(DMatrixRMaj f, DMatrixRMaj l, int row, double x1, double x2, int label) {
        f.set(row, 0, x1);
        f.set(row, 1, x2);
        l.set(row, 0, label);
    }

    public static DatasetKind fromId(String id) {
        return Named.fromId(DatasetKind.class, id, "dataset");
    }
}
