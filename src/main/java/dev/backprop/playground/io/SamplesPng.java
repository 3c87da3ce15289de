package dev.backprop.playground.io;

import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.nn.Sequential;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * samples.png: a grid of images (the test set's first {@link #COUNT}, else the training set's), each
 * captioned with its true and predicted class; the wrong ones framed and captioned in red. Pixels in
 * [0, 1] drawn dark on white, as the seeds' imshow(cmap="gray_r") does.
 */
public final class SamplesPng {
    /** Images shown. */
    static final int COUNT = 36;
    private static final Color WRONG = new Color(0xC92A2A);

    private SamplesPng() {
    }

    /**
     * @param set        labelled images (the inputs carry the shape)
     * @param classNames names of the classes, or null for 0..9
     */
    public static void write(Path file, Sequential net, Dataset set, List<String> classNames) throws IOException {
        int n = Math.min(COUNT, set.size());
        int[] shape = set.inputs().shape();
        int d = set.width();
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        System.arraycopy(set.features().data, 0, x.data, 0, n * d);
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        net.predict(x, out);
        int wrong = 0;
        for (int i = 0; i < n; i++) {
            wrong += net.head().predict(out.data, i) == set.label(i) ? 0 : 1;
        }
        PictureGrid grid = new PictureGrid(n, shape[0], shape[1], String.format(Locale.ROOT,
                "%d images: true class / predicted, %d wrong (framed in red)", n, wrong));
        int[] rgb = new int[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                int grey = (int) Math.round(255 * (1 - Math.max(0, Math.min(1, x.data[i * d + k]))));
                rgb[k] = grey << 16 | grey << 8 | grey;
            }
            int truth = set.label(i);
            int predicted = net.head().predict(out.data, i);
            boolean ok = truth == predicted;
            grid.draw(i, rgb, ok ? Color.LIGHT_GRAY : WRONG, !ok, name(classNames, truth),
                    (ok ? "= " : "\u2260 ") + name(classNames, predicted));
        }
        grid.write(file);
    }

    private static String name(List<String> classNames, int c) {
        return classNames != null && c >= 0 && c < classNames.size() ? classNames.get(c) : Integer.toString(c);
    }
}
