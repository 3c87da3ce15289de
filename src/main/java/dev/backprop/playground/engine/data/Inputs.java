package dev.backprop.playground.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * What a dataset's columns are: one name per input, in column order, and for pictures their shape
 * (rows x columns, pixels row by row), so a view can draw a point or a weight vector as an image.
 *
 * @param names input names, 1 to {@link #MAX_INPUTS}, each once
 * @param shape {rows, cols} with rows * cols = names.size() for image data, or null
 */
public record Inputs(List<String> names, int[] shape) {
    /** Most inputs a dataset may have (a 64x64 picture). */
    public static final int MAX_INPUTS = 4_096;
    /** The two inputs of the plane's datasets. */
    public static final Inputs PLANE = numbered(2);

    public Inputs {
        if (names == null || names.isEmpty() || names.size() > MAX_INPUTS) {
            throw new IllegalArgumentException("a dataset has 1 to " + MAX_INPUTS + " inputs, got "
                    + (names == null ? 0 : names.size()));
        }
        names = List.copyOf(names);
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("input names must differ: " + names);
        }
        if (shape != null) {
            if (shape.length != 2 || shape[0] < 1 || shape[1] < 1 || shape[0] * shape[1] != names.size()) {
                throw new IllegalArgumentException("an image of " + Arrays.toString(shape) + " pixels does not fit "
                        + names.size() + " inputs");
            }
            shape = shape.clone();
        }
    }

    /** x1, x2, ..., xd. */
    public static Inputs numbered(int d) {
        checkCount(d);
        List<String> names = new ArrayList<>(d);
        for (int i = 1; i <= d; i++) {
            names.add("x" + i);
        }
        return new Inputs(names, null);
    }

    /** The pixels of a rows x cols picture, named px{row}_{col} from 0 (px3_4: row 3, column 4; no comma, so a CSV header needs no quotes). */
    public static Inputs image(int rows, int cols) {
        checkCount((long) rows * cols);
        List<String> names = new ArrayList<>(rows * cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                names.add(String.format(Locale.ROOT, "px%d_%d", r, c));
            }
        }
        return new Inputs(names, new int[] {rows, cols});
    }

    private static void checkCount(long d) {
        if (d < 1 || d > MAX_INPUTS) {
            throw new IllegalArgumentException("a dataset has 1 to " + MAX_INPUTS + " inputs, got " + d);
        }
    }

    /** Number of inputs. */
    public int size() {
        return names.size();
    }

    public String name(int i) {
        return names.get(i);
    }

    @Override
    public int[] shape() {
        return shape == null ? null : shape.clone();
    }

    public boolean isImage() {
        return shape != null;
    }

    /** True for the plane's two inputs (whatever their names): the 2-D views and input features apply. */
    public boolean isPlanar() {
        return shape == null && names.size() == 2;
    }

    /** "64 inputs (8x8 image)", "4 inputs (a, b, c, d)", "2 inputs (x1, x2)". */
    public String describe() {
        if (shape != null) {
            return size() + " inputs (" + shape[0] + "x" + shape[1] + " image)";
        }
        return size() + " input" + (size() == 1 ? "" : "s") + " ("
                + (size() <= 8 ? String.join(", ", names) : names.get(0) + " ... " + names.get(size() - 1)) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Inputs i && i.names.equals(names) && Arrays.equals(i.shape, shape);
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return describe();
    }
}
