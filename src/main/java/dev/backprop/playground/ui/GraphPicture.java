package dev.backprop.playground.ui;

import dev.backprop.playground.graph.EdgeWeight;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.Layout;
import dev.backprop.playground.graph.NodeCard;
import dev.backprop.playground.graph.NodePalette;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The graph drawn from its model for a PNG export, not copied from the screen: at twice the
 * screen's resolution (less for a graph so big the image would pass {@link #MAX_SIDE} pixels),
 * the whole graph whatever the pane shows, with the same cards as the pane and the SVG.
 */
final class GraphPicture {
    static final double RESOLUTION = 2;
    static final int MAX_SIDE = 8192;
    /** Pixels at most (32 MP, about 128 MB as ints): a square giant graph is drawn smaller, not out of memory. */
    static final double MAX_PIXELS = 32e6;
    private static final double TITLE = 30;

    private GraphPicture() {
    }

    /** The picture; on the FX thread (it draws on a canvas). */
    static WritableImage draw(GraphModel graph, Layout layout, String picked, boolean dark) {
        double w = layout.width();
        double h = layout.height() + TITLE;
        double s = Math.min(RESOLUTION, Math.min(MAX_SIDE / Math.max(w, h), Math.sqrt(MAX_PIXELS / (w * h))));
        Canvas canvas = new Canvas(Math.ceil(layout.width() * s), Math.ceil((layout.height() + TITLE) * s));
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(CardPainter.rgb(NodePalette.background(dark)));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFill(CardPainter.rgb(NodePalette.ink(dark)));
        g.setFont(Font.font("System", 14 * s));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(graph.title(), 12 * s, TITLE * s / 2);
        g.translate(0, TITLE * s);
        for (Layout.Route r : layout.routes()) {
            edge(g, r.points(), graph.flow().contains(r.edge()), graph.weight(r.edge()), s, dark);
        }
        CardPainter painter = new CardPainter();
        painter.setDark(dark);
        for (GraphNode n : graph.nodes()) {
            Layout.Box b = layout.box(n.id());
            NodeCard card = NodeCard.of(n);
            painter.frame(g, n, card, b.x() * s, b.y() * s, s, n.id().equals(picked));
            painter.content(g, n, card, b.x() * s, b.y() * s, s);
        }
        return canvas.snapshot(null, null);
    }

    /** An edge along its route with an arrowhead at the target; a flow edge thick and in the step colour. */
    private static void edge(GraphicsContext g, double[] p, boolean flow, EdgeWeight weight, double s, boolean dark) {
        g.setStroke(CardPainter.rgb(NodePalette.edgeColour(flow, weight, dark)));
        g.setFill(g.getStroke());
        g.setLineWidth(NodePalette.edgeWidth(flow, weight) * s);
        g.beginPath();
        g.moveTo(p[0] * s, p[1] * s);
        for (int i = 2; i + 1 < p.length; i += 2) {
            g.lineTo(p[i] * s, p[i + 1] * s);
        }
        g.stroke();
        int n = p.length;
        double dx = p[n - 2] - p[n - 4];
        double dy = p[n - 1] - p[n - 3];
        double len = Math.max(1e-9, Math.hypot(dx, dy));
        double ux = dx / len;
        double uy = dy / len;
        double size = (flow ? 10 : 7) * s;
        double tx = p[n - 2] * s;
        double ty = p[n - 1] * s;
        g.fillPolygon(new double[] {tx, tx - ux * size - uy * size / 2, tx - ux * size + uy * size / 2},
                new double[] {ty, ty - uy * size + ux * size / 2, ty - uy * size - ux * size / 2}, 3);
    }
}
