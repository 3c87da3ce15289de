package dev.backprop.playground.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness, not the machine: figures exist, are positive and in their unit. No timing thresholds here. */
class BenchTest {
    @Test
    void medianIsTheMiddleRun() {
        // a fake clock that the work advances: run i takes exactly sleeps[i] ms, so nothing depends on the machine
        long[] now = {0};
        int[] calls = {0};
        long[] millis = {5, 1, 9};
        Measure.Result r = Measure.median(1, 3, () -> {
            int i = calls[0]++;
            if (i > 0) {
                now[0] += millis[i - 1] * 1_000_000L;
            }
            return 10;
        }, () -> now[0]);
        assertEquals(4, calls[0], "one warm-up, three timed runs");
        assertEquals(0.005, r.medianSeconds(), 1e-12, "the 5 ms run is the median");
        assertEquals(10 / 0.005, r.medianRate(), 1e-6);
        assertEquals(10 / 0.009, r.minRate(), 1e-6);
        assertEquals(10 / 0.001, r.maxRate(), 1e-6);
    }

    @Test
    void everyBenchmarkReportsAPositiveFigure() {
        Benchmarks quick = new Benchmarks(true);
        for (String name : List.of("per-sample", "value", "layout100", "snapshot")) {
            for (Benchmarks.Figure f : quick.run(name)) {
                assertTrue(f.value() > 0 && Double.isFinite(f.value()), f.toString());
            }
        }
        assertEquals(2, quick.run("value").size(), "steps/s and node visits/s");
        assertThrows(IllegalArgumentException.class, () -> quick.run("nope"));
    }

    @Test
    void randomDagIsAcyclicAndPointsForward() {
        var g = Benchmarks.randomDag(200, new java.util.Random(1));
        assertEquals(200, g.size());
        for (var e : g.edges()) {
            assertTrue(Integer.parseInt(e.from().substring(1)) < Integer.parseInt(e.to().substring(1)));
        }
    }
}
