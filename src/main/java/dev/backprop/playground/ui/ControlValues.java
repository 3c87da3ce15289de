package dev.backprop.playground.ui;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;

/**
 * The value each setting control stands for: the session's, put there from a snapshot, or the user's
 * last choice. A control's listener sends a command only for a value that differs from it, so
 * controls set from the session's config send nothing back, at any depth of nested updates (a dataset
 * choice that moves the noise, the class count and the loss).
 */
final class ControlValues {
    private final Map<Object, Object> standing = new IdentityHashMap<>();

    /**
     * {@code control} now stands for {@code value} (as its listener will report it: a slider's notch, not
     * its raw position); {@code set} then moves it there.
     */
    void show(Object control, Object value, Runnable set) {
        standing.put(control, value);
        set.run();
    }

    /** True when {@code control} reports a value it does not stand for: the user's; it stands for it from now on. */
    boolean changedByUser(Object control, Object value) {
        if (value == null || Objects.equals(standing.get(control), value)) {
            return false;
        }
        standing.put(control, value);
        return true;
    }

    /**
     * {@code v} within {@code spinner}'s bounds: set it so (its factory would move a value outside them,
     * and the listener would see both moves).
     */
    static int within(Spinner<Integer> spinner, int v) {
        var f = (SpinnerValueFactory.IntegerSpinnerValueFactory) spinner.getValueFactory();
        return Math.max(f.getMin(), Math.min(f.getMax(), v));
    }

    /** {@code v} within {@code slider}'s bounds: set it so (the slider would move a value outside them). */
    static double within(Slider slider, double v) {
        return Math.max(slider.getMin(), Math.min(slider.getMax(), v));
    }
}
