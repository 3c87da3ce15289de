package dev.backprop.playground.cli;

import dev.backprop.playground.bench.Benchmarks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: the performance figures of docs/performance.md, each a median of several runs after warm-up.
 * Every benchmark runs in a fresh JVM (as JMH forks), so one benchmark's JIT profile cannot slow
 * another: the grid evaluation and the training step share code but not call patterns.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training speed, the Value engine, the decision grid, layout and graph snapshots.")
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick", description = "a tenth of the work and 3 runs (a smoke test, noisy)")
    boolean quick;

    @Option(names = "--tsv", description = "print key<TAB>value lines for scripts (src/bench/compare.sh)")
    boolean tsv;

    @Option(names = "--only", paramLabel = "NAME", description = "run one benchmark in this JVM: ${COMPLETION-CANDIDATES}",
            completionCandidates = Names.class)
    String only;

    static final class Names extends ArrayList<String> {
        Names() {
            super(Benchmarks.NAMES);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (only != null) {
            if (!Benchmarks.NAMES.contains(only)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown benchmark '" + only + "'");
            }
            for (Benchmarks.Figure f : new Benchmarks(quick).run(only)) {
                out.printf(Locale.ROOT, "%s\t%.6g\t%s\t%s\t%d\t%.6g\t%.6g%n", f.key(), f.value(), f.unit(),
                        f.description(), f.detail().runs(), low(f), high(f));
            }
            out.flush();
            return 0;
        }
        if (!tsv) {
            out.printf(Locale.ROOT, "Backprop Playground bench: JDK %s, %d cores, one JVM per benchmark%s%n",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    quick ? " (quick: a tenth of the work)" : "");
            out.flush();
        }
        java.util.Map<String, Double> figures = new java.util.HashMap<>();
        for (String name : Benchmarks.NAMES) {
            for (String[] f : fork(name)) {
                figures.put(f[0], Double.parseDouble(f[1]));
                if (tsv) {
                    out.printf("%s\t%s%n", f[0], f[1]);
                } else {
                    out.printf(Locale.ROOT, "%-58s %14s %-9s (%s runs, %s to %s)%n", f[3], fmt(f[1]), f[2], f[4],
                            fmt(f[5]), fmt(f[6]));
                }
                out.flush();
            }
        }
        printBatchRatio(out, figures);
        return 0;
    }

    /** Mini-batch samples/s as a share of the fused loop's steps/s (both measured above, in their own JVMs). */
    private void printBatchRatio(PrintWriter out, java.util.Map<String, Double> figures) {
        Double fused = figures.get("fused_per_sample_steps_per_s");
        Double batch = figures.get("batch32_samples_per_s");
        if (fused == null || batch == null) {
            return;
        }
        double ratio = batch / fused;
        if (tsv) {
            out.printf(Locale.ROOT, "batch32_fused_ratio\t%.6g%n", ratio);
        } else {
            out.printf(Locale.ROOT, "%-58s %14s %-9s (from the two rows above)%n",
                    "engine mini-batch 32 samples/s over the hand-fused loop", fmt(Double.toString(ratio)), "x");
        }
        out.flush();
    }

    /** Runs one benchmark in a child JVM with this JVM's class path; returns its TSV rows. */
    private List<String[]> fork(String name) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the Vector API for the wide layers' kernel, as the app's launcher gives it (its start-up notice is dropped below)
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), "dev.backprop.playground.Main", "bench", "--only", name));
        if (quick) {
            cmd.add("--quick");
        }
        Path errors = Files.createTempFile("bench-" + name, ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(errors.toFile()).start();
            List<String[]> rows = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    rows.add(line.split("\t"));
                }
            }
            int exit = p.waitFor();
            for (String line : Files.readAllLines(errors, StandardCharsets.UTF_8)) {
                if (!line.startsWith(INCUBATOR_NOTICE)) {
                    System.err.println(line);
                }
            }
            if (exit != 0) {
                throw new IOException("benchmark " + name + " failed (exit " + exit + ")");
            }
            return rows;
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** What the JVM prints at start when an incubator module is in use: not news to a bench reader. */
    private static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules";

    /** Spread in the figure's own unit: rates for rates, times for times. */
    private static double low(Benchmarks.Figure f) {
        return f.unit().endsWith("/s") || f.unit().equals("x") ? f.detail().minRate() : unitTime(f, f.detail().maxRate());
    }

    private static double high(Benchmarks.Figure f) {
        return f.unit().endsWith("/s") || f.unit().equals("x") ? f.detail().maxRate() : unitTime(f, f.detail().minRate());
    }

    private static double unitTime(Benchmarks.Figure f, double rate) {
        return switch (f.unit()) {
            case "ms" -> 1e3 / rate;
            case "us" -> 1e6 / rate;
            default -> 1 / rate;
        };
    }

    private static String fmt(String s) {
        double v = Double.parseDouble(s);
        return v >= 1e4 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
