package dev.backprop.playground.ui;

import dev.backprop.playground.train.TrainingSession;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * Tells the engine when each frame starts ({@link TrainingSession#frames()}), so that training at full speed
 * leaves the window its 60 frames a second, and times the frames for {@link FrameStats}. Started before
 * the view's own timer, so its time is the pulse's start; the scene's post-layout listener ends the FX
 * thread's part of the frame.
 */
final class FrameClock extends AnimationTimer {
    private final TrainingSession session;
    private final FrameStats stats = FrameStats.ENABLED ? new FrameStats() : null;

    FrameClock(TrainingSession session, Scene scene) {
        this.session = session;
        if (stats != null) {
            scene.addPostLayoutPulseListener(() -> stats.laidOut(System.nanoTime()));
        }
    }

    @Override
    public void handle(long now) {
        session.frames().frame(now);
        if (stats != null) {
            stats.pulse(now, session.latest().step());
        }
    }
}
