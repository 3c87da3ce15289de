package dev.backprop.playground.ui;

import dev.backprop.playground.engine.nn.OptimizerSettings;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/**
 * The momentum's mu beside the optimizer (seed 003 uses 0.5, the default is 0.9). Text that is not a
 * number from 0 to 0.999 marks the field {@code :invalid} with the reason in its tooltip, and
 * committing it (Enter, focus lost) puts the value in force back: nothing is sent.
 */
final class MomentumField extends TextField {
    private static final String NORMAL_TIP = "momentum's mu, 0 to 0.999: v \u2190 mu v + g; p \u2190 p \u2212 lr v "
            + "(torch.optim.SGD's rule). Enter applies it: the weights stay, the velocity starts from 0.";
    private final Tooltip tip = new Tooltip(NORMAL_TIP);
    private double value = OptimizerSettings.DEFAULTS.momentum();

    MomentumField(DoubleConsumer onChange) {
        setId("momentum");
        setPrefColumnCount(4);
        setTooltip(tip);
        display(value);
        textProperty().addListener((o, a, text) -> {
            boolean bad = parse(text) == null;
            pseudoClassStateChanged(SpinnerValidation.INVALID, bad);
            tip.setText(bad ? String.format(Locale.ROOT, "\u201c%s\u201d is refused: the momentum must be a number "
                    + "from 0 to %s (at 1 or more the velocity never decays and the steps grow without end).",
                    text.strip(), OptimizerSettings.MAX_MOMENTUM) : NORMAL_TIP);
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

    /** Shows the momentum in force (the engine's), unless the user is typing. */
    void show(double mu) {
        value = mu;
        if (!isFocused()) {
            display(mu);
        }
    }

    private void display(double mu) {
        setText(String.format(Locale.ROOT, "%s", mu));
    }

    /** The momentum in {@code text} if it lies in [0, 0.999], else null. */
    static Double parse(String text) {
        try {
            double v = Double.parseDouble(text.strip());
            return v >= 0 && v <= OptimizerSettings.MAX_MOMENTUM ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
