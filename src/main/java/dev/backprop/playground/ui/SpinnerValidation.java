package dev.backprop.playground.ui;

import javafx.css.PseudoClass;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * Checks what is typed into an editable integer spinner. Text that is not a whole number in
 * [min, max] marks the spinner {@code :invalid} (a red border) and puts the allowed range in its
 * tooltip; committing it (Enter, focus lost) keeps the old value, so nothing is sent. JavaFX's own
 * converter throws NumberFormatException on such text, which ends up as a stack trace on stderr.
 */
final class SpinnerValidation {
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private SpinnerValidation() {
    }

    /** Installs the check; {@code what} names the value in the message ("points"). */
    static void install(Spinner<Integer> spinner, String what) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                (SpinnerValueFactory.IntegerSpinnerValueFactory) spinner.getValueFactory();
        Tooltip tip = spinner.getTooltip() != null ? spinner.getTooltip() : new Tooltip();
        spinner.setTooltip(tip);
        String normal = tip.getText();
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String text) {
                Integer v = parse(text, factory.getMin(), factory.getMax());
                return v != null ? v : factory.getValue(); // refused: the value stays, nothing is sent
            }
        });
        spinner.getEditor().textProperty().addListener((o, a, text) -> {
            boolean bad = parse(text, factory.getMin(), factory.getMax()) == null;
            spinner.pseudoClassStateChanged(INVALID, bad);
            tip.setText(bad ? String.format("\u201c%s\u201d is not a valid number of %s: type a whole number from %d to %d.",
                    text.strip(), what, factory.getMin(), factory.getMax()) : normal);
        });
    }

    /** True when the spinner shows text it refused. */
    static boolean isInvalid(Spinner<?> spinner) {
        return spinner.getPseudoClassStates().contains(INVALID);
    }

    /** The whole number in {@code text} if it lies in [min, max], else null. */
    static Integer parse(String text, int min, int max) {
        try {
            int v = Integer.parseInt(text.strip());
            return v >= min && v <= max ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
