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
    /** The column of a picture's index in the run's data, for pictures wider than {@link #MAX_WRITTEN_INPUTS}. */
    public static final String IMAGE_COLUMN = "image";

    /**
     * One row per point in generation order: the inputs under their names (x1,x2 for the plane), then
     * label (the class index, or the real target of a regression dataset) or y1..yk for k targets,
     * then split "train" or "test". Images of more than {@link #MAX_WRITTEN_INPUTS} pixels are written
     * as image,label,split with the image's row in the run's data (train rows first, then test), so
     * a run folder stays small; {@link ImageSource} beside it says where the pictures are. A table of
     * as many columns that is not a picture keeps its columns.
     */
    public static void writeDataset(Path file, DataSplit split) throws IOException {
        Dataset all = split.all();
        int d = all.width();
        int t = all.targets();
        boolean indexOnly = writesIndexes(all);
        StringBuilder sb = new StringBuilder(indexOnly ? IMAGE_COLUMN : String.join(",", all.inputs().names()));
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

    /** True when {@link #writeDataset} writes {@code all}'s pictures as their indexes. */
    public static boolean writesIndexes(Dataset all) {
        return all.width() > MAX_WRITTEN_INPUTS && all.inputs().isImage();
    }

    /** A class index as a whole number (0, 1, 2), anything else in full. */
    static String label(double v) {
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
