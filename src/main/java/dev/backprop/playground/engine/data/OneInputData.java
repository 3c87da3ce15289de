package dev.backprop.playground.engine.data;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The notebooks' regressions on one input x, each with the split its notebook makes, reproduced draw
 * for draw with {@link NumpyRandom}. Rows of {@code all} are the training points in the notebook's
 * order, then the test points, so {@code train} is its {@code x_train} exactly.
 */
public final class OneInputData {
    /** The one input's name, as the notebooks call it. */
    public static final Inputs X = new Inputs(List.of("x"), null);
    /** Seed 003's points. */
    public static final int LINE_POINTS = 100;
    /** Seed 003's validation points (idx[80:]). */
    public static final int LINE_TEST = 20;
    /** Seed 001's points: np.linspace(-5, 5, 40). */
    public static final int QUADRATIC_POINTS = 40;
    /** Seed 001's test points: train_test_split's ceil(0.33 * 40). */
    public static final int QUADRATIC_TEST = 14;
    private static final long NOTEBOOK_SEED = 42;

    private OneInputData() {
    }

    /**
     * Seed 003: np.random.seed(42); x = rand(100); y = 1 + 2x + noise * randn(100) (noise 0.1 in the
     * notebook); idx = shuffle(arange(100)); the first 80 of idx train, the other 20 test.
     */
    public static DataSplit line(double noise) {
        checkNoise(noise);
        NumpyRandom random = new NumpyRandom(NOTEBOOK_SEED);
        int n = LINE_POINTS;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.rand();
        }
        for (int i = 0; i < n; i++) {
            y[i] = 1 + 2 * x[i] + noise * random.randn();
        }
        int[] idx = random.permutation(n);
        return inOrder(x, y, idx, n - LINE_TEST);
    }

    /**
     * Seed 001: xs = linspace(-5, 5, 40), ys = xs^2 + 3 xs; train_test_split(test_size=0.33,
     * random_state=42): the permutation's first 14 test, the rest train. The notebook has no noise;
     * a noise above 0 adds noise * randn to each target, drawn after the permutation.
     */
    public static DataSplit quadratic(double noise) {
        checkNoise(noise);
        NumpyRandom random = new NumpyRandom(NOTEBOOK_SEED);
        int n = QUADRATIC_POINTS;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -5 + 10.0 * i / (n - 1);
            y[i] = x[i] * x[i] + 3 * x[i];
        }
        int[] perm = random.permutation(n);
        if (noise > 0) {
            for (int i = 0; i < n; i++) {
                y[i] += noise * random.randn();
            }
        }
        int[] order = new int[n];
        System.arraycopy(perm, QUADRATIC_TEST, order, 0, n - QUADRATIC_TEST);
        System.arraycopy(perm, 0, order, n - QUADRATIC_TEST, QUADRATIC_TEST);
        return inOrder(x, y, order, n - QUADRATIC_TEST);
    }

    private static void checkNoise(double noise) {
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("--noise must be a number >= 0, got " + noise);
        }
    }

    /** Rows {@code order[0..]}: the first {@code train} of them training points, the rest test. */
    private static DataSplit inOrder(double[] x, double[] y, int[] order, int train) {
        int n = order.length;
        DMatrixRMaj f = new DMatrixRMaj(n, 1);
        DMatrixRMaj l = new DMatrixRMaj(n, 1);
        boolean[] isTest = new boolean[n];
        for (int k = 0; k < n; k++) {
            f.data[k] = x[order[k]];
            l.data[k] = y[order[k]];
            isTest[k] = k >= train;
        }
        return DataSplit.of(new Dataset(f, l, X), isTest);
    }
}
