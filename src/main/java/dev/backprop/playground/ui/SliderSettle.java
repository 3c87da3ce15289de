package dev.backprop.playground.ui;

import java.util.function.DoubleConsumer;
import java.util.function.DoubleUnaryOperator;
import javafx.scene.control.Slider;

/**
 * Reports a slider's value when it settles, once per distinct (quantized) value: on release after a
 * drag (valueChanging turns false), and at once for changes that are not drags (arrow keys, a click
 * on the track, code). A drag across 48 integers of the hidden-size slider is one rebuild, not 48.
 */
final class SliderSettle {
    private final Slider slider;
    private final DoubleUnaryOperator quantize;
    private final DoubleConsumer action;
    private double last;

    private SliderSettle(Slider slider, DoubleUnaryOperator quantize, DoubleConsumer action) {
        this.slider = slider;
        this.quantize = quantize;
        this.action = action;
        this.last = quantize.applyAsDouble(slider.getValue());
    }

    /**
     * Calls {@code action} with the quantized value after a drag ends or a non-drag change; with
     * {@code live}, also while dragging (for settings that are cheap to apply, like the learning rate).
     */
    static void install(Slider slider, DoubleUnaryOperator quantize, boolean live, DoubleConsumer action) {
        SliderSettle s = new SliderSettle(slider, quantize, action);
        slider.valueProperty().addListener((o, a, b) -> {
            if (live || !slider.isValueChanging()) {
                s.report();
            }
        });
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                s.report();
            }
        });
    }

    private void report() {
        double v = quantize.applyAsDouble(slider.getValue());
        if (v != last) {
            last = v;
            action.accept(v);
        }
    }
}
