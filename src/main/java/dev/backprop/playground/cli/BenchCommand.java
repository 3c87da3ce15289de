package dev.backprop.playground.cli;

import dev.backprop.playground.bench.Benchmarks;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: the README's performance figures, each a median of several runs after warm-up. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training speed, the Value engine, the decision grid, layout and graph snapshots.")
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick", description = "a tenth of the work and 3 runs (a smoke test, noisy)")
    boolean quick;

    @Option(names = "--tsv", description = "print key<TAB>value lines for scripts (src/bench/compare.sh)")
    boolean tsv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Runtime rt = Runtime.getRuntime();
        if (!tsv) {
            out.printf(Locale.ROOT, "Backprop Playground bench: JDK %s, %d cores%s%n", System.getProperty("java.version"),
                    rt.availableProcessors(), quick ? " (quick: a tenth of the work)" : "");
            out.flush();
        }
        for (Benchmarks.Figure f : new Benchmarks(quick).runAll()) {
            if (tsv) {
                out.printf(Locale.ROOT, "%s\t%.6g%n", f.key(), f.value());
            } else {
                out.printf(Locale.ROOT, "%-58s %14s   (%d runs, %s to %s)%n", f.description(), fmt(f.value()),
                        f.detail().runs(), fmt(rangeLow(f)), fmt(rangeHigh(f)));
            }
            out.flush();
        }
        return 0;
    }

    /** Spread in the figure's own unit: rates for rates, times for times. */
    private static double rangeLow(Benchmarks.Figure f) {
        return f.unit().endsWith("/s") ? f.detail().minRate() : unitTime(f, f.detail().maxRate());
    }

    private static double rangeHigh(Benchmarks.Figure f) {
        return f.unit().endsWith("/s") ? f.detail().maxRate() : unitTime(f, f.detail().minRate());
    }

    private static double unitTime(Benchmarks.Figure f, double rate) {
        return switch (f.unit()) {
            case "ms" -> 1e3 / rate;
            case "us" -> 1e6 / rate;
            default -> 1 / rate;
        };
    }

    private static String fmt(double v) {
        if (v >= 1e4) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
