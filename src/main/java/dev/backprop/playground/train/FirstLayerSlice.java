package dev.backprop.playground.train;

import dev.backprop.playground.engine.nn.Trainer;

/**
 * The weight pictures' part of the engine thread: off the plane, a copy of the first layer's weights as
 * of the last boundary frame (78,400 weights for 784-100-10 take well under a millisecond), never per step.
 */
final class FirstLayerSlice {
    private final EngineStats stats;
    private final EngineClock clock;
    /** The copy, or null (the plane, or no dense first layer). */
    private FirstLayer published;
    /** The network {@link #published} was copied from: another one (a rebuild, a load) needs a new copy. */
    private Object copiedFrom;

    FirstLayerSlice(EngineStats stats, EngineClock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    FirstLayer published() {
        return published;
    }

    /** Copies the first layer at a boundary frame. */
    void copy(Trainer t) {
        long t0 = clock.nanoTime();
        if (t.data().all().inputs().isPlanar()) {
            published = null;
        } else {
            published = FirstLayer.of(t.network(), t.steps());
            stats.add(EngineStats.Part.WEIGHTS, clock.nanoTime() - t0);
        }
        copiedFrom = t.network();
    }

    /** Idle: a step-through, a load or a restore moved the weights off a frame, so the copy follows them. */
    void catchUp(Trainer t) {
        if (!t.data().all().inputs().isPlanar()
                && (published == null || published.step() != t.steps() || copiedFrom != t.network())) {
            copy(t);
        }
    }
}
