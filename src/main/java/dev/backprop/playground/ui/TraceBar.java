package dev.backprop.playground.ui;

import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.Snapshot;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The line above the boundary: what the mouse is over (the network's output there), or the traced
 * point with its output and loss; the label a probe on the plane gets; Clear (Esc). Turns the
 * boundary pane's clicks into {@link Command.TracePoint}s.
 */
final class TraceBar extends HBox {
    private final Consumer<Command> send;
    private final Label readout = new Label("Click a point to trace it through the graph");
    private final ChoiceBox<Integer> probeLabel = new ChoiceBox<>();
    private final Button clear = new Button("Clear");
    private Snapshot.Trace trace;
    private BoundaryPane.Hover hover;
    /** The data is the plane (points and probes with x1, x2); else rows: pictures, a table's rows. */
    private boolean plane = true;
    private final Label probe = new Label("probe y");

    TraceBar(Consumer<Command> send) {
        this.send = send;
        createView();
    }

    private void createView() {
        getStyleClass().add("trace-bar");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        readout.setId("trace-readout");
        readout.setMaxWidth(Double.MAX_VALUE);
        readout.setMinWidth(0);
        // a narrow column wraps the line (the bar grows a line) rather than cut it with an ellipsis
        readout.setWrapText(true);
        readout.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(readout, Priority.ALWAYS);
        readout.setTooltip(PlaygroundView.wholeText(readout)); // a narrow column cuts the line: the tip has it whole
        probeLabel.getItems().addAll(0, 1);
        probeLabel.setValue(1);
        probeLabel.setId("probe-label");
        probeLabel.setTooltip(new Tooltip("The label a probe gets when you click the plane away from any point"));
        clear.setId("clear-trace");
        clear.setTooltip(new Tooltip("Stop tracing (Esc): the graph shows the last training batch again"));
        clear.setOnAction(e -> send.accept(new Command.ClearTrace()));
        clear.setDisable(true);
        for (javafx.scene.control.Control c : java.util.List.of(probe, probeLabel, clear)) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the readout gives way, never a control
        }
        getChildren().addAll(readout, probe, probeLabel, clear);
    }

    /** A click on the boundary: a data point keeps its label, a place gets the probe label. */
    void pick(BoundaryPane.Pick p) {
        send.accept(new Command.TracePoint(p.x1(), p.x2(), p.index() >= 0 ? p.label() : probeLabel.getValue(),
                p.index()));
    }

    void hover(BoundaryPane.Hover h) {
        hover = h;
        update();
    }

    /** Follows the data: off the plane a trace is a row (an image, a table's row) and there are no probes. */
    void followData(boolean onPlane) {
        if (onPlane != plane) {
            plane = onPlane;
            probe.setVisible(onPlane);
            probe.setManaged(onPlane);
            probeLabel.setVisible(onPlane);
            probeLabel.setManaged(onPlane);
            update();
        }
    }

    void show(Snapshot.Trace t) {
        trace = t;
        clear.setDisable(t == null);
        update();
    }

    private void update() {
        if (hover != null) {
            readout.setText(String.format(Locale.ROOT, "at (%.2f, %.2f) the network says %s%s", hover.x1(),
                    hover.x2(), hover.output(), trace == null ? "; click to trace" : ""));
        } else if (trace != null && !plane) {
            readout.setText(String.format(Locale.ROOT, "traced row %d, y=%s: %s, loss %.4f", trace.index(),
                    trace.labelText(), trace.output(), trace.loss()));
        } else if (trace != null) {
            readout.setText(String.format(Locale.ROOT, "traced %s (%.2f, %.2f) y=%s: %s, loss %.4f",
                    trace.index() >= 0 ? "point " + trace.index() : "probe", trace.x1(), trace.x2(),
                    trace.labelText(), trace.output(), trace.loss()));
        } else {
            readout.setText(plane ? "Click a point (or anywhere) to trace it through the graph"
                    : "Click one to trace it through the graph");
        }
    }
}
