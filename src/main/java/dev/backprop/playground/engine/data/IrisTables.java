package dev.backprop.playground.engine.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Fisher's iris flowers beyond the plane (seed 003): all four measurements as inputs for the
 * species, and the regression of the petal's length and width on the sepal's. Every measurement is
 * standardized (mean 0, standard deviation 1 over the 150 flowers), the targets included, as the
 * seed does before fitting. Rows in file order (class order).
 */
public final class IrisTables {
    private static final List<String> MEASUREMENTS =
            List.of("sepal_length", "sepal_width", "petal_length", "petal_width");

    private IrisTables() {
    }

    /** 150 x 4 measurements, labels the species 0, 1, 2. */
    public static Dataset allInputs() {
        double[][] z = standardized();
        DMatrixRMaj x = new DMatrixRMaj(Iris.FLOWERS, 4);
        DMatrixRMaj y = new DMatrixRMaj(Iris.FLOWERS, 1);
        for (int i = 0; i < Iris.FLOWERS; i++) {
            System.arraycopy(z[i], 0, x.data, 4 * i, 4);
            y.data[i] = z[i][4];
        }
        return new Dataset(x, y, new Inputs(MEASUREMENTS, null));
    }

    /** Sepal length and width -> petal length and width: 150 x 2 inputs, 150 x 2 targets. */
    public static Dataset petalFromSepal() {
        double[][] z = standardized();
        DMatrixRMaj x = new DMatrixRMaj(Iris.FLOWERS, 2);
        DMatrixRMaj y = new DMatrixRMaj(Iris.FLOWERS, 2);
        for (int i = 0; i < Iris.FLOWERS; i++) {
            System.arraycopy(z[i], 0, x.data, 2 * i, 2);
            System.arraycopy(z[i], 2, y.data, 2 * i, 2);
        }
        return new Dataset(x, y, new Inputs(MEASUREMENTS.subList(0, 2), null));
    }

    /** Each flower's four measurements standardized, then its species. */
    static double[][] standardized() {
        double[][] rows = read();
        for (int c = 0; c < 4; c++) {
            double mean = 0;
            for (double[] r : rows) {
                mean += r[c] / rows.length;
            }
            double var = 0;
            for (double[] r : rows) {
                var += (r[c] - mean) * (r[c] - mean) / rows.length;
            }
            double sd = Math.sqrt(var);
            for (double[] r : rows) {
                r[c] = (r[c] - mean) / sd;
            }
        }
        return rows;
    }

    private static double[][] read() {
        double[][] rows = new double[Iris.FLOWERS][];
        try (InputStream in = IrisTables.class.getResourceAsStream("iris.csv")) {
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
                double[] r = new double[5];
                for (int c = 0; c < 5; c++) {
                    r[c] = Double.parseDouble(cells[c]);
                }
                rows[n++] = r;
            }
            if (n != Iris.FLOWERS) {
                throw new IllegalStateException("iris.csv has " + n + " flowers, not " + Iris.FLOWERS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
