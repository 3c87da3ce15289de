package dev.backprop.playground.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/** A canvas that takes its holder's whole size and is drawn again whenever that size changes. */
final class CanvasFill {
    private CanvasFill() {
    }

    /** Binds {@code canvas} to {@code holder}'s width and height; {@code redraw} runs on every change of either. */
    static void follow(Region holder, Canvas canvas, Runnable redraw) {
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> redraw.run());
        canvas.heightProperty().addListener((o, a, b) -> redraw.run());
    }
}
