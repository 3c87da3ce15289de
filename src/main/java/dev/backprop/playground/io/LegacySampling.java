package dev.backprop.playground.io;

import dev.backprop.playground.engine.nn.SamplingState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.Random;

/**
 * The sampling state of a version-1 experiment file, which held a Java-serialized java.util.Random:
 * read once, through a filter that admits one Random and nothing else (no arrays, few references, a
 * few hundred bytes, a stream with nothing after it), then turned into a {@link SamplingState} by
 * watching the generator's outputs (Random keeps its seed private).
 */
final class LegacySampling {
    /** A serialized Random is about 80 bytes; a payload of any other shape is refused long before this. */
    static final int MAX_BYTES = 512;
    private static final ObjectInputFilter ONE_RANDOM = ObjectInputFilter.Config.createFilter(
            "maxbytes=" + MAX_BYTES + ";maxarray=0;maxrefs=8;maxdepth=2;java.util.Random;!*");
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;

    private LegacySampling() {
    }

    /** @throws IllegalArgumentException if {@code bytes} is anything but one serialized Random */
    static SamplingState read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("state.sampling has " + bytes.length + " bytes: a saved generator has "
                    + "about 80");
        }
        Random forSeed = random(bytes);
        Random forGaussian = random(bytes);
        long seed = seedOf(forSeed);
        double gaussian = forGaussian.nextGaussian();
        // a cached Gaussian is returned without a step of the generator: the seed is then unchanged
        return seedOf(forGaussian) == seed ? new SamplingState(seed, true, gaussian) : new SamplingState(seed, false, 0);
    }

    private static Random random(byte[] bytes) {
        ByteArrayInputStream source = new ByteArrayInputStream(bytes);
        try (ObjectInputStream in = new ObjectInputStream(source)) {
            in.setObjectInputFilter(ONE_RANDOM);
            Object o = in.readObject();
            if (o.getClass() != Random.class || source.available() > 0) {
                throw new IllegalArgumentException("state.sampling holds more than a saved generator");
            }
            return (Random) o;
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("state.sampling is not a saved generator (version 1 files hold one)");
        }
    }

    /**
     * The 48-bit seed {@code r} holds, from its next three outputs: the first gives the upper 32 bits of
     * the next state, the lower 16 are the ones the later outputs agree with; one step back is the seed.
     */
    static long seedOf(Random r) {
        long o1 = r.nextInt() & 0xFFFFFFFFL;
        int o2 = r.nextInt();
        int o3 = r.nextInt();
        for (long low = 0; low < 1 << 16; low++) {
            long s1 = (o1 << 16) | low;
            long s2 = step(s1);
            if ((int) (s2 >>> 16) == o2 && (int) (step(s2) >>> 16) == o3) {
                return ((s1 - ADDEND) * inverse(MULTIPLIER)) & MASK;
            }
        }
        throw new IllegalStateException("not java.util.Random's generator");
    }

    private static long step(long s) {
        return (s * MULTIPLIER + ADDEND) & MASK;
    }

    /** The inverse of an odd number modulo 2^64 (Newton's iteration doubles the correct bits each time). */
    private static long inverse(long a) {
        long x = a;
        for (int i = 0; i < 6; i++) {
            x *= 2 - a * x;
        }
        return x;
    }
}
