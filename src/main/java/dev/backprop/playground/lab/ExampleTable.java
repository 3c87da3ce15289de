package dev.backprop.playground.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The MLP's examples as a small editable table, one per line: inputs separated by commas, then
 * {@code ->} and the target, e.g. {@code 2.0, 3.0, -1.0 -> 1.0}. Blank lines are skipped.
 */
public final class ExampleTable {
    /** Longest table text accepted, far above 32 examples of 8 numbers. */
    static final int MAX_CHARS = 10_000;

    private ExampleTable() {
    }

    /** Parsed examples: inputs and targets, row by row. */
    public record Examples(double[][] xs, double[] ys) {
    }

    /** @throws IllegalArgumentException naming the line that is not {@code x, x, ... -> y} */
    public static Examples parse(String text) {
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("the examples are longer than " + MAX_CHARS + " characters");
        }
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] sides = line.split("->", -1);
            if (sides.length != 2) {
                throw new IllegalArgumentException("example line " + (i + 1) + ": write inputs -> target, e.g. 2, 3, -1 -> 1");
            }
            String[] cells = sides[0].split(",", -1);
            double[] x = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                x[j] = number(cells[j], i);
            }
            xs.add(x);
            ys.add(number(sides[1], i));
        }
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("there are no examples: write one per line, inputs -> target");
        }
        return new Examples(xs.toArray(double[][]::new), ys.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double number(String cell, int line) {
        try {
            double v = Double.parseDouble(cell.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the line
        }
        throw new IllegalArgumentException("example line " + (line + 1) + ": '" + cell.strip() + "' is not a number");
    }

    /** The table text of {@code xs} and {@code ys}, as {@link #parse} reads it. */
    public static String format(double[][] xs, double[] ys) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < xs[i].length; j++) {
                b.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s", xs[i][j]));
            }
            b.append(" -> ").append(ys[i]).append('\n');
        }
        return b.toString();
    }

    /** Layer sizes as written {@code 3-4-4-1}: the first is the inputs, the rest the layers. */
    public static int[] parseShape(String text) {
        String[] parts = text.strip().split("\\s*-\\s*");
        if (parts.length < 2) {
            throw new IllegalArgumentException("sizes are written inputs-layer-...-1, e.g. 3-4-4-1");
        }
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + parts[i] + "' in the sizes is not a whole number");
            }
        }
        return sizes;
    }
}
