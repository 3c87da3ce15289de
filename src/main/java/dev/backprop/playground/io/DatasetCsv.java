package dev.backprop.playground.io;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.nn.Limits;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the train command's dataset.csv (x1,x2,label[,split], or any columns) with {@link PointsCsv}: any finite
 * label (the model's head is checked by {@link #checkLabels}); without a split column every point
 * trains. At most {@link Limits#MAX_SAMPLES} points; a bad line is named. A file of image indexes
 * with its {@link ImageSource} beside it reads as the pictures it points at.
 */
public final class DatasetCsv {
    private DatasetCsv() {
    }

    /** @throws IllegalArgumentException naming the file, the line and what is wrong */
    public static DataSplit read(Path file) throws IOException {
        return read(file, Limits.MAX_SAMPLES);
    }

    /** As {@link #read(Path)}, refusing more than {@code maxPoints} points before reading past them. */
    public static DataSplit read(Path file, int maxPoints) throws IOException {
        try {
            // no split column: every point trains, as before
            DataSplit read = PointsCsv.read(file, PointsCsv.ANY_LABEL, maxPoints).split(0, new java.util.Random(0));
            ImageSource source = ImageSource.holdsIndexes(read) ? ImageSource.readBeside(file) : null;
            return source == null ? read : source.rebuild(read);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
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
}
