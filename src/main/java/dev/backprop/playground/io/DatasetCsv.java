package dev.backprop.playground.io;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.nn.Limits;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads x1,x2,label[,split] (the train command's dataset.csv): a header line, then one point per
 * line with finite coordinates, a finite label (a class index 0..K-1, or a regression target) and
 * optionally "train" or "test" (default train).
 * At most {@link Limits#MAX_SAMPLES} points, from a regular file; a bad line is named.
 */
public final class DatasetCsv {
    /** About 80 characters a line at most. */
    static final long MAX_BYTES = 80L * Limits.MAX_SAMPLES;

    private DatasetCsv() {
    }

    /** @throws IllegalArgumentException naming the file, the line and what is wrong */
    public static DataSplit read(Path file) throws IOException {
        InputLimits.checkRegularFile(file, MAX_BYTES, "--data");
        double[] xs = new double[2 * 1024];
        double[] ys = new double[1024];
        boolean[] test = new boolean[1024];
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.strip().startsWith("x1,x2,label")) {
                throw new IllegalArgumentException(file + ": the first line must be x1,x2,label[,split]");
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (n == Limits.MAX_SAMPLES) {
                    throw new IllegalArgumentException(file + ": more than " + Limits.MAX_SAMPLES + " points");
                }
                if (n == ys.length) {
                    xs = java.util.Arrays.copyOf(xs, 4 * n);
                    ys = java.util.Arrays.copyOf(ys, 2 * n);
                    test = java.util.Arrays.copyOf(test, 2 * n);
                }
                String[] f = line.split(",", -1);
                String where = file + " line " + lineNo + ": ";
                if (f.length != 3 && f.length != 4) {
                    throw new IllegalArgumentException(where + "expected x1,x2,label[,split], found " + f.length
                            + " fields");
                }
                xs[2 * n] = finite(f[0], where + "x1");
                xs[2 * n + 1] = finite(f[1], where + "x2");
                // a class index or a regression target: the model's head checks which it needs
                ys[n] = finite(f[2], where + "the label");
                String split = f.length == 4 ? f[3].strip() : "train";
                if (!split.equals("train") && !split.equals("test")) {
                    throw new IllegalArgumentException(where + "the split must be train or test, found '" + split + "'");
                }
                test[n] = split.equals("test");
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(file + ": no points");
        }
        Dataset all = new Dataset(new DMatrixRMaj(n, 2, true, java.util.Arrays.copyOf(xs, 2 * n)),
                new DMatrixRMaj(n, 1, true, java.util.Arrays.copyOf(ys, n)));
        int tests = 0;
        for (int i = 0; i < n; i++) {
            tests += test[i] ? 1 : 0;
        }
        int[] trainRows = new int[n - tests];
        int[] testRows = new int[tests];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (test[i]) {
                testRows[b++] = i;
            } else {
                trainRows[a++] = i;
            }
        }
        return new DataSplit(all, all.subset(trainRows), all.subset(testRows), java.util.Arrays.copyOf(test, n));
    }

    /**
     * Checks that every label fits {@code head}: a class index 0 to K-1 for a classifier, any
     * finite target for regression.
     */
    public static void checkLabels(DataSplit split, dev.backprop.playground.engine.nn.Head head) {
        if (!head.classifies()) {
            return;
        }
        double[] y = split.all().labels().data;
        for (int i = 0; i < split.all().size(); i++) {
            if (y[i] != Math.rint(y[i]) || y[i] < 0 || y[i] >= head.classes()) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "point %d: the label must be a class 0 to %d for this model, found %s", i + 1,
                        head.classes() - 1, y[i]));
            }
        }
    }

    private static double finite(String field, String what) {
        try {
            double v = Double.parseDouble(field.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException(what + " must be a finite number, found '" + field.strip() + "'");
    }
}
