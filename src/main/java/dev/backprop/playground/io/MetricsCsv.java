package dev.backprop.playground.io;

import dev.backprop.playground.engine.nn.Metrics;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads metrics.csv as {@link MetricsCsvWriter} writes it: step,train_loss,test_loss,train_acc,
 * test_acc, an empty field for a missing value, inf/-inf. At most {@link #MAX_ROWS} rows of
 * increasing steps; a bad line is named.
 */
public final class MetricsCsv {
    /** A 250-million-step run at the default 250 steps between rows. */
    public static final int MAX_ROWS = 1_000_000;
    static final long MAX_BYTES = 120L * MAX_ROWS;
    /** A row is five numbers: far under this. */
    static final int MAX_LINE_CHARS = 1_000;
    static final String HEADER = "step,train_loss,test_loss,train_acc,test_acc";
    /** The column a run by epochs adds. */
    static final String EPOCH = ",epoch";
    /** The column a perceptron's run adds: its updates (misclassifications met) since the row before. */
    static final String ERRORS = ",errors";

    private MetricsCsv() {
    }

    /** @throws IllegalArgumentException naming the file, the line and what is wrong */
    public static List<Metrics> read(Path file) throws IOException {
        List<Metrics> rows = new ArrayList<>();
        try (BufferedReader in = InputLimits.open(file, MAX_BYTES, MAX_LINE_CHARS, "metrics.csv")) {
            String header = in.readLine();
            int fields = header == null ? -1 : List.of(HEADER, HEADER + EPOCH, HEADER + ERRORS, HEADER + EPOCH + ERRORS)
                    .indexOf(header.strip());
            if (fields < 0) {
                throw new IllegalArgumentException(file + ": the first line must be " + HEADER
                        + " (then ,epoch by epochs and ,errors for a perceptron)");
            }
            fields = header.strip().split(",").length;
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file + " line " + lineNo + ": ";
                if (rows.size() == MAX_ROWS) {
                    throw new IllegalArgumentException(file + ": more than " + MAX_ROWS + " rows");
                }
                String[] f = line.split(",", -1);
                if (f.length != fields) {
                    throw new IllegalArgumentException(where + "expected " + fields + " fields, found " + f.length);
                }
                long step;
                try {
                    step = Long.parseLong(f[0].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + "step is not a whole number: " + f[0]);
                }
                if (step < 0 || (!rows.isEmpty() && step < rows.get(rows.size() - 1).step())) {
                    throw new IllegalArgumentException(where + "steps must be 0 or more and never decrease, got " + step);
                }
                rows.add(new Metrics(step, number(f[1], where), number(f[2], where), number(f[3], where),
                        number(f[4], where), 0));
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": no rows");
        }
        return rows;
    }

    private static double number(String field, String where) {
        String s = field.strip();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        if (s.equals("inf") || s.equals("-inf")) {
            return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        try {
            double v = Double.parseDouble(s);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "not a number: " + field);
        }
    }
}
