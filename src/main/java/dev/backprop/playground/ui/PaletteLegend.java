package dev.backprop.playground.ui;

import dev.backprop.playground.render.Diverging;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;

/**
 * The key to the graph's colours, in a corner of the pane: the diverging palette from −1 to +1, and
 * what it is scaled to. The same legend the SVG export writes under the graph.
 */
final class PaletteLegend extends HBox {
    private static final int STEPS = 21;
    private static final double CELL = 5;
    private final Canvas swatch = new Canvas(STEPS * CELL, 12);

    PaletteLegend() {
        super(4);
        getStyleClass().add("palette-legend");
        Label minus = new Label("\u2212");
        Label plus = new Label("+");
        Label what = new Label("heatmaps scaled to their largest |value| \u00b7 \u2016\u00b7\u2016 norm \u00b7 \u2013 not computed yet");
        getChildren().addAll(minus, swatch, plus, what);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        // a click on the key is not a click on the graph under it
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, javafx.scene.input.MouseEvent::consume);
        Tooltip.install(this, new Tooltip("Blue negative, white zero, red positive. Scalar rows are tinted by tanh(value)."));
        draw();
    }

    private void draw() {
        GraphicsContext g = swatch.getGraphicsContext2D();
        for (int i = 0; i < STEPS; i++) {
            g.setFill(CardPainter.rgb(Diverging.rgb(-1 + 2.0 * i / (STEPS - 1))));
            g.fillRect(i * CELL, 0, CELL + 0.5, swatch.getHeight());
        }
        g.setStroke(Color.gray(0.55));
        g.strokeRect(0.5, 0.5, swatch.getWidth() - 1, swatch.getHeight() - 1);
    }
}
