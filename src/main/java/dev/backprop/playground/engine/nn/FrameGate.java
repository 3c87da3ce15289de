package dev.backprop.playground.engine.nn;

/**
 * Whether a boundary frame that falls due is measured or skipped: the caller's cadence, so the engine keeps
 * no clock of its own. The {@code train} command measures every frame ({@link #EVERY_FRAME}); the app's
 * cadence (train/FrameCadence) lets frames follow wall time while playing.
 */
public interface FrameGate {
    /** Every boundary frame is measured. */
    FrameGate EVERY_FRAME = () -> true;

    /** Whether the frame due now is measured. */
    boolean open();

    /** A frame was measured: at {@code atNanos} (the loop's clock), taking {@code measuringNanos}. */
    default void measured(long atNanos, long measuringNanos) {
    }
}
