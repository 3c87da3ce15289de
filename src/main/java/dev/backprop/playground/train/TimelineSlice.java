package dev.backprop.playground.train;

import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.TrainerState;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline slice of the engine thread: the kept states, the marks on the chart, the step being
 * scrubbed and the run's own state to go back to. It handles Scrub, Back to live and Resume from
 * here, and publishes {@link Snapshot.TimelineView}. A scrubbed step is shown as that step's weights
 * with the forward and backward pass recomputed for the shown example ({@link SessionEngine#showRestored}).
 */
final class TimelineSlice {
    private final SessionEngine session;
    private final Timeline timeline = new Timeline();
    private final List<Snapshot.Mark> marks = new ArrayList<>();
    /** The history dropped by the last resume from an earlier step. */
    private List<Metrics> abandoned = List.of();
    /** While scrubbing: the entry shown, and the run's own state to go back to; both null when live. */
    private Timeline.Entry scrubbed;
    private TrainerState live;

    TimelineSlice(SessionEngine session) {
        this.session = session;
    }

    boolean scrubbing() {
        return live != null;
    }

    /** Keeps the trainer's state at a boundary frame. */
    void keep(TrainingConfig config) {
        timeline.add(config, session.trainer().capture(timeline.lastState()));
    }

    /** A new network or new points: nothing kept indexes them. */
    void clear() {
        timeline.clear();
        marks.clear();
        abandoned = List.of();
        live = null;
        scrubbed = null;
    }

    /** Edited points: the kept states indexed the old ones, so the timeline starts here; the marks stay. */
    void forgetStates() {
        timeline.clear();
        live = null;
        scrubbed = null;
    }

    /** A run opened from disk: its checkpoints become the timeline. */
    void keepAll(TrainingConfig config, List<TrainerState> states) {
        timeline.clear();
        for (TrainerState s : states) {
            timeline.add(config, s);
        }
    }

    void scrubTo(long step) {
        if (timeline.isEmpty()) {
            throw new IllegalArgumentException("no step recorded yet");
        }
        session.scheduler().stop();
        if (live == null) {
            live = session.trainer().capture(timeline.lastState());
        }
        scrubbed = timeline.nearest(step);
        session.trainer().restore(scrubbed.state());
        session.showRestored();
        session.say("timeline: step " + scrubbed.step()
                + " (paused; Resume from here continues from it, End goes back)");
    }

    void leaveScrub() {
        if (live != null) {
            TrainerState back = live;
            live = null;
            scrubbed = null;
            session.trainer().restore(back);
            session.showRestored();
            session.say("back to step " + back.step());
        }
    }

    void resumeFromScrub() {
        if (scrubbed == null) {
            throw new IllegalArgumentException("pick a step on the timeline first");
        }
        long from = scrubbed.step();
        TrainingConfig config = scrubbed.config();
        abandoned = session.chart().truncateAfter(from);
        marks.removeIf(m -> m.step() > from);
        timeline.truncateAfter(from);
        live = null;
        scrubbed = null;
        if (!config.equals(session.config())) {
            session.settings().set(config); // training goes on under the settings it had at that step
        }
        session.chart().clearDivergence(); // no divergence after it yet
        addMark(new Snapshot.Mark(from, "resume", "resumed here"));
        session.scheduler().play();
        session.say("resumed from step " + from + " (the later history is the grey ghost curve)");
    }

    /**
     * Marks a setting change on the timeline; the state kept at this very step (paused on a frame)
     * takes the new setting, so resuming from it goes on as the run did.
     */
    void settingChanged(TrainingConfig config, String kind, String text) {
        long step = session.trainer().steps();
        addMark(new Snapshot.Mark(step, kind, text));
        TrainerState last = timeline.lastState();
        if (last != null && last.step() == step) {
            timeline.add(config, session.trainer().capture(last));
        }
    }

    /** One mark per step and kind: a slider dragged while paused leaves its last value. */
    private void addMark(Snapshot.Mark mark) {
        marks.removeIf(m -> m.step() == mark.step() && m.kind().equals(mark.kind()));
        marks.add(mark);
    }

    Snapshot.TimelineView view() {
        return new Snapshot.TimelineView(timeline.steps(), marks, scrubbed == null ? -1 : scrubbed.step(), abandoned,
                timeline.bytes());
    }
}
