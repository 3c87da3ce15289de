package dev.backprop.playground.engine.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    private static double[][] load() {
        double[][] rows = new double[FLOWERS][];
        try (InputStream in = Iris.class.getResourceAsStream("iris.csv")) {
            if (in == null) {
                throw new IllegalStateException("iris.csv is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int n = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("sepal")) {
                    continue;
                }
                String[] cells = line.split(",");
                // petal length, petal width, species
                rows[n++] = new double[] {Double.parseDouble(cells[2]), Double.parseDouble(cells[3]),
                    Double.parseDouble(cells[4])};
            }
            if (n != FLOWERS) {
                throw new IllegalStateException("iris.csv has " + n + " flowers, not " + FLOWERS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int c = 0; c < 2; c++) {
            double mean = 0;
            for (double[] r : rows) {
                mean += r[c] / FLOWERS;
            }
            double var = 0;
            for (double[] r : rows) {
                var += (r[c] - mean) * (r[c] - mean) / FLOWERS;
            }
            double sd = Math.sqrt(var);
            for (double[] r : rows) {
                r[c] = (r[c] - mean) / sd;
            }
        }
        return rows;
    }
}
