package dev.backprop.playground.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped digits and Fashion-MNIST subset, a folder of IDX files, and the full set where installed. */
class ImageSetsTest {
    @TempDir
    Path dir;

    private static int[] perClass(Dataset d) {
        int[] counts = new int[10];
        for (int i = 0; i < d.size(); i++) {
            counts[d.label(i)]++;
        }
        return counts;
    }

    @Test
    void digitsAreTheUciSetScaledToOne() throws IOException {
        DataSplit s = ImageSets.digits(Integer.MAX_VALUE, 0, new Random(0)).split();
        Dataset all = s.all();
        assertEquals(1797, all.size());
        assertEquals(64, all.width());
        assertArrayEquals(new int[] {8, 8}, all.inputs().shape());
        // scikit-learn's first digit (a 0) starts 0,0,5,13,9,1,0,0 in 0..16; it is row 0 (test ratio 0 keeps the order)
        assertEquals(0, all.label(0));
        assertArrayEquals(new double[] {0, 0, 5 / 16.0, 13 / 16.0, 9 / 16.0, 1 / 16.0, 0, 0},
                java.util.Arrays.copyOf(all.features().data, 8), 0);
        // load_digits' class counts
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, perClass(all));
    }

    @Test
    void samplesTakeAClassBalancedSubset() throws IOException {
        Dataset d = ImageSets.digits(500, 0, new Random(0)).split().all();
        assertArrayEquals(new int[] {50, 50, 50, 50, 50, 50, 50, 50, 50, 50}, perClass(d));
    }

    @Test
    void theShippedFashionSubsetKeepsTheOfficialSplitBalanced() throws IOException {
        ImageSets.Loaded f = ImageSets.fashion(dir.resolve("absent"), null);
        assertEquals("shipped-subset", f.source());
        assertEquals(3000, f.split().train().size());
        assertEquals(1000, f.split().test().size());
        assertEquals(784, f.split().all().width());
        assertArrayEquals(new int[] {28, 28}, f.split().all().inputs().shape());
        for (int c : perClass(f.split().train())) {
            assertEquals(300, c);
        }
        for (int c : perClass(f.split().test())) {
            assertEquals(100, c);
        }
        double max = 0;
        for (double v : f.split().all().features().data) {
            assertTrue(v >= 0 && v <= 1);
            max = Math.max(max, v);
        }
        assertEquals(1.0, max, 0, "255 maps to 1");
        // --samples 400: 300 train and 100 test, each balanced
        ImageSets.Loaded small = ImageSets.fashion(dir.resolve("absent"), 400);
        assertEquals(300, small.split().train().size());
        assertEquals(100, small.split().test().size());
        assertArrayEquals(new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, perClass(small.split().test()));
    }

    @Test
    void aFolderOfIdxFilesIsReadWithItsOwnSplit() throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), IdxTest.images(Idx.IMAGES_MAGIC, 4, 2, 2, 16));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxTest.labels(4, 0, 1, 2, 3));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), IdxTest.images(Idx.IMAGES_MAGIC, 2, 2, 2, 8));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxTest.labels(2, 5, 6));
        assertTrue(ImageSets.holdsIdx(dir));
        ImageSets.Loaded l = ImageSets.folder(dir, null);
        assertEquals(4, l.split().train().size());
        assertEquals(2, l.split().test().size());
        assertEquals(6, l.split().all().size());
        assertEquals(5, l.split().all().label(4));
        assertTrue(l.split().isTest(4) && !l.split().isTest(3));
        // and fashion reads such a folder as the full set
        assertEquals(dir.toString(), ImageSets.fashion(dir, null).source());
    }

    @Test
    void aMissingFolderOrFileSaysWhatWouldProvideIt() throws IOException {
        String none = assertThrows(IllegalArgumentException.class, () -> ImageSets.folder(dir.resolve("nope"), null))
                .getMessage();
        assertTrue(none.contains("no data folder") && none.contains("dataset-fashion-mnist"), none);
        Files.write(dir.resolve("train-images-idx3-ubyte"), IdxTest.images(Idx.IMAGES_MAGIC, 4, 2, 2, 16));
        String missing = assertThrows(IllegalArgumentException.class, () -> ImageSets.folder(dir, null)).getMessage();
        assertTrue(missing.contains("has no train-labels-idx1-ubyte"), missing);
    }

    @Test
    void theFullFashionMnistWhereDebiansPackageIsInstalled() throws IOException {
        assumeTrue(ImageSets.holdsIdx(ImageSets.FASHION_DIR), "dataset-fashion-mnist is not installed");
        ImageSets.Loaded f = ImageSets.fashion(ImageSets.FASHION_DIR, null);
        assertEquals(60_000, f.split().train().size());
        assertEquals(10_000, f.split().test().size());
        for (int c : perClass(f.split().test())) {
            assertEquals(1000, c);
        }
    }
}
