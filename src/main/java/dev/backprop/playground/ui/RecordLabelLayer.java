package dev.backprop.playground.ui;

import dev.backprop.playground.graph.NodeGeometry;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.graphstream.ui.graphicGraph.GraphicGraph;
import org.graphstream.ui.graphicGraph.GraphicNode;
import org.graphstream.ui.graphicGraph.stylesheet.Values;
import org.graphstream.ui.view.LayerRenderer;

/**
 * Draws each GraphStream node's {@code ui.label} as a draw_dot record: compartments split at
 * {@link GraphMirror#BAR} (side by side) or at line breaks (stacked), divider lines between them,
 * text centred and scaled with the zoom. GraphStream 2.0's own text is switched off in the
 * stylesheet: it measures labels with the default font, so any other font or size, and every
 * multi-line label, lands off-centre (design.md).
 */
final class RecordLabelLayer implements LayerRenderer<GraphicsContext> {
    private static final double FONT_SIZE = 12;
    private static final double LONG_OP_FONT_SIZE = 9;
    /** Below this many pixels text is unreadable: the boxes and dividers still show. */
    private static final double MIN_FONT_SIZE = 3;

    private Color ink = Color.web("#222222");
    private Font font = Font.font("Monospaced", FONT_SIZE);

    void setInk(Color color) {
        ink = color;
    }

    @Override
    public void render(GraphicsContext g, GraphicGraph graph, double px2Gu, int widthPx, int heightPx,
                       double minXGu, double minYGu, double maxXGu, double maxYGu) {
        g.save();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setStroke(ink);
        g.setFill(ink);
        g.setLineWidth(1);
        graph.nodes().forEach(n -> {
            GraphicNode node = (GraphicNode) n;
            String label = node.getLabel();
            if (label == null || label.isEmpty()) {
                return;
            }
            // graph units to pixels: GraphStream's y axis points up
            double cx = (node.getX() - minXGu) * px2Gu;
            double cy = (maxYGu - node.getY()) * px2Gu;
            Values size = node.getStyle().getSize();
            double w = size.get(0) * px2Gu;
            double h = (size.size() > 1 ? size.get(1) : size.get(0)) * px2Gu;
            if (cx + w / 2 < 0 || cx - w / 2 > widthPx || cy + h / 2 < 0 || cy - h / 2 > heightPx) {
                return;
            }
            if (node.hasAttribute("ui.class") && String.valueOf(node.getAttribute("ui.class")).contains(GraphMirror.ROUND)) {
                double fontSize = (label.length() > 3 ? LONG_OP_FONT_SIZE : FONT_SIZE) * px2Gu;
                text(g, label, cx, cy, w - 2, fontSize);
            } else {
                record(g, label, cx - w / 2, cy - h / 2, w, h, px2Gu);
            }
        });
        g.restore();
    }

    private void record(GraphicsContext g, String label, double x, double y, double w, double h, double px2Gu) {
        boolean stacked = label.contains("\n");
        String[] parts = label.split(stacked ? "\n" : GraphMirror.BAR);
        double[][] cells = NodeGeometry.compartmentBoxes(parts, stacked, w, h);
        for (int i = 0; i < parts.length; i++) {
            double[] c = cells[i];
            if (i > 0) {
                g.strokeLine(x + c[0], y + c[1], x + c[0] + (stacked ? c[2] : 0), y + c[1] + (stacked ? 0 : c[3]));
            }
            text(g, parts[i], x + c[0] + c[2] / 2, y + c[1] + c[3] / 2, c[2] - 4 * px2Gu, FONT_SIZE * px2Gu);
        }
    }

    private void text(GraphicsContext g, String s, double cx, double cy, double maxWidth, double fontSize) {
        if (fontSize < MIN_FONT_SIZE) {
            return;
        }
        if (font.getSize() != fontSize) {
            font = Font.font("Monospaced", fontSize);
        }
        g.setFont(font);
        // maxWidth squeezes text rather than letting a wider screen font spill out of its cell
        g.fillText(s, cx, cy, Math.max(1, maxWidth));
    }
}
