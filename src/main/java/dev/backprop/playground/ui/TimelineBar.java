package dev.backprop.playground.ui;

import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * The line above the loss chart: while scrubbing, the step shown with Resume from here and Back to
 * live (not there otherwise); always, Pin this run (its curve and final boundary stay as a ghost) and
 * Clear pins. It wraps onto more lines in a narrow column rather than cut a word or a button.
 */
final class TimelineBar extends FlowPane {
    private final Consumer<Command> send;
    private static final String HINT = "Drag the chart to go back";
    private final Label where = new Label(HINT);
    private final Button resume = new Button("Resume from here");
    private final Button live = new Button("Back to live");
    private final Button pin = new Button("Pin this run");
    private final Button unpin = new Button("Clear pins");
    private final List<PinnedRun> pins = new ArrayList<>();
    private Consumer<List<PinnedRun>> onPinsChanged = p -> { };
    private Snapshot shown;

    TimelineBar(Consumer<Command> send) {
        this.send = send;
        createView();
    }

    private void createView() {
        getStyleClass().add("timeline-bar");
        setHgap(8);
        setVgap(4);
        setAlignment(Pos.CENTER_LEFT);
        where.setId("timeline-where");
        resume.setId("resume-here");
        resume.setTooltip(new Tooltip("Train on from the step shown, exactly as the run went on from it; "
                + "the later history stays as a grey ghost"));
        resume.setOnAction(e -> send.accept(new Command.ResumeFromScrub()));
        live.setId("back-to-live");
        live.setTooltip(new Tooltip("Back to where the run was (End)"));
        live.setOnAction(e -> send.accept(new Command.LeaveScrub()));
        pin.setId("pin-run");
        pin.setTooltip(new Tooltip("Keep this run's loss curve and final boundary as a ghost, then Reset with "
                + "other settings to compare (at most " + PinnedRun.MAX_PINS + ")"));
        pin.setOnAction(e -> pinShown());
        unpin.setId("clear-pins");
        unpin.setOnAction(e -> {
            pins.clear();
            changed();
        });
        for (javafx.scene.control.Labeled b : List.of(where, resume, live, pin, unpin)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a narrow column wraps the row, never cuts
        }
        // only while scrubbing: out of the way, and out of the row, otherwise
        resume.managedProperty().bind(resume.visibleProperty());
        live.managedProperty().bind(live.visibleProperty());
        where.setTooltip(new Tooltip("Drag over the chart, or PageUp / PageDown, Home / End, to move in time"));
        getChildren().addAll(where, resume, live, pin, unpin);
        show(null);
    }

    /**
     * Wrapped, the bar needs every row it wraps to (FlowPane's own least height is one row): at its own width
     * when asked without one, as a split pane asks, so the chart's column never cuts a row of buttons.
     */
    @Override
    protected double computeMinHeight(double width) {
        double at = width >= 0 ? width : getWidth();
        return at > 0 ? prefHeight(at) : super.computeMinHeight(width);
    }

    void setOnPinsChanged(Consumer<List<PinnedRun>> handler) {
        onPinsChanged = handler;
    }

    List<PinnedRun> pins() {
        return List.copyOf(pins);
    }

    private void pinShown() {
        if (shown == null) {
            return;
        }
        if (pins.size() == PinnedRun.MAX_PINS) {
            pins.remove(0);
        }
        pins.add(PinnedRun.of(shown));
        changed();
    }

    private void changed() {
        unpin.setDisable(pins.isEmpty());
        onPinsChanged.accept(List.copyOf(pins));
    }

    void show(Snapshot s) {
        shown = s;
        boolean scrubbing = s != null && s.timeline() != null && s.timeline().scrubbing();
        resume.setVisible(scrubbing);
        live.setVisible(scrubbing);
        unpin.setDisable(pins.isEmpty());
        if (scrubbing) {
            where.setText(String.format(java.util.Locale.ROOT, "step %,d of %,d",
                    s.timeline().scrubbed(), s.history().get(s.history().size() - 1).step()));
        } else {
            where.setText(HINT);
        }
    }
}
