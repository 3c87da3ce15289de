package dev.backprop.playground.engine.nn;

/**
 * The whole state of a {@link SamplingRandom}, as plain numbers a file can hold: java.util.Random's
 * 48-bit seed and its cached second Gaussian.
 *
 * @param seed                 the 48-bit state, 0 to 2^48 - 1
 * @param haveNextNextGaussian whether the next Gaussian is the cached one
 * @param nextNextGaussian     the cached Gaussian (0 when there is none)
 */
public record SamplingState(long seed, boolean haveNextNextGaussian, double nextNextGaussian) {
    public SamplingState {
        if ((seed & ~SamplingRandom.MASK) != 0) {
            throw new IllegalArgumentException("the sampling seed must be 0 to 2^48 - 1, got " + seed);
        }
        if (haveNextNextGaussian && !Double.isFinite(nextNextGaussian)) {
            throw new IllegalArgumentException("the cached Gaussian must be a finite number");
        }
        if (!haveNextNextGaussian) {
            nextNextGaussian = 0;
        }
    }
}
