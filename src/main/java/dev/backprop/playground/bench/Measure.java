package dev.backprop.playground.bench;

import java.util.Arrays;

/** Times a piece of work: warm-up runs first (JIT), then the median of timed runs. */
public final class Measure {
    private Measure() {
    }

    /** Something to time; returns how many units it processed (steps, samples, nodes). */
    @FunctionalInterface
    public interface Work {
        long run();
    }

    /** One figure: the median over runs, and the spread (min, max) of the rate. */
    public record Result(double medianSeconds, double medianRate, double minRate, double maxRate, int runs) {
    }

    public static Result median(int warmups, int runs, Work work) {
        return median(warmups, runs, work, System::nanoTime);
    }

    /** As above with the clock given, so a test can time work exactly. */
    static Result median(int warmups, int runs, Work work, java.util.function.LongSupplier nanoClock) {
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        double[] seconds = new double[runs];
        double[] rates = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = nanoClock.getAsLong();
            long units = work.run();
            seconds[i] = (nanoClock.getAsLong() - t0) / 1e9;
            rates[i] = units / seconds[i];
        }
        Arrays.sort(seconds);
        Arrays.sort(rates);
        return new Result(seconds[runs / 2], rates[runs / 2], rates[0], rates[runs - 1], runs);
    }
}
