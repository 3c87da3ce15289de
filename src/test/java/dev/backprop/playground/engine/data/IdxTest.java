package dev.backprop.playground.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The IDX reader on hand-made files: values, gzip, and every way a file can be wrong. */
class IdxTest {
    /** An IDX images file of n images, rows x cols, pixel (i, k) = (i * 16 + k) mod 256. */
    static byte[] images(int magic, int n, int rows, int cols, int bodyBytes) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(magic);
        out.writeInt(n);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int j = 0; j < bodyBytes; j++) {
            int i = j / (rows * cols);
            int k = j % (rows * cols);
            out.writeByte((i * 16 + k) % 256);
        }
        return b.toByteArray();
    }

    static byte[] labels(int n, int... values) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(Idx.LABELS_MAGIC);
        out.writeInt(n);
        for (int v : values) {
            out.writeByte(v);
        }
        return b.toByteArray();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(plain);
        }
        return b.toByteArray();
    }

    private static Dataset read(byte[] im, byte[] lb) throws IOException {
        return Idx.read(new ByteArrayInputStream(im), "images", new ByteArrayInputStream(lb), "labels", 255, 1000);
    }

    private static String error(byte[] im, byte[] lb) {
        return assertThrows(IllegalArgumentException.class, () -> read(im, lb)).getMessage();
    }

    @Test
    void readsPixelsScaledLabelsAndTheShape() throws IOException {
        Dataset d = read(images(Idx.IMAGES_MAGIC, 3, 2, 3, 18), labels(3, 7, 0, 9));
        assertEquals(3, d.size());
        assertEquals(6, d.width());
        assertArrayEquals(new int[] {2, 3}, d.inputs().shape());
        assertEquals("px1_2", d.inputs().name(5));
        // image 2, pixel 4: (2 * 16 + 4) / 255
        assertEquals(36 / 255.0, d.features().get(2, 4), 0);
        assertEquals(9, d.label(2));
        assertEquals(7, d.label(0));
    }

    @Test
    void gzipIsRecognisedByItsMagicBytes() throws IOException {
        byte[] im = images(Idx.IMAGES_MAGIC, 2, 2, 2, 8);
        byte[] lb = labels(2, 1, 2);
        Dataset plain = read(im, lb);
        Dataset packed = read(gzip(im), gzip(lb));
        assertArrayEquals(plain.features().data, packed.features().data, 0);
        assertArrayEquals(plain.labels().data, packed.labels().data, 0);
    }

    @Test
    void aWrongMagicNumberIsNamed() throws IOException {
        String m = error(images(0x0801, 2, 2, 2, 8), labels(2, 1, 2));
        assertTrue(m.contains("images: magic number 0x00000801, expected 0x00000803"), m);
        String l = error(images(Idx.IMAGES_MAGIC, 2, 2, 2, 8), images(Idx.IMAGES_MAGIC, 2, 2, 2, 8));
        assertTrue(l.contains("labels: magic number 0x00000803, expected 0x00000801"), l);
    }

    @Test
    void aTruncatedFileIsNamedWithTheItemWhereItEnds() throws IOException {
        String m = error(images(Idx.IMAGES_MAGIC, 3, 2, 2, 9), labels(3, 1, 2, 3));
        assertTrue(m.contains("images is truncated: it ends within item 3 of 3"), m);
        String l = error(images(Idx.IMAGES_MAGIC, 3, 2, 2, 12), labels(3, 1, 2));
        assertTrue(l.contains("labels is truncated"), l);
        byte[] header = Arrays.copyOf(images(Idx.IMAGES_MAGIC, 3, 2, 2, 0), 10);
        assertTrue(error(header, labels(3, 1, 2, 3)).contains("its header ends early"));
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        String m = error(images(Idx.IMAGES_MAGIC, 3, 2, 2, 12), labels(2, 1, 2));
        assertTrue(m.contains("images holds 3 images but labels 2 labels"), m);
    }

    @Test
    void labelsAreClassesZeroToNineAndSizesAreLimited() throws IOException {
        String m = error(images(Idx.IMAGES_MAGIC, 2, 2, 2, 8), labels(2, 1, 10));
        assertTrue(m.contains("label 10 of image 2 is not a class 0 to 9"), m);
        String big = error(images(Idx.IMAGES_MAGIC, 1, 65, 65, 0), labels(1, 1));
        assertTrue(big.contains("at most 4,096 pixels"), big);
        String many = error(images(Idx.IMAGES_MAGIC, 2000, 1, 1, 0), labels(2000));
        assertTrue(many.contains("2,000 images, expected 1 to 1,000"), many);
    }
}
