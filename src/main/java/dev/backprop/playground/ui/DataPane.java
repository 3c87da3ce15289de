package dev.backprop.playground.ui;

import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.Inputs;
import dev.backprop.playground.train.Snapshot;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The data pane: holds {@link DataView}s and shows the one chosen among those that fit the data (the
 * boundary on the plane, the gallery for pictures, the two-input plot for a table). With several
 * fitting views a row of toggles picks one; with one there is no row. To add a view: implement
 * {@link DataView} and call {@link #addView} where the window is built (docs/architecture.md).
 */
public final class DataPane extends VBox {
    private final List<DataView> views = new ArrayList<>();
    private final HBox toggles = new HBox(4);
    private final ToggleGroup group = new ToggleGroup();
    private final StackPane content = new StackPane();
    private List<DataView> fitting = List.of();
    private Inputs inputs;
    /** The targets of the data the fitting views were picked for (the plane with two real targets is a table). */
    private int targets;
    private DataView current;
    /** The view the user picked last, kept when the data changes and it still fits. */
    private String picked;
    private Runnable onViewChanged = () -> { };
    /** The last snapshot shown: a view picked between snapshots draws it at once. */
    private Snapshot last;

    public DataPane() {
        super(4);
        getStyleClass().add("data-pane");
        toggles.setId("data-views");
        content.setMinSize(0, 0);
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().addAll(toggles, content);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                if (a != null) {
                    a.setSelected(true); // one view is always shown
                }
                return;
            }
            picked = (String) b.getUserData();
            showView(picked);
        });
    }

    /** Adds a view; the first added that fits is shown unless the user picks another. */
    public void addView(DataView view) {
        views.add(view);
        view.node().setId(view.id());
        inputs = null; // the fitting views are worked out again at the next snapshot
    }

    /** Called when the shown view changes (the window retitles the pane). */
    public void setOnViewChanged(Runnable r) {
        onViewChanged = r;
    }

    /** The view shown, or null before the first snapshot. */
    public DataView current() {
        return current;
    }

    /** Follows {@code s}'s data (the fitting views) and draws it in the shown view. */
    public void show(Snapshot s) {
        last = s;
        Dataset all = s.data().all();
        if (!all.inputs().equals(inputs) || all.targets() != targets) {
            inputs = all.inputs();
            targets = all.targets();
            refit(all);
        }
        if (current != null) {
            current.show(s);
        }
    }

    private void refit(Dataset all) {
        fitting = views.stream().filter(v -> v.fits(all)).toList();
        toggles.getChildren().clear();
        group.getToggles().clear();
        for (DataView v : fitting) {
            ToggleButton b = new ToggleButton(v.title());
            b.setUserData(v.id());
            b.setId(v.id() + "-toggle");
            b.setToggleGroup(group);
            toggles.getChildren().add(b);
        }
        toggles.setVisible(fitting.size() > 1);
        toggles.setManaged(fitting.size() > 1);
        DataView keep = fitting.stream().filter(v -> v.id().equals(picked)).findFirst()
                .orElse(fitting.isEmpty() ? null : fitting.get(0));
        if (keep != null) {
            group.getToggles().stream().filter(t -> keep.id().equals(t.getUserData())).findFirst()
                    .ifPresent(t -> t.setSelected(true));
            showView(keep.id());
        } else {
            showView(null);
        }
    }

    private void showView(String id) {
        DataView next = fitting.stream().filter(v -> v.id().equals(id)).findFirst().orElse(null);
        if (next == current) {
            return;
        }
        current = next;
        content.getChildren().setAll(next == null ? List.of() : List.of(next.node()));
        if (next != null && last != null) {
            next.show(last);
        }
        onViewChanged.run();
    }
}
