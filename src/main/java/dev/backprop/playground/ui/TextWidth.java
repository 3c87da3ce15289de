package dev.backprop.playground.ui;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** How wide a text is drawn in a font: what a canvas-drawn chart measures before it places a label. */
final class TextWidth {
    private TextWidth() {
    }

    static double of(String text, Font font) {
        Text measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }
}
