package dev.backprop.playground.engine.data;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Fisher's iris flowers, read once from the iris.csv resource beside this class: petal length and
 * petal width, standardized (mean 0, standard deviation 1, so the plane's scale matches the other
 * datasets), and the species 0, 1, 2.
 */
final class Iris {
    static final int FLOWERS = 150;
    private static final double[][] ROWS = load();

    private Iris() {
    }

    /** Fills every row of {@code f}: all 150 flowers in file order, or a random subset when fewer rows are asked. */
    static void fill(DMatrixRMaj f, DMatrixRMaj l, Random random) {
        int[] pick = Shuffle.permutation(FLOWERS, random);
        java.util.Arrays.sort(pick, 0, f.numRows); // keep class order, as the other generators do
        for (int i = 0; i < f.numRows; i++) {
            int row = f.numRows == FLOWERS ? i : pick[i];
            DatasetKind.set(f, l, i, ROWS[row][0], ROWS[row][1], ROWS[row][2]);
        }
    }

    /** Petal length and width (standardized, as {@link IrisTables} does every measurement) and the species. */
    private static double[][] load() {
        double[][] z = IrisTables.standardized();
        double[][] rows = new double[FLOWERS][];
        for (int i = 0; i < FLOWERS; i++) {
            rows[i] = new double[] {z[i][2], z[i][3], z[i][4]};
        }
        return rows;
    }
}
