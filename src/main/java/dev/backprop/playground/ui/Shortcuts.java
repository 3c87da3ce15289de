package dev.backprop.playground.ui;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

/**
 * The one table of the window's keyboard shortcuts: Help > Keyboard shortcuts is made from it, so a
 * key added here is a key the dialog shows.
 */
final class Shortcuts {
    /** Keys, and what they do. */
    record Shortcut(String keys, String what) {
    }

    static final List<Shortcut> ALL = List.of(
            new Shortcut("Space", "play / pause"),
            new Shortcut("S", "one training step"),
            new Shortcut("Shift+S", "250 steps (one boundary frame)"),
            new Shortcut("R", "reset the network (same seed, same run)"),
            new Shortcut("Right / Left", "step through backprop: next node, previous node (anywhere but a text field)"),
            new Shortcut("Enter", "while stepping through: finish the forward pass, the backward pass or the update"),
            new Shortcut("Up / Down, PageUp / PageDown", "move a focused slider one notch, or a tenth of its range"),
            new Shortcut("F", "fit the graph to the view; scroll or + / - zoom, drag or Shift+arrows pan"),
            new Shortcut("L", "loss chart on a log scale (on by default) or a linear one"),
            new Shortcut("E", "edit the data: click the plane to add points, right-click to remove them"),
            new Shortcut("Ctrl+Z / Ctrl+Shift+Z", "undo / redo a data edit"),
            new Shortcut("click the boundary", "trace that point (or a probe there) through the graph"),
            new Shortcut("Esc", "stop tracing"),
            new Shortcut("drag over the chart", "go back in time (training pauses)"),
            new Shortcut("Home / End", "on the timeline: the first step / back to live"),
            new Shortcut("PageUp / PageDown", "on the timeline: the kept step before / after"),
            new Shortcut("Ctrl+E", "export the graph as SVG"),
            new Shortcut("Ctrl+Shift+E", "export the boundary as PNG"),
            new Shortcut("Ctrl+S / Ctrl+O", "save / load the model (model.json)"),
            new Shortcut("Ctrl+Shift+O", "open a run folder written by train --out (with --checkpoint-every)"),
            new Shortcut("F1", "the user guide: README and docs/, with links between them"),
            new Shortcut("Shift+F1", "this table"),
            new Shortcut("Ctrl+Q", "quit"));

    private Shortcuts() {
    }

    /** The table as two columns, keys in bold on the left. */
    static GridPane table() {
        GridPane grid = new GridPane();
        grid.setId("shortcuts-table");
        grid.setHgap(16);
        grid.setVgap(4);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints what = new ColumnConstraints();
        what.setMaxWidth(460);
        grid.getColumnConstraints().addAll(keys, what);
        for (int i = 0; i < ALL.size(); i++) {
            Label k = new Label(ALL.get(i).keys());
            k.setStyle("-fx-font-weight: bold;");
            Label w = new Label(ALL.get(i).what());
            w.setWrapText(true);
            grid.addRow(i, k, w);
        }
        return grid;
    }
}
