package dev.backprop.playground.ui;

import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.Inputs;
import dev.backprop.playground.train.Snapshot;
import javafx.scene.Node;

/**
 * One way of showing the data in the {@link DataPane}: the plane with its decision boundary, a gallery
 * of pictures, a plot of two of a table's inputs. A view says which data it fits; the pane shows the
 * fitting ones (a toggle picks when several fit) and feeds the shown one each new snapshot.
 */
public interface DataView {
    /** A stable id: the toggle's and the node's id ("boundary", "gallery", "table-plot"). */
    String id();

    /** The toggle's text: short ("Boundary", "Images"). */
    String title();

    /** The data pane's title while this view is shown, with what a click does. */
    default String paneTitle() {
        return title();
    }

    /** Whether this view can show data with these inputs. */
    boolean fits(Inputs inputs);

    /** Whether this view can show {@code all} (its inputs, and its targets: several for a regression like iris's petal). */
    default boolean fits(Dataset all) {
        return fits(all.inputs());
    }

    /** What the pane shows; made once. */
    Node node();

    /** Draws {@code s} (FX thread; only while shown). Cheap when nothing it draws changed. */
    void show(Snapshot s);
}
