package dev.backprop.playground.ui;

import dev.backprop.playground.engine.data.Inputs;
import dev.backprop.playground.train.Snapshot;
import javafx.scene.Node;

/** The data pane's view of one input: y against x with the network's curve ({@link CurveView}). */
final class CurveDataView implements DataView {
    private final CurveView curve;

    CurveDataView(CurveView curve) {
        this.curve = curve;
    }

    @Override
    public String id() {
        return "curve";
    }

    @Override
    public String title() {
        return "Curve";
    }

    @Override
    public String paneTitle() {
        return "Data and the network's curve (y against x)";
    }

    @Override
    public boolean fits(Inputs inputs) {
        return inputs.size() == 1;
    }

    @Override
    public Node node() {
        return curve;
    }

    @Override
    public void show(Snapshot s) {
        curve.show(s.curve(), s.data());
    }
}
