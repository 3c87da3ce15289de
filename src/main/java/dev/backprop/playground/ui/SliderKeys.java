package dev.backprop.playground.ui;

import javafx.scene.control.Slider;
import javafx.scene.input.KeyEvent;

/**
 * The keys a focused slider answers to, since Right / Left / Enter step through backprop wherever
 * the focus is: Up / Down move it one notch, Page Up / Page Down a tenth of its range (at least one
 * notch). A horizontal JavaFX slider would otherwise move the focus on Up / Down.
 */
final class SliderKeys {
    private SliderKeys() {
    }

    static void install(Slider slider) {
        slider.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShiftDown() || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            double page = Math.max(slider.getBlockIncrement(), (slider.getMax() - slider.getMin()) / 10);
            switch (e.getCode()) {
                case UP, KP_UP -> slider.increment();
                case DOWN, KP_DOWN -> slider.decrement();
                case PAGE_UP -> slider.adjustValue(Math.min(slider.getMax(), slider.getValue() + page));
                case PAGE_DOWN -> slider.adjustValue(Math.max(slider.getMin(), slider.getValue() - page));
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }
}
