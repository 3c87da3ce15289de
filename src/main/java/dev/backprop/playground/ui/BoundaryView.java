package dev.backprop.playground.ui;

import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.Inputs;
import dev.backprop.playground.train.Snapshot;
import javafx.scene.Node;

/** The data pane's view of the plane: the points over the decision boundary ({@link BoundaryPane}), with edit mode's bar. */
final class BoundaryView implements DataView {
    private final Node node;
    private final BoundaryPane boundary;

    /** @param node what the pane shows: {@code boundary} with the controls that go with it */
    BoundaryView(Node node, BoundaryPane boundary) {
        this.node = node;
        this.boundary = boundary;
    }

    @Override
    public String id() {
        return "boundary";
    }

    @Override
    public String title() {
        return "Boundary";
    }

    @Override
    public String paneTitle() {
        return "Data and decision boundary (click a point to trace it)";
    }

    @Override
    public boolean fits(Inputs inputs) {
        return inputs.isPlanar();
    }

    /** The plane with several real targets has no boundary to draw: the table plot shows it. */
    @Override
    public boolean fits(Dataset all) {
        return fits(all.inputs()) && all.targets() <= 1;
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public void show(Snapshot s) {
        boundary.show(s.grid(), s.gridPixels(), s.data());
        boundary.showTrace(s.trace());
    }
}
