package dev.backprop.playground.graph;

import java.util.Map;

/**
 * The fill of a node by kind, light and dark: the GraphStream stylesheets, the PNG export and the
 * SVG export all take their colours from here (0xRRGGBB).
 */
public final class NodePalette {
    private static final Map<NodeKind, Integer> LIGHT = Map.of(
            NodeKind.INPUT, 0xE3EEFB,
            NodeKind.PARAMETER, 0xFDF0D5,
            NodeKind.OP, 0xEEEEEE,
            NodeKind.VALUE, 0xFFFFFF,
            NodeKind.LOSS, 0xFBE0E0);
    private static final Map<NodeKind, Integer> DARK = Map.of(
            NodeKind.INPUT, 0x23415F,
            NodeKind.PARAMETER, 0x5A4619,
            NodeKind.OP, 0x3A3A3A,
            NodeKind.VALUE, 0x2B2B2B,
            NodeKind.LOSS, 0x5E2626);

    private NodePalette() {
    }

    public static int fill(NodeKind kind, boolean dark) {
        return (dark ? DARK : LIGHT).get(kind);
    }

    /** Text and the outline of a card. */
    public static int ink(boolean dark) {
        return dark ? 0xE6E6E6 : 0x222222;
    }

    public static int background(boolean dark) {
        return dark ? 0x1B1C1E : 0xFFFFFF;
    }

    public static int edge(boolean dark) {
        return dark ? 0xAAAAAA : 0x555555;
    }

    /** The node being stepped and the edges its value or gradient flows along. */
    public static int step(boolean dark) {
        return dark ? 0xFF922B : 0xE8590C;
    }

    /**
     * An edge's colour: the step colour while it carries the stepped value or gradient; for a weight
     * of the neuron view, its sign; else the plain edge colour.
     */
    public static int edgeColour(boolean flow, EdgeWeight weight, boolean dark) {
        if (flow) {
            return step(dark);
        }
        return weight == null ? edge(dark)
                : weight.weight() < 0 ? dev.backprop.playground.render.Diverging.NEGATIVE : dev.backprop.playground.render.Diverging.POSITIVE;
    }

    /** An edge's width in graph units: |w| for a weight (1 to 10), thicker while it carries a step. */
    public static double edgeWidth(boolean flow, EdgeWeight weight) {
        return weight != null ? weight.width() : flow ? 3 : 1.2;
    }

    /** The node shown in the inspector. */
    public static int picked(boolean dark) {
        return dark ? 0x4DABF7 : 0x1C7ED6;
    }
}
