package dev.backprop.playground.graph;

import java.util.List;
import java.util.Map;

/**
 * Where every node of a graph goes: boxes (top-left corner, size) and the route of every edge as a
 * polyline, in one coordinate system with y pointing down. Immutable.
 */
public record Layout(Map<String, Box> boxes, List<Route> routes, double width, double height) {

    public Layout {
        boxes = Map.copyOf(boxes);
        routes = List.copyOf(routes);
    }

    /** A node's rectangle. */
    public record Box(double x, double y, double w, double h) {
        public double centerX() {
            return x + w / 2;
        }

        public double centerY() {
            return y + h / 2;
        }

        public boolean overlaps(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }
    }

    /** An edge's path: points[0] at the source, the last point at the target (x0, y0, x1, y1, ...). */
    public record Route(GraphModel.Edge edge, double[] points) {
        public Route {
            points = points.clone();
        }

        @Override
        public double[] points() {
            return points.clone();
        }
    }

    /**
     * Whether this layout serves {@code graph}: every node has a box of the size its card is drawn
     * at, and the edges are the same (only the values differ).
     */
    public boolean fits(GraphModel graph) {
        if (boxes.size() != graph.size() || routes.size() != graph.edges().size()) {
            return false;
        }
        for (GraphNode n : graph.nodes()) {
            Box b = boxes.get(n.id());
            NodeCard card = NodeCard.of(n);
            if (b == null || b.w() != card.width() || b.h() != card.height()) {
                return false;
            }
        }
        for (int i = 0; i < routes.size(); i++) {
            if (!routes.get(i).edge().equals(graph.edges().get(i))) {
                return false;
            }
        }
        return true;
    }

    public Box box(String id) {
        return boxes.get(id);
    }
}
