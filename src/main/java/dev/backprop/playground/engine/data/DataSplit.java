package dev.backprop.playground.engine.data;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * A dataset cut into a training and a test part. {@code isTest[i]} tells where row i of
 * {@code all} went; train and test keep the original row order.
 */
public record DataSplit(Dataset all, Dataset train, Dataset test, boolean[] isTest) {

    /** Puts round(n * testRatio) randomly chosen rows into the test part. */
    public static DataSplit of(Dataset all, double testRatio, Random random) {
        if (testRatio < 0 || testRatio >= 1) {
            throw new IllegalArgumentException("test ratio must be in [0, 1), got " + testRatio);
        }
        int n = all.size();
        int nTest = (int) Math.round(n * testRatio);
        int[] order = Shuffle.permutation(n, random);
        boolean[] isTest = new boolean[n];
        for (int k = 0; k < nTest; k++) {
            isTest[order[k]] = true;
        }
        return of(all, isTest);
    }

    /** The split that puts row i into the test part where {@code isTest[i]} (copied). */
    public static DataSplit of(Dataset all, boolean[] isTest) {
        if (isTest.length != all.size()) {
            throw new IllegalArgumentException(isTest.length + " split flags for " + all.size() + " points");
        }
        isTest = isTest.clone();
        int nTest = 0;
        for (boolean t : isTest) {
            nTest += t ? 1 : 0;
        }
        int n = all.size();
        int[] trainRows = new int[n - nTest];
        int[] testRows = new int[nTest];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (isTest[i]) {
                testRows[b++] = i;
            } else {
                trainRows[a++] = i;
            }
        }
        return new DataSplit(all, all.subset(trainRows), all.subset(testRows), isTest);
    }

    /**
     * A split that comes with the data (Fashion-MNIST's official test images): {@code all} is the
     * training rows, then the test rows; {@code train} and {@code test} are kept as they are.
     */
    public static DataSplit ofParts(Dataset train, Dataset test) {
        if (train.width() != test.width() || train.targets() != test.targets() || !train.inputs().equals(test.inputs())) {
            throw new IllegalArgumentException("the training and test parts have different columns");
        }
        int d = train.width();
        int t = train.targets();
        int n = train.size() + test.size();
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        DMatrixRMaj y = new DMatrixRMaj(n, t);
        System.arraycopy(train.features().data, 0, x.data, 0, train.size() * d);
        System.arraycopy(test.features().data, 0, x.data, train.size() * d, test.size() * d);
        System.arraycopy(train.labels().data, 0, y.data, 0, train.size() * t);
        System.arraycopy(test.labels().data, 0, y.data, train.size() * t, test.size() * t);
        boolean[] isTest = new boolean[n];
        Arrays.fill(isTest, train.size(), n, true);
        return new DataSplit(new Dataset(x, y, train.inputs()), train, test, isTest);
    }

    @Override
    public boolean[] isTest() {
        return Arrays.copyOf(isTest, isTest.length);
    }

    public boolean isTest(int row) {
        return isTest[row];
    }
}
