package dev.backprop.playground.ui;

import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/**
 * A text field for one number within stated limits (the momentum, the perceptron's threshold). Text
 * that is not such a number marks the field {@code :invalid} with the reason in its tooltip, and
 * committing it (Enter, focus lost) puts the value in force back: nothing is sent.
 */
class NumberField extends TextField {
    private final double min;
    private final double max;
    private final String normalTip;
    private final String refusal;
    private final Tooltip tip;
    private double value;

    /**
     * @param refusal what the number must be, ending the tooltip of refused text: "the momentum must be a
     *                number from 0 to 0.999 (...)"
     */
    NumberField(String id, double min, double max, double initial, String normalTip, String refusal,
                DoubleConsumer onChange) {
        this.min = min;
        this.max = max;
        this.normalTip = normalTip;
        this.refusal = refusal;
        this.tip = new Tooltip(normalTip);
        this.value = initial;
        setId(id);
        setPrefColumnCount(4);
        setTooltip(tip);
        display(value);
        textProperty().addListener((o, a, text) -> {
            boolean bad = parse(text) == null;
            pseudoClassStateChanged(SpinnerValidation.INVALID, bad);
            tip.setText(bad ? String.format(Locale.ROOT, "\u201c%s\u201d is refused: %s", text.strip(), refusal)
                    : normalTip);
        });
        setOnAction(e -> commit(onChange));
        focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit(onChange);
            }
        });
    }

    private void commit(DoubleConsumer onChange) {
        Double v = parse(getText());
        if (v == null) {
            display(value); // refused: the value in force stays
            return;
        }
        if (v != value) {
            value = v;
            onChange.accept(v);
        }
    }

    /** Shows the value in force (the engine's), unless the user is typing. */
    void show(double v) {
        value = v;
        if (!isFocused()) {
            display(v);
        }
    }

    /** The value in force. */
    double value() {
        return value;
    }

    private void display(double v) {
        setText(String.format(Locale.ROOT, "%s", v));
    }

    /** The number in {@code text} if it lies within the limits, else null. */
    Double parse(String text) {
        try {
            double v = Double.parseDouble(text.strip());
            return v >= min && v <= max ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
