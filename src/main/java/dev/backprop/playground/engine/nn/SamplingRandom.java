package dev.backprop.playground.engine.nn;

import java.util.Random;

/**
 * java.util.Random's generator, exactly (the same 48-bit linear congruential generator and the same
 * polar-method Gaussian with its cached second value), with its state readable and settable as
 * numbers: a saved run goes on bit for bit without Java serialization. As a Random it serves
 * everything that takes one (shuffles, nextInt), and every seeded trajectory stays what it was.
 */
public final class SamplingRandom extends Random {
    static final long MULTIPLIER = 0x5DEECE66DL;
    static final long ADDEND = 0xBL;
    static final long MASK = (1L << 48) - 1;
    private static final long serialVersionUID = 1L;

    // no initializers: Random's constructor sets them through setSeed before this class's body runs
    private long state;
    private boolean haveNextNextGaussian;
    private double nextNextGaussian;

    /** As {@code new Random(seed)}. */
    public SamplingRandom(long seed) {
        super(seed);
    }

    /** A generator in {@code s}, as {@link #state()} read it. */
    public static SamplingRandom of(SamplingState s) {
        SamplingRandom r = new SamplingRandom(0);
        r.state = s.seed();
        r.haveNextNextGaussian = s.haveNextNextGaussian();
        r.nextNextGaussian = s.nextNextGaussian();
        return r;
    }

    public SamplingState state() {
        return new SamplingState(state, haveNextNextGaussian, nextNextGaussian);
    }

    @Override
    public void setSeed(long seed) {
        state = (seed ^ MULTIPLIER) & MASK;
        haveNextNextGaussian = false;
    }

    @Override
    protected int next(int bits) {
        state = (state * MULTIPLIER + ADDEND) & MASK;
        return (int) (state >>> (48 - bits));
    }

    /** Random.nextGaussian's polar method, with StrictMath as it uses. */
    @Override
    public double nextGaussian() {
        if (haveNextNextGaussian) {
            haveNextNextGaussian = false;
            return nextNextGaussian;
        }
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextNextGaussian = v2 * multiplier;
        haveNextNextGaussian = true;
        return v1 * multiplier;
    }
}
