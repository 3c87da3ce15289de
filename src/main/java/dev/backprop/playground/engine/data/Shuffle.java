package dev.backprop.playground.engine.data;

import java.util.Random;

/** Fisher-Yates shuffles driven by a seeded {@link Random}, so runs repeat exactly. */
public final class Shuffle {
    private Shuffle() {
    }

    /** 0..n-1 in random order. */
    public static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, random);
        return p;
    }

    /** Shuffles {@code a} in place. */
    public static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
