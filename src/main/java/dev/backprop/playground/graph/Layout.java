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

    /** Whether every node of {@code graph} has a box here of the size it is drawn at. */
    public boolean fits(GraphModel graph) {
        for (GraphNode n : graph.nodes()) {
            Box b = boxes.get(n.id());
            if (b == null || b.w() != NodeGeometry.width(n) || b.h() != NodeGeometry.height(n)) {
                return false;
            }
        }
        return boxes.size() == graph.size();
    }

    public Box box(String id) {
        return boxes.get(id);
    }
}
