package dev.backprop.playground.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * A row of the control bar that wraps between groups: each label stays with its control, and a
 * narrow window gets another row instead of cutting controls off (1280 px gives three rows).
 */
class ControlRow extends FlowPane {
    /** Value texts keep this width, so a row does not jump while a slider moves. */
    static final double VALUE_WIDTH = 44;

    ControlRow(Node... nodes) {
        super(10, 4, nodes);
        setAlignment(Pos.CENTER_LEFT);
    }

    static HBox group(Node... nodes) {
        HBox g = new HBox(4, nodes);
        g.setAlignment(Pos.CENTER_LEFT);
        return g;
    }

    static void tip(Control c, String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(320);
        c.setTooltip(t);
    }
}
