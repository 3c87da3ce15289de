package dev.backprop.playground.ui;

import dev.backprop.playground.engine.data.ImageSets;
import dev.backprop.playground.train.FirstLayer;
import dev.backprop.playground.train.Snapshot;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The data column's place for the weight pictures: for image data a toggle swaps the data view for
 * {@link WeightPictures}; for any other data the toggle is gone and the data view shows. The pictures
 * are drawn only while shown.
 */
final class WeightsSwitch extends VBox {
    private final ToggleButton toggle = new ToggleButton("Weights as pictures");
    private final WeightPictures pictures = new WeightPictures();
    private final ScrollPane scroll = new ScrollPane(pictures);
    private final Node data;
    private int classes = -1;
    /** The last snapshot followed: the pictures draw it as soon as the toggle shows them. */
    private Snapshot last;

    WeightsSwitch(Node data) {
        super(4);
        this.data = data;
        toggle.setId("weights-toggle");
        pictures.setId("weight-pictures-pane");
        scroll.setFitToWidth(true);
        scroll.setMinSize(0, 0);
        scroll.setPrefSize(0, 0); // the data view sizes the column; the pictures scroll within it
        StackPane place = new StackPane(data, scroll);
        place.setMinSize(0, 0);
        VBox.setVgrow(place, Priority.ALWAYS);
        toggle.selectedProperty().addListener((o, a, b) -> swap());
        getChildren().addAll(toggle, place);
        show(false);
        swap();
    }

    /** Follows {@code s}: the toggle for image data, the pictures drawn while they are shown. */
    void show(Snapshot s) {
        last = s;
        FirstLayer first = s.firstLayer();
        show(first != null && first.shape() != null);
        if (first != null && first.output() && first.units() != classes) {
            classes = first.units();
            // Fashion-MNIST's 28x28 pictures: its class names; digits' classes are their digits
            pictures.setClassNames(first.inputs() == 784 && classes == ImageSets.FASHION_CLASSES.size()
                    ? ImageSets.FASHION_CLASSES : List.of());
        }
        if (scroll.isVisible()) {
            pictures.show(s);
        }
    }

    private void show(boolean images) {
        toggle.setVisible(images);
        toggle.setManaged(images);
        if (!images) {
            toggle.setSelected(false);
        }
    }

    private void swap() {
        boolean weights = toggle.isSelected();
        scroll.setVisible(weights);
        data.setVisible(!weights);
        if (weights && last != null) {
            pictures.show(last);
        }
    }

    WeightPictures pictures() {
        return pictures;
    }
}
