package dev.backprop.playground.ui;

import dev.backprop.playground.graph.NodeKind;
import dev.backprop.playground.graph.NodePalette;
import dev.backprop.playground.render.Diverging;
import java.util.Locale;

/**
 * The GraphStream stylesheet of the graph pane, written from {@link NodePalette} so the screen and
 * the exports share one set of colours. Cards are boxes sized per node in graph units by
 * GraphMirror; op pills are rounded; "step" (the node being stepped) and "picked" (the node in the
 * inspector) come first in ui.class, so their outline wins; "flow" edges carry the stepped value
 * or gradient. CardLayer draws the text (text-mode hidden here). GraphStream 2.0's CSS parser
 * rejects multi-line comments and class names that are keywords (circle), so neither appears.
 */
final class GraphStyle {
    static final String STEP = "step";
    static final String PICKED = "picked";
    static final String PILL = "pill";
    static final String FLOW = "carrying";
    /** Weight edges of the neuron view, by sign; their width (ui.size) is |w|. */
    static final String POSITIVE = "positive";
    static final String NEGATIVE = "negative";

    private GraphStyle() {
    }

    /** GraphStream's padding around the graph, in pixels: room for a selected card's thick outline. */
    static final int PADDING_PX = 8;

    static String stylesheet(boolean dark) {
        StringBuilder s = new StringBuilder();
        s.append("graph { fill-color: ").append(hex(NodePalette.background(dark))).append("; padding: ").append(PADDING_PX).append("px; }\n");
        s.append("node { shape: box; size-mode: normal; fill-mode: plain; stroke-mode: plain; stroke-color: ")
                .append(hex(NodePalette.ink(dark))).append("; stroke-width: 1px; text-mode: hidden; z-index: 2; }\n");
        for (NodeKind kind : NodeKind.values()) {
            s.append("node.").append(kind.name().toLowerCase(Locale.ROOT)).append(" { fill-color: ")
                    .append(hex(NodePalette.fill(kind, dark))).append("; }\n");
        }
        s.append("node.").append(PILL).append(" { shape: rounded-box; }\n");
        s.append("node.").append(STEP).append(" { stroke-color: ").append(hex(NodePalette.step(dark)))
                .append("; stroke-width: 3px; }\n");
        s.append("node.").append(PICKED).append(" { stroke-color: ").append(hex(NodePalette.picked(dark)))
                .append("; stroke-width: 3px; }\n");
        s.append("edge { shape: polyline; size: 1.2px; fill-color: ").append(hex(NodePalette.edge(dark)))
                .append("; arrow-shape: arrow; arrow-size: 8gu, 4gu; z-index: 1; }\n");
        s.append("edge.").append(POSITIVE).append(" { size-mode: dyn-size; size: 1px; fill-color: ")
                .append(hex(Diverging.POSITIVE)).append("; arrow-size: 6gu, 3gu; }\n");
        s.append("edge.").append(NEGATIVE).append(" { size-mode: dyn-size; size: 1px; fill-color: ")
                .append(hex(Diverging.NEGATIVE)).append("; arrow-size: 6gu, 3gu; }\n");
        s.append("edge.").append(FLOW).append(" { size: 3.5px; fill-color: ").append(hex(NodePalette.step(dark)))
                .append("; arrow-size: 12gu, 6gu; z-index: 1; }\n");
        return s.toString();
    }

    private static String hex(int rgb) {
        return Diverging.hex(rgb);
    }
}
