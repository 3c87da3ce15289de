package dev.backprop.playground.io;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.DatasetKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads a user's points: a header naming x1, x2, label and optionally split (in any order, any
 * case), then one point per line. Fields may be quoted ("1.5"); Windows line endings and a UTF-8
 * byte order mark are accepted. Everything is checked before anything is returned, and the first
 * problem is named by line and column: a file loads whole or not at all.
 */
public final class PointsCsv {
    /** Longest line accepted: a point takes a few dozen characters. */
    static final int MAX_LINE_CHARS = 1_000;
    /** Any finite label: the caller's head decides (a model read back by eval, say). */
    public static final int ANY_LABEL = -1;
    /** Regression: every label is a real target. */
    public static final int TARGETS = 0;

    private static final List<String> COLUMNS = List.of("x1", "x2", "label", "split");

    private PointsCsv() {
    }

    /**
     * The points of a CSV file, before any split: {@code isTest} is null when the file has no split
     * column, and {@code classes} is the class count the labels imply (max + 1, at least 2), or 0 when
     * some label is not a class index (a regression target).
     */
    public record Points(Dataset all, boolean[] isTest, int classes) {
        /** The file's own split, or round(n * testRatio) random test points when it has none. */
        public DataSplit split(double testRatio, Random random) {
            if (isTest == null) {
                return DataSplit.of(all, testRatio, random);
            }
            return DataSplit.of(all, isTest);
        }
    }

    /**
     * Reads {@code file}: at most {@code maxPoints} points, labels checked against {@code classes}
     * (K for class indexes 0..K-1, {@link #TARGETS} for regression, {@link #ANY_LABEL}).
     *
     * @throws IllegalArgumentException naming the line (and column) and what is wrong
     */
    public static Points read(Path file, int classes, int maxPoints) throws IOException {
        // about 80 characters a point: a bigger file is refused before it is read
        InputLimits.checkRegularFile(file, 80L * maxPoints + 1_000, "the data file");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, classes, maxPoints);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("the file is not UTF-8 text");
        }
    }

    static Points read(BufferedReader in, int classes, int maxPoints) throws IOException {
        String header = in.readLine();
        int lineNo = 1;
        while (header != null && header.isBlank()) {
            header = in.readLine();
            lineNo++;
        }
        if (header == null) {
            throw new IllegalArgumentException("the file is empty: expected a header x1,x2,label[,split]");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        int[] at = columns(fields(header, lineNo), lineNo);
        int width = fields(header, lineNo).size();
        double[] xs = new double[2 * 1024];
        double[] ys = new double[1024];
        boolean[] test = at[3] >= 0 ? new boolean[1024] : null;
        int n = 0;
        int maxLabel = 0;
        boolean indexes = true;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if (n == maxPoints) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "line %d: more than %,d points (the limit here)", lineNo, maxPoints));
            }
            List<String> f = fields(line, lineNo);
            if (f.size() != width) {
                throw new IllegalArgumentException("line " + lineNo + ": expected " + width + " fields like the header, "
                        + "found " + f.size());
            }
            if (n == ys.length) {
                xs = Arrays.copyOf(xs, 4 * n);
                ys = Arrays.copyOf(ys, 2 * n);
                test = test == null ? null : Arrays.copyOf(test, 2 * n);
            }
            xs[2 * n] = number(f, at[0], lineNo, "x1");
            xs[2 * n + 1] = number(f, at[1], lineNo, "x2");
            double y = label(f, at[2], lineNo, classes);
            ys[n] = y;
            if (y == Math.rint(y) && y >= 0 && y < DatasetKind.MAX_CLASSES) {
                maxLabel = Math.max(maxLabel, (int) y);
            } else {
                indexes = false;
            }
            if (test != null) {
                String split = f.get(at[3]).strip().toLowerCase(Locale.ROOT);
                if (!split.equals("train") && !split.equals("test")) {
                    throw new IllegalArgumentException("line " + lineNo + ", column " + (at[3] + 1) + ": split must be "
                            + "train or test, found \"" + f.get(at[3]).strip() + "\"");
                }
                test[n] = split.equals("test");
            }
            n++;
        }
        if (n < 2) {
            throw new IllegalArgumentException("the file has " + n + " point" + (n == 1 ? "" : "s") + "; at least 2 are needed");
        }
        Dataset all = new Dataset(new DMatrixRMaj(n, 2, true, Arrays.copyOf(xs, 2 * n)),
                new DMatrixRMaj(n, 1, true, Arrays.copyOf(ys, n)));
        int implied = classes > 0 ? classes : classes == TARGETS || !indexes ? 0 : Math.max(2, maxLabel + 1);
        return new Points(all, test == null ? null : Arrays.copyOf(test, n), implied);
    }

    /** Where x1, x2, label and split are in the header (split -1 when absent). */
    private static int[] columns(List<String> names, int lineNo) {
        int[] at = {-1, -1, -1, -1};
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c).strip().toLowerCase(Locale.ROOT);
            int k = COLUMNS.indexOf(name);
            if (k < 0) {
                throw new IllegalArgumentException("line " + lineNo + ", column " + (c + 1) + ": unknown column \""
                        + names.get(c).strip() + "\": the data has two inputs x1, x2, a label and optionally a split "
                        + "(more input columns are not supported)");
            }
            if (at[k] >= 0) {
                throw new IllegalArgumentException("line " + lineNo + ", column " + (c + 1) + ": \"" + name
                        + "\" appears twice");
            }
            at[k] = c;
        }
        for (int k = 0; k < 3; k++) {
            if (at[k] < 0) {
                throw new IllegalArgumentException("line " + lineNo + ": the header has no " + COLUMNS.get(k)
                        + " column (expected x1,x2,label[,split])");
            }
        }
        return at;
    }

    private static double number(List<String> f, int column, int lineNo, String name) {
        String text = f.get(column).strip();
        double v = parse(text);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("line " + lineNo + ", column " + (column + 1) + ": " + name + " \"" + text
                    + "\" is not a finite number");
        }
        return v;
    }

    private static double label(List<String> f, int column, int lineNo, int classes) {
        String text = f.get(column).strip();
        double v = parse(text);
        String where = "line " + lineNo + ", column " + (column + 1) + ": label \"" + text + "\"";
        if (classes > 0 && !(v == Math.rint(v) && v >= 0 && v < classes)) {
            throw new IllegalArgumentException(where + " is not a class index (0 to " + (classes - 1) + ")");
        }
        if (!Double.isFinite(v)) {
            // the app reads a file before it knows whether the labels are classes or targets: say both
            throw new IllegalArgumentException(where + (classes == ANY_LABEL
                    ? " is neither a class index (0 to " + (DatasetKind.MAX_CLASSES - 1)
                    + ") nor a regression target (a finite number)" : " is not a finite number"));
        }
        return v;
    }

    /** NaN for anything that is not a plain decimal number (hex and "Infinity" included). */
    private static double parse(String text) {
        if (text.isEmpty() || text.length() > 40 || !text.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** One line's fields: commas separate, double quotes enclose (a doubled quote inside is one quote). */
    static List<String> fields(String line, int lineNo) {
        if (line.length() > MAX_LINE_CHARS) {
            throw new IllegalArgumentException("line " + lineNo + ": longer than " + MAX_LINE_CHARS + " characters");
        }
        List<String> out = new ArrayList<>(4);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + lineNo + ": a quote is not closed");
        }
        out.add(field.toString());
        return out;
    }
}
