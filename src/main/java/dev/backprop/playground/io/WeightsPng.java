package dev.backprop.playground.io;

import dev.backprop.playground.engine.data.Inputs;
import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.render.Diverging;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * weights.png: each first-layer unit's incoming weights as a picture in the data's shape (a 1 x d
 * strip for a table), all on one diverging scale (blue -max, white 0, red +max, max the largest
 * |w| shown). With no hidden layer the first layer's units are the classes: one picture per class,
 * seed 003's figure of the logistic regression's coefficients. At most {@link #MAX_UNITS} units.
 */
public final class WeightsPng {
    /** Units drawn at most (a 100-unit layer shows its first 64). */
    static final int MAX_UNITS = 64;

    private WeightsPng() {
    }

    /**
     * @param classNames names of the classes (captions when the first layer is the output), or null for 0, 1, 2...
     */
    public static void write(Path file, Sequential net, List<String> classNames) throws IOException {
        Linear first = (Linear) net.layers().get(0);
        DMatrixRMaj w = first.weight().value();
        Inputs inputs = net.features().inputs();
        int[] shape = inputs.isImage() ? inputs.shape() : new int[] {1, w.numRows};
        int units = Math.min(MAX_UNITS, w.numCols);
        boolean output = net.layers().size() == 2; // no hidden layer: the units are the classes
        double max = 0;
        for (int k = 0; k < w.numRows; k++) {
            for (int u = 0; u < units; u++) {
                max = Math.max(max, Math.abs(w.get(k, u)));
            }
        }
        String title = String.format(Locale.ROOT, "First-layer weights%s: blue -%.3g, white 0, red +%.3g%s",
                output ? ", one picture per class" : ", one picture per unit", max, max,
                units < w.numCols ? " (" + units + " of " + w.numCols + " units)" : "");
        PictureGrid grid = new PictureGrid(units, shape[0], shape[1], title);
        int[] rgb = new int[w.numRows];
        for (int u = 0; u < units; u++) {
            for (int k = 0; k < w.numRows; k++) {
                rgb[k] = Diverging.rgb(max == 0 ? 0 : w.get(k, u) / max);
            }
            String caption = output && net.head().classifies()
                    ? (classNames != null && u < classNames.size() ? classNames.get(u) : "class " + u)
                    : "unit " + (u + 1);
            grid.draw(u, rgb, Color.LIGHT_GRAY, false, caption, null);
        }
        grid.write(file);
    }
}
