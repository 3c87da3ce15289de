package dev.backprop.playground.ui;

import dev.backprop.playground.graph.Layout;
import dev.backprop.playground.graph.NodePalette;
import java.util.function.BiConsumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The whole graph in miniature, in a corner of a graph pane too small to show it at a readable
 * size: every node a dot-sized box, the visible part as a rectangle. Click or drag on it to move
 * the view there. Hidden when the whole graph is in view.
 */
final class Minimap extends VBox {
    private static final double MAX_SIDE = 150;

    private final Canvas canvas = new Canvas(MAX_SIDE, MAX_SIDE / 2);
    private final Label hint = new Label("Drag, Shift+arrows or this map to move around");
    private final BiConsumer<Double, Double> centreOn;
    private Layout layout;
    private double mapScale = 1;
    private String highlighted;
    private boolean dark;
    private double viewX;
    private double viewY;
    private double viewW;
    private double viewH;

    /** @param centreOn called with a point of the layout (y down) to centre the view on */
    Minimap(BiConsumer<Double, Double> centreOn) {
        this.centreOn = centreOn;
        getStyleClass().add("minimap");
        hint.getStyleClass().add("minimap-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(MAX_SIDE);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().addAll(canvas, hint);
        setVisible(false);
        Tooltip.install(canvas, new Tooltip("The whole graph; the rectangle is what the pane shows. Click to go there."));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::moveTo);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::moveTo);
        // a click on the map is the map's: it must not pick the node under it, nor fit on a double-click
        addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
        addEventHandler(MouseEvent.MOUSE_PRESSED, MouseEvent::consume);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, MouseEvent::consume);
    }

    void setDark(boolean darkTheme) {
        dark = darkTheme;
        draw();
    }

    void highlight(String id) {
        if (id == null ? highlighted != null : !id.equals(highlighted)) {
            highlighted = id;
            draw();
        }
    }

    /** The layout and the part of it in view (layout units, y down); {@code visible}: show the map. */
    void show(Layout l, double x, double y, double w, double h, boolean visible) {
        layout = l;
        viewX = x;
        viewY = y;
        viewW = w;
        viewH = h;
        setVisible(visible);
        setManaged(visible);
        if (visible) {
            mapScale = Math.min(MAX_SIDE / l.width(), MAX_SIDE / l.height());
            canvas.setWidth(Math.max(20, l.width() * mapScale));
            canvas.setHeight(Math.max(20, l.height() * mapScale));
            draw();
        }
    }

    private void draw() {
        if (layout == null || !isVisible()) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(CardPainter.rgb(NodePalette.background(dark)).deriveColor(0, 1, 1, 0.92));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setStroke(Color.gray(0.5));
        g.strokeRect(0.5, 0.5, canvas.getWidth() - 1, canvas.getHeight() - 1);
        layout.boxes().forEach((id, b) -> {
            g.setFill(id.equals(highlighted) ? CardPainter.rgb(NodePalette.step(dark)) : Color.gray(dark ? 0.6 : 0.45));
            g.fillRect(b.x() * mapScale, b.y() * mapScale, Math.max(2, b.w() * mapScale), Math.max(2, b.h() * mapScale));
        });
        g.setStroke(CardPainter.rgb(NodePalette.picked(dark)));
        g.setLineWidth(2);
        g.strokeRect(viewX * mapScale, viewY * mapScale, viewW * mapScale, viewH * mapScale);
    }

    private void moveTo(MouseEvent e) {
        centreOn.accept(e.getX() / mapScale, e.getY() / mapScale);
        e.consume();
    }
}
