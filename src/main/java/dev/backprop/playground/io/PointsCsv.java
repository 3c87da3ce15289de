package dev.backprop.playground.io;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.nn.Head;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads a user's points: a header naming the columns, then one point per line. {@code label} is the
 * class index (or one real regression target when its values are not class indexes), {@code y} or
 * {@code y1..yk} are k real targets, {@code split} (train or test) is optional, and every other column
 * is an input, in header order, named by its header (x1, x2 in that order for the plane's files, so
 * today's {@code x1,x2,label,split} read exactly as before, whatever their order). Names are matched
 * in any case. Fields may be quoted ("1.5"); Windows line endings and a UTF-8 byte order mark are
 * accepted. The header's limits (at most {@link #MAX_INPUT_COLUMNS} inputs, {@link Dataset#MAX_TARGETS}
 * targets) are checked before the body is read, and everything before anything is returned; the
 * first problem is named by line and column: a file loads whole or not at all.
 */
public final class PointsCsv {
    /** Longest line accepted: 1,024 inputs of up to 60 characters each. */
    static final int MAX_LINE_CHARS = 64 * 1_024;
    /** Most input columns a file may have. */
    public static final int MAX_INPUT_COLUMNS = 1_024;
    /** Any finite label: the caller's head decides (a model read back by eval, say). */
    public static final int ANY_LABEL = -1;
    /** Regression: every label is a real target. */
    public static final int TARGETS = 0;

    private PointsCsv() {
    }

    /**
     * The points of a CSV file, before any split: {@code isTest} is null when the file has no split
     * column, and {@code classes} is the class count the labels imply (max + 1, at least 2), or 0 when
     * some label is not a class index or the file has y columns (regression targets).
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
        // lines are read whole: a longer one (a file with no line breaks) is refused before it fills the heap
        // about 80 characters a point: a bigger file is refused before it is read
        try (BufferedReader in = InputLimits.open(file, 80L * maxPoints + 1_000, MAX_LINE_CHARS, "the data file")) {
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
            throw new IllegalArgumentException("the file is empty: expected a header such as x1,x2,label[,split]");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> names = fields(header, lineNo);
        CsvColumns cols = CsvColumns.of(names, lineNo);
        int width = names.size();
        int d = cols.inputs().length;
        int t = cols.targetCount();
        boolean targetsOnly = cols.yColumns();
        double[] xs = new double[d * 256];
        double[] ys = new double[t * 256];
        boolean[] test = cols.split() >= 0 ? new boolean[256] : null;
        int n = 0;
        int maxLabel = 0;
        boolean indexes = !targetsOnly;
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
            if ((n + 1) * d > xs.length || (n + 1) * t > ys.length) {
                xs = Arrays.copyOf(xs, 2 * xs.length);
                ys = Arrays.copyOf(ys, 2 * ys.length);
                test = test == null ? null : Arrays.copyOf(test, 2 * test.length);
            }
            for (int c = 0; c < d; c++) {
                xs[n * d + c] = number(f, cols.inputs()[c], lineNo, names.get(cols.inputs()[c]).strip());
            }
            if (targetsOnly) {
                for (int k = 0; k < t; k++) {
                    ys[n * t + k] = number(f, cols.targets()[k], lineNo, names.get(cols.targets()[k]).strip());
                }
            } else {
                double y = label(f, cols.targets()[0], lineNo, classes);
                ys[n] = y;
                if (y == Math.rint(y) && y >= 0 && y < Head.MAX_CLASSES) {
                    maxLabel = Math.max(maxLabel, (int) y);
                } else {
                    indexes = false;
                }
            }
            if (test != null) {
                int at = cols.split();
                String split = f.get(at).strip().toLowerCase(Locale.ROOT);
                if (!split.equals("train") && !split.equals("test")) {
                    throw new IllegalArgumentException("line " + lineNo + ", column " + (at + 1) + ": split must be "
                            + "train or test, found \"" + f.get(at).strip() + "\"");
                }
                test[n] = split.equals("test");
            }
            n++;
        }
        if (n < 2) {
            throw new IllegalArgumentException("the file has " + n + " point" + (n == 1 ? "" : "s") + "; at least 2 are needed");
        }
        Dataset all = new Dataset(new DMatrixRMaj(n, d, true, Arrays.copyOf(xs, n * d)),
                new DMatrixRMaj(n, t, true, Arrays.copyOf(ys, n * t)), cols.names(names));
        int implied = targetsOnly || classes == TARGETS || classes <= 0 && !indexes ? 0
                : classes > 0 ? classes : Math.max(2, maxLabel + 1);
        return new Points(all, test == null ? null : Arrays.copyOf(test, n), implied);
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
                    ? " is neither a class index (0 to " + (Head.MAX_CLASSES - 1)
                    + ") nor a regression target (a finite number)" : " is not a finite number"));
        }
        return v;
    }

    /** A plain decimal number: compiled once, as every number of a file is checked against it. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?[0-9.]+([eE][-+]?[0-9]+)?");

    /** NaN for anything that is not a plain decimal number (hex and "Infinity" included). */
    private static double parse(String text) {
        if (text.isEmpty() || text.length() > 40 || !PLAIN_DECIMAL.matcher(text).matches()) {
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
        List<String> out = new ArrayList<>();
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
