package dev.backprop.playground.engine.data;

import java.util.Arrays;
import java.util.Random;

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

    @Override
    public boolean[] isTest() {
        return Arrays.copyOf(isTest, isTest.length);
    }

    public boolean isTest(int row) {
        return isTest[row];
    }
}
