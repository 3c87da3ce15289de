package dev.backprop.playground.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

/**
 * Every setting that is not in the toolbar, grouped in TF Playground's reading order (data, features,
 * network, training, regularization), under the toolbar. It folds away behind the toolbar's
 * Settings toggle, so the graph keeps the height while it is not needed. Folded away it is no part of
 * the window at all (not merely hidden): JavaFX styles and lays out hidden nodes too, and its 170-odd nodes
 * (a dozen controls with their skins and popups) were a fifth of the CPU an app start took (#29). Its
 * controls still follow the config while folded; {@link #control} finds them either way.
 */
final class SettingsPanel extends FlowPane {
    static final String STYLE_CLASS = "settings-panel";

    /** One heading and its controls. */
    record Section(String heading, List<Node> nodes) {
        Section(String heading, Node... nodes) {
            this(heading, List.of(nodes));
        }
    }

    private final ToggleButton toggle = new ToggleButton("Settings \u25be");
    /** Where the panel goes while shown (as its last child); none yet: the panel stands alone. */
    private Pane host;

    SettingsPanel(List<Section> sections) {
        super(18, 6);
        getStyleClass().add(STYLE_CLASS);
        setId("settings-panel");
        setAlignment(Pos.TOP_LEFT);
        setPadding(new Insets(4, 0, 2, 0));
        for (Section s : sections) {
            Label heading = new Label(s.heading());
            heading.getStyleClass().add("settings-heading");
            FlowPane controls = new FlowPane(10, 4);
            controls.getChildren().addAll(s.nodes());
            controls.setPrefWrapLength(420);
            VBox box = new VBox(2, heading, controls);
            box.getStyleClass().add("settings-section");
            getChildren().add(box);
        }
        toggle.setId("settings-toggle");
        ControlRow.tip(toggle, "Show or hide every other setting: data, features, network, training, regularization.");
        toggle.selectedProperty().addListener((o, was, shown) -> showShown());
        toggle.setSelected(true);
        showShown();
    }

    /** Shows the panel as {@code host}'s last child while it is open, and takes it out while it is folded. */
    void placeIn(Pane host) {
        this.host = host;
        showShown();
    }

    /** The control with this id in the panel, open or folded away; null if the panel has none. */
    Node control(String id) {
        return lookup("#" + id);
    }

    /** The toolbar's toggle that folds the panel away or opens it. */
    ToggleButton toggle() {
        return toggle;
    }

    void setShown(boolean shown) {
        toggle.setSelected(shown);
    }

    boolean isShown() {
        return toggle.isSelected();
    }

    private void showShown() {
        boolean shown = toggle.isSelected();
        if (host != null && shown && getParent() == null) {
            host.getChildren().add(this);
        } else if (host != null && !shown) {
            host.getChildren().remove(this);
        }
        toggle.setText(shown ? "Settings \u25b4" : "Settings \u25be");
    }
}
