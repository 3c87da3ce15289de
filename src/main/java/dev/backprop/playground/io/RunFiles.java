package dev.backprop.playground.io;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** The CSV files of a run: dataset.csv ({@link MetricsCsvWriter} writes metrics.csv). Numbers use '.' whatever the locale. */
public final class RunFiles {
    private RunFiles() {
    }

    /** Most inputs written as columns; a wider image is written as its index (see {@link #writeDataset}). */
    public static final int MAX_WRITTEN_INPUTS = 64;

    /**
     * One row per point in generation order: the inputs under their names (x1,x2 for the plane), then
     * label (the class index, or the real target of a regression dataset) or y1..yk for k targets,
     * then split "train" or "test". Images of more than {@link #MAX_WRITTEN_INPUTS} pixels are written
     * as image,label,split with the image's row in the run's data (train rows first, then test), so
     * a run folder stays small.
     */
    public static void writeDataset(Path file, DataSplit split) throws IOException {
        Dataset all = split.all();
        int d = all.width();
        int t = all.targets();
        boolean indexOnly = d > MAX_WRITTEN_INPUTS;
        StringBuilder sb = new StringBuilder(indexOnly ? "image" : String.join(",", all.inputs().names()));
        for (int k = 1; k <= t; k++) {
            sb.append(t == 1 ? ",label" : ",y" + k);
        }
        sb.append(",split\n");
        double[] x = all.features().data;
        double[] y = all.labels().data;
        for (int i = 0; i < all.size(); i++) {
            if (indexOnly) {
                sb.append(i);
            } else {
                for (int c = 0; c < d; c++) {
                    sb.append(c == 0 ? "" : ",").append(num(x[i * d + c]));
                }
            }
            for (int k = 0; k < t; k++) {
                sb.append(',').append(t == 1 ? label(y[i]) : num(y[i * t + k]));
            }
            sb.append(',').append(split.isTest(i) ? "test" : "train").append('\n');
        }
        AtomicFile.writeString(file, sb.toString());
    }

    /** A class index as a whole number (0, 1, 2), anything else in full. */
    private static String label(double v) {
        return v == Math.rint(v) && Math.abs(v) <= 1e6 ? Long.toString((long) v) : num(v);
    }

    /** Shortest round-tripping form; NaN (a missing value) as an empty field. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : String.format(Locale.ROOT, "%s", v);
    }
}
