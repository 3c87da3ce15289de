package dev.backprop.playground.ui;

import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.NodeCard;
import javafx.scene.canvas.GraphicsContext;
import org.graphstream.ui.graphicGraph.GraphicGraph;
import org.graphstream.ui.graphicGraph.GraphicNode;
import org.graphstream.ui.view.LayerRenderer;

/**
 * GraphStream's fore layer: draws every node's card content (text, tints, heatmaps) over the box
 * GraphStream drew, from the {@link GraphModel} node with the same id. GraphStream 2.0's own text
 * is switched off in the stylesheet: it measures labels with the default font, so any other font
 * or size, and every multi-line label, lands off-centre.
 */
final class CardLayer implements LayerRenderer<GraphicsContext> {
    private final CardPainter painter = new CardPainter();
    /** The cards of the current model, made once per model: GraphStream repaints far more often. */
    private final java.util.Map<String, NodeCard> cards = new java.util.HashMap<>();
    private GraphModel model;

    void setModel(GraphModel graph) {
        if (graph != model) {
            model = graph;
            cards.clear();
            painter.newFrame();
        }
    }

    void setDark(boolean dark) {
        painter.setDark(dark);
    }

    @Override
    public void render(GraphicsContext g, GraphicGraph graph, double px2Gu, int widthPx, int heightPx,
                       double minXGu, double minYGu, double maxXGu, double maxYGu) {
        if (model == null) {
            return;
        }
        g.save();
        graph.nodes().forEach(n -> {
            if (!model.contains(n.getId())) {
                return;
            }
            GraphicNode node = (GraphicNode) n;
            GraphNode gn = model.node(n.getId());
            NodeCard card = cards.computeIfAbsent(gn.id(), id -> NodeCard.of(gn));
            // graph units to pixels: GraphStream's y axis points up
            double w = card.width() * px2Gu;
            double h = card.height() * px2Gu;
            double x = (node.getX() - minXGu) * px2Gu - w / 2;
            double y = (maxYGu - node.getY()) * px2Gu - h / 2;
            if (x + w < 0 || x > widthPx || y + h < 0 || y > heightPx) {
                return;
            }
            painter.content(g, gn, card, x, y, px2Gu);
        });
        g.restore();
    }
}
