package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainerState;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeline stays within its bounds however long a run goes, keeping the start and recent history dense. */
class TimelineTest {
    private static final int EVERY = 250;

    /** {@code template} moved to {@code step}: the arrays are shared, the timeline counts them per entry. */
    private static TrainerState at(TrainerState template, long step) {
        return new TrainerState(step, template.spec(), template.weights(), template.optimizer(),
                template.optimizerState(), template.learningRate(), template.batchSize(), template.sampling(),
                template.order(), template.cursor(), template.lastLoss());
    }

    private static TrainerState realState(TrainingConfig config) {
        Trainer t = Trainer.fromConfig(config);
        t.step();
        return t.capture(null);
    }

    /** Adds a snapshot every 250 steps of a {@code steps}-step run; returns the largest byte count seen. */
    private static long run(Timeline timeline, TrainingConfig config, TrainerState template, long steps) {
        long most = 0;
        for (long s = 0; s <= steps; s += EVERY) {
            timeline.add(config, at(template, s));
            most = Math.max(most, timeline.bytes());
            assertTrue(timeline.size() <= Timeline.MAX_ENTRIES, "entries at step " + s);
        }
        return most;
    }

    @Test
    void aTwoMillionStepRunOfTheDefaultNetworkStaysUnderTheEntryBound() {
        TrainingConfig config = TrainingConfig.defaults().withOptimizer(OptimizerKind.ADAM);
        TrainerState template = realState(config);
        Timeline timeline = new Timeline();
        long most = run(timeline, config, template, 2_000_000);
        assertTrue(most <= Timeline.MAX_BYTES, "bytes " + most);
        // 8,001 snapshots in, the bound holds; the start is kept and the newest quarter is dense
        List<Long> steps = timeline.steps();
        assertTrue(steps.size() <= Timeline.MAX_ENTRIES && steps.size() >= Timeline.MAX_ENTRIES / 2, "" + steps.size());
        assertEquals(0L, steps.get(0));
        assertEquals(2_000_000L, steps.get(steps.size() - 1));
        for (int i = steps.size() - steps.size() / 4; i < steps.size(); i++) {
            assertEquals(EVERY, steps.get(i) - steps.get(i - 1), "recent history is dense at " + i);
        }
        for (int i = 1; i < steps.size(); i++) {
            assertTrue(steps.get(i) > steps.get(i - 1));
            assertTrue(steps.get(i) - steps.get(i - 1) >= steps.get(steps.size() - 1) - steps.get(steps.size() - 2),
                    "older history is never denser than recent history");
        }
        // a 2-50-1 Adam state is 201 weights and 403 moments: about 5 KB, so 2,000 of them take ~10 MB
        assertTrue(timeline.bytes() < 12L << 20, "bytes " + timeline.bytes());
    }

    @Test
    void aTwoMillionStepRunOfTheLargestAppNetworkStaysUnderTheByteBound() {
        NetworkSpec big = TrainingConfig.defaults().network().withHidden(300, 300); // 91,201 parameters
        TrainingConfig config = TrainingConfig.defaults().withNetwork(big).withOptimizer(OptimizerKind.ADAM)
                .withBatchSize(64);
        TrainerState template = realState(config);
        assertTrue(template.bytes(false) > 2_000_000, "about 2.2 MB a snapshot");
        Timeline timeline = new Timeline();
        long most = run(timeline, config, template, 2_000_000);
        assertTrue(most <= Timeline.MAX_BYTES, "bytes " + most);
        List<Long> steps = timeline.steps();
        assertEquals(0L, steps.get(0));
        assertEquals(2_000_000L, steps.get(steps.size() - 1));
        assertTrue(steps.size() >= 10, "still a usable timeline: " + steps.size());
    }

    @Test
    void aMiniBatchOrderThatDidNotChangeIsCountedOnce() {
        TrainingConfig config = TrainingConfig.defaults().withBatchSize(2000); // full batch: the order never changes
        Trainer t = Trainer.fromConfig(config);
        Timeline timeline = new Timeline();
        timeline.add(config, t.capture(timeline.lastState()));
        long first = timeline.bytes();
        t.step();
        timeline.add(config, t.capture(timeline.lastState()));
        long order = 16 + 4L * t.data().train().size();
        assertEquals(2 * first - order, timeline.bytes());
    }

    @Test
    void truncatingAndTheNearestStep() {
        TrainingConfig config = TrainingConfig.defaults();
        TrainerState template = realState(config);
        Timeline timeline = new Timeline(10, Long.MAX_VALUE);
        assertNull(timeline.nearest(5));
        run(timeline, config, template, 2000);
        assertEquals(List.of(0L, 250L, 500L, 750L, 1000L, 1250L, 1500L, 1750L, 2000L), timeline.steps());
        assertEquals(250, timeline.nearest(374).step());
        assertEquals(500, timeline.nearest(376).step());
        timeline.truncateAfter(900);
        assertEquals(750, timeline.nearest(5000).step());
        for (long s = 1000; s <= 2500; s += EVERY) {
            timeline.add(config, at(template, s)); // the eleventh thins the older part
        }
        assertEquals(List.of(0L, 500L, 1000L, 1500L, 2000L, 2250L, 2500L), timeline.steps());
    }
}
