package dev.backprop.playground.train;

import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingLoop;

/**
 * The run slice of the engine thread: Play, Pause, Step and the speed (the {@link RunScheduler} keeps
 * them), and training itself, a slice of steps at a time ({@link #trainSlice}), with the boundary
 * frames it measures handed to the chart.
 */
final class RunSlice {
    /**
     * While playing, boundary frames (a metrics row, and the boundary when its own interval allows)
     * at most this often: 50 chart points a second. At the default speed every 250-step frame is measured.
     */
    static final long FRAME_INTERVAL_NANOS = 20_000_000L;

    private final SessionEngine session;
    private final EngineClock clock;
    private final RunScheduler scheduler;
    /** Which boundary frames are measured while playing: they follow the clock. */
    private final FrameCadence cadence;

    RunSlice(SessionEngine session, EngineClock clock) {
        this.session = session;
        this.clock = clock;
        this.scheduler = new RunScheduler(clock);
        this.cadence = new FrameCadence(clock);
    }

    RunScheduler scheduler() {
        return scheduler;
    }

    void play() {
        scheduler.play();
    }

    void pause() {
        scheduler.stop();
        session.chart().catchUp();
        session.publisher().settle();
    }

    void step(long steps) {
        scheduler.addSteps(steps);
    }

    void setSpeed(double stepsPerSecond) {
        scheduler.setSpeed(stepsPerSecond);
    }

    /** Trains for one slice: as many steps as the speed allows, within {@link RunScheduler#sliceNanos()}. */
    void trainSlice() throws InterruptedException {
        Publisher publisher = session.publisher();
        ChartSlice chart = session.chart();
        EngineStats stats = session.stats();
        TrainingLoop loop = session.loop();
        Trainer trainer = loop.trainer();
        publisher.interruptFullGrid();
        chart.payOwed();
        long start = clock.nanoTime();
        long due = scheduler.stepsDue(start);
        long slice = scheduler.sliceNanos();
        long done = 0;
        // playing, frames follow the clock; a Step command's steps get every frame, as the CLI's do
        cadence.setMinInterval(scheduler.running() ? FRAME_INTERVAL_NANOS : 0);
        loop.setFrameGate(cadence);
        // a very wide network's frames are measured a block at a time between commands, as its rebuild's row
        loop.setDeferFrames(chart.rowIsWide());
        while (done < due && !loop.diverged() && clock.nanoTime() - start < slice) {
            long t0 = clock.nanoTime();
            long measured = loop.measuringNanos();
            TrainingLoop.Advance a = loop.advance(due - done, start + slice);
            long metrics = loop.measuringNanos() - measured;
            stats.add(EngineStats.Part.TRAIN, clock.nanoTime() - t0 - metrics);
            stats.add(EngineStats.Part.METRICS, metrics);
            done += a.steps();
            if (a.frame() != null) {
                chart.record(a.frame());
            }
            if (loop.takeFrameDue()) {
                chart.owe(); // training waits for it; commands do not
                break;
            }
        }
        scheduler.took(done);
        scheduler.measure(trainer.steps());
        if (due == 0) {
            scheduler.sleepUntilNextStep();
        }
        if (publisher.graphs().due() || !scheduler.running()) {
            publisher.refreshGraph(trainer, session.stepper());
        }
        session.predictionsAfterSlice();
        if (!scheduler.busy()) {
            chart.catchUp();
            publisher.settle(); // a wide network trained on the coarse grid: now the full one
        }
        if (!scheduler.busy() && publisher.gridStep() != chart.lastFrameStep() && chart.lastRowIsLastFrame()) {
            publisher.refreshGrid(trainer); // paused: the last frame gets its boundary even if it was skipped
        }
    }
}
