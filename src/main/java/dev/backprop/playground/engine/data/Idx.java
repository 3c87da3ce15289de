package dev.backprop.playground.engine.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.ejml.data.DMatrixRMaj;

/**
 * The IDX format of MNIST and its kin (Fashion-MNIST, KMNIST): a big-endian magic number
 * (0x00000803 for images, 0x00000801 for labels), the dimensions as 32-bit ints, then one unsigned
 * byte per pixel or label. Plain or gzip'd (recognised by gzip's own magic bytes). Everything is
 * checked as it is read: a wrong magic number, a truncated file, image and label counts that differ,
 * a label of {@link #CLASSES} or more; nothing half-read is returned.
 */
public final class Idx {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    /** Classes an IDX label set may have: the digits 0 to 9 (and Fashion-MNIST's ten garments). */
    public static final int CLASSES = 10;

    private Idx() {
    }

    /**
     * Reads images and their labels into a dataset: pixels divided by {@code maxPixel} (255 for MNIST,
     * 16 for the 8x8 digits), one class index per image, the image shape as the inputs' shape.
     *
     * @param imagesName  how errors name the images file
     * @param labelsName  how errors name the labels file
     * @param maxImages   most images accepted, checked from the header before the body is read
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static Dataset read(InputStream images, String imagesName, InputStream labels, String labelsName,
                               double maxPixel, int maxImages) throws IOException {
        DataInputStream im = open(images);
        DataInputStream lb = open(labels);
        int[] imageDims = header(im, imagesName, IMAGES_MAGIC, 3, "images");
        int[] labelDims = header(lb, labelsName, LABELS_MAGIC, 1, "labels");
        int n = imageDims[0];
        int rows = imageDims[1];
        int cols = imageDims[2];
        if (n != labelDims[0]) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s holds %,d images but %s %,d labels", imagesName, n, labelsName, labelDims[0]));
        }
        if (n < 1 || n > maxImages) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: %,d images, expected 1 to %,d", imagesName, n, maxImages));
        }
        if ((long) rows * cols > Inputs.MAX_INPUTS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: images of %dx%d pixels, at most %,d "
                    + "pixels are accepted", imagesName, rows, cols, Inputs.MAX_INPUTS));
        }
        int d = rows * cols;
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        byte[] row = new byte[d];
        double scale = 1 / maxPixel;
        for (int i = 0; i < n; i++) {
            fill(im, row, imagesName, i, n);
            for (int k = 0; k < d; k++) {
                x.data[i * d + k] = (row[k] & 0xFF) * scale;
            }
        }
        byte[] ls = new byte[n];
        fill(lb, ls, labelsName, 0, 1);
        for (int i = 0; i < n; i++) {
            int label = ls[i] & 0xFF;
            if (label >= CLASSES) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: label %d of image %,d is not a class 0 to %d", labelsName, label, i + 1, CLASSES - 1));
            }
            y.data[i] = label;
        }
        return new Dataset(x, y, Inputs.image(rows, cols));
    }

    /** Buffers the stream and unpacks it when it starts with gzip's magic bytes 1f 8b. */
    private static DataInputStream open(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(2);
        int first = b.read();
        int second = b.read();
        b.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(b, 1 << 16), 1 << 16) : b);
    }

    /** The dimensions after a checked magic number. */
    private static int[] header(DataInputStream in, String name, int magic, int dims, String what) throws IOException {
        int found;
        try {
            found = in.readInt();
        } catch (EOFException e) {
            throw new IllegalArgumentException(name + " is empty: expected an IDX file of " + what);
        }
        if (found != magic) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: magic number 0x%08X, expected 0x%08X (an IDX file of %s)", name, found, magic, what));
        }
        int[] d = new int[dims];
        for (int i = 0; i < dims; i++) {
            try {
                d[i] = in.readInt();
            } catch (EOFException e) {
                throw new IllegalArgumentException(name + " is truncated: its header ends early");
            }
            if (d[i] < 0) {
                throw new IllegalArgumentException(name + ": dimension " + (i + 1) + " is negative");
            }
        }
        return d;
    }

    private static void fill(DataInputStream in, byte[] into, String name, int index, int count) throws IOException {
        try {
            in.readFully(into);
        } catch (EOFException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s is truncated: it ends within item %,d of %,d", name, index + 1, count));
        }
    }
}
