package dev.backprop.playground.io;

import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.Inputs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a CSV header's columns are (see {@link PointsCsv}): the inputs in header order (x1 before x2
 * where those are the only two), the label or the y/y1..yk targets, and the split. Checked whole
 * before a line of the body is read.
 *
 * @param inputs  the input columns' positions
 * @param targets the label's position, or the target columns' positions y1..yk
 * @param yColumns true when {@code targets} are y columns (real targets), false for a label
 * @param split   the split column's position, or -1
 */
record CsvColumns(int[] inputs, int[] targets, boolean yColumns, int split) {

    int targetCount() {
        return targets.length;
    }

    /** The inputs' names as the header spells them (x1, x2 for the plane's files). */
    Inputs names(List<String> header) {
        List<String> names = new ArrayList<>(inputs.length);
        for (int c : inputs) {
            names.add(header.get(c).strip());
        }
        return new Inputs(names, null);
    }

    static CsvColumns of(List<String> header, int lineNo) {
        List<Integer> inputs = new ArrayList<>();
        int label = -1;
        int split = -1;
        int y = -1;
        int[] numbered = new int[Dataset.MAX_TARGETS + 1];
        java.util.Arrays.fill(numbered, -1);
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip().toLowerCase(Locale.ROOT);
            String where = "line " + lineNo + ", column " + (c + 1) + ": ";
            if (name.isEmpty()) {
                throw new IllegalArgumentException(where + "the column has no name");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(where + "\"" + name + "\" appears twice");
            }
            int k = targetIndex(name);
            if (name.equals("label")) {
                label = c;
            } else if (name.equals("split")) {
                split = c;
            } else if (name.equals("y")) {
                y = c;
            } else if (k > 0) {
                if (k > Dataset.MAX_TARGETS) {
                    throw new IllegalArgumentException(where + "\"" + name + "\": at most " + Dataset.MAX_TARGETS
                            + " targets y1..y" + Dataset.MAX_TARGETS);
                }
                numbered[k] = c;
            } else {
                inputs.add(c);
            }
        }
        if (inputs.size() > PointsCsv.MAX_INPUT_COLUMNS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "line %d: %,d input columns, at most %,d",
                    lineNo, inputs.size(), PointsCsv.MAX_INPUT_COLUMNS));
        }
        int[] targets = targets(numbered, y, label, lineNo);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("line " + lineNo + ": the header has no input column (expected such as "
                    + "x1,x2,label[,split])");
        }
        int[] in = inputs.stream().mapToInt(Integer::intValue).toArray();
        if (in.length == 2 && header.get(in[0]).strip().equalsIgnoreCase("x2")
                && header.get(in[1]).strip().equalsIgnoreCase("x1")) {
            in = new int[] {in[1], in[0]}; // the plane's files: x1 is the first input wherever its column is
        }
        return new CsvColumns(in, targets, label < 0, split);
    }

    /** The label alone, y alone, or y1..yk without a gap. */
    private static int[] targets(int[] numbered, int y, int label, int lineNo) {
        int k = 0;
        while (k + 1 < numbered.length && numbered[k + 1] >= 0) {
            k++;
        }
        for (int j = k + 1; j < numbered.length; j++) {
            if (numbered[j] >= 0) {
                throw new IllegalArgumentException("line " + lineNo + ": y" + j + " without y" + (k + 1)
                        + ": targets are y1, y2, ... without a gap");
            }
        }
        int kinds = (label >= 0 ? 1 : 0) + (y >= 0 ? 1 : 0) + (k > 0 ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalArgumentException("line " + lineNo + (kinds == 0
                    ? ": the header has no label column (or y, or y1..yk for regression targets); expected such as "
                    + "x1,x2,label[,split]"
                    : ": give one of label, y, or y1..yk"));
        }
        if (label >= 0) {
            return new int[] {label};
        }
        if (y >= 0) {
            return new int[] {y};
        }
        return java.util.Arrays.copyOfRange(numbered, 1, k + 1);
    }

    /** k for "y" followed by the digits of k (y1, y12), else 0. */
    private static int targetIndex(String name) {
        if (name.length() < 2 || name.length() > 4 || name.charAt(0) != 'y' || name.charAt(1) == '0') {
            return 0;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return 0;
            }
        }
        return Integer.parseInt(name.substring(1));
    }
}
