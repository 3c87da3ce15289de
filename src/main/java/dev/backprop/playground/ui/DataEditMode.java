package dev.backprop.playground.ui;

import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.render.Heatmap;
import dev.backprop.playground.train.Command;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;

/**
 * Edit mode for the boundary pane: a toggle (key E), one button per class in the class colours (or a
 * target field for regression), Undo and Redo. Clicks become {@link Command}s for the engine; the
 * UI never touches the data itself.
 */
final class DataEditMode extends HBox implements BoundaryPane.EditTarget {
    private final BoundaryPane pane;
    private final Consumer<Command> send;
    private final Consumer<String> status;
    private final ToggleButton toggle = new ToggleButton("Edit (E)");
    private final ToggleGroup classGroup = new ToggleGroup();
    private final HBox classButtons = new HBox(2);
    private final TextField target = new TextField("0.5");
    private final Button undo = new Button("Undo");
    private final Button redo = new Button("Redo");
    private final Button clear = new Button("Clear points"); // the trace bar beside it has its own "Clear"
    /** The head the class buttons were made for. */
    private Head head;

    DataEditMode(BoundaryPane pane, Consumer<Command> send, Consumer<String> status) {
        super(6);
        this.pane = pane;
        this.send = send;
        this.status = status;
        setId("data-edit-bar");
        toggle.setId("edit-toggle");
        target.setId("edit-target");
        target.setPrefColumnCount(5);
        undo.setId("edit-undo");
        redo.setId("edit-redo");
        clear.setId("edit-clear");
        clear.setTooltip(new javafx.scene.control.Tooltip("Remove every point: start from an empty plane (Undo brings them back)."));
        toggle.selectedProperty().addListener((o, was, on) -> {
            pane.setEditTarget(on ? this : null);
            classButtons.setDisable(!on);
            target.setDisable(!on);
            clear.setDisable(!on);
            status.accept(on ? "edit mode: click adds a point, drag paints, right-click or Alt-click deletes; E leaves"
                    : "edit mode off: a click traces a point");
        });
        // a class stays chosen: clicking the chosen one again does not leave none
        classGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                classGroup.selectToggle(was);
            }
        });
        classButtons.setDisable(true);
        target.setDisable(true);
        clear.setDisable(true);
        clear.setOnAction(e -> send.accept(new Command.ClearPoints()));
        undo.setOnAction(e -> send.accept(new Command.UndoEdit()));
        redo.setOnAction(e -> send.accept(new Command.RedoEdit()));
        getChildren().addAll(toggle, classButtons, target, clear, undo, redo);
        for (javafx.scene.Node n : getChildren()) {
            ((javafx.scene.layout.Region) n).setMinWidth(USE_PREF_SIZE); // shown whole, the trace bar gives way
        }
        setMinWidth(USE_PREF_SIZE);
    }

    /** E: edit mode on or off. */
    void toggle() {
        toggle.setSelected(!toggle.isSelected());
    }

    boolean editing() {
        return toggle.isSelected();
    }

    /** Class buttons for {@code newHead} (once per change of head): K buttons, or a target field for regression. */
    void showHead(Head newHead) {
        if (newHead.equals(head)) {
            return;
        }
        head = newHead;
        classButtons.getChildren().clear();
        boolean regression = !newHead.classifies();
        target.setVisible(regression);
        target.setManaged(regression);
        for (int k = 0; regression ? false : k < Math.max(2, newHead.classes()); k++) {
            ToggleButton b = new ToggleButton(Integer.toString(k));
            b.setId("edit-class-" + k);
            int rgb = Heatmap.labelColour(newHead, k, 1);
            b.setStyle(String.format(java.util.Locale.ROOT, "-fx-base: #%06x; -fx-font-size: 12px;", rgb & 0xFFFFFF));
            b.setTextFill(Color.WHITE);
            b.setToggleGroup(classGroup);
            b.setUserData(k);
            classButtons.getChildren().add(b);
        }
        if (!regression) {
            classGroup.selectToggle((ToggleButton) classButtons.getChildren().get(0));
        }
    }

    /** The label a new point gets: the selected class, or the target typed (null when it is not a number). */
    private Double label() {
        if (head != null && !head.classifies()) {
            try {
                double v = Double.parseDouble(target.getText().strip());
                return Double.isFinite(v) ? v : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return classGroup.getSelectedToggle() == null ? 0.0 : ((Integer) classGroup.getSelectedToggle().getUserData()).doubleValue();
    }

    @Override
    public void add(double x1, double x2) {
        Double label = label();
        if (label == null) {
            status.accept("the target must be a number, e.g. 0.5");
            return;
        }
        send.accept(new Command.AddPoints(new double[] {x1, x2}, label));
    }

    @Override
    public void delete(double x1, double x2) {
        send.accept(new Command.DeletePointNear(x1, x2));
    }
}
