package dev.backprop.playground.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * View > Classroom…: a check box per control and pane of {@link Classroom}; OK shows exactly the
 * ticked ones, "Show everything" ticks them all. Not modal-blocking: it is shown, and applies on OK.
 */
final class ClassroomDialog extends Dialog<ButtonType> {
    static final String ID_PREFIX = "classroom-";
    private static final int ROWS = 12;
    private final Map<String, CheckBox> boxes = new LinkedHashMap<>();

    ClassroomDialog(Window owner, Classroom classroom) {
        initOwner(owner);
        setTitle("Classroom");
        setHeaderText("Tick what students see. Hidden controls and panes leave the window;\n"
                + "Save experiment keeps the choice in the file, Open experiment brings it back.");
        GridPane controls = column();
        GridPane panes = column();
        int c = 0;
        int p = 0;
        for (Classroom.Part part : classroom.parts()) {
            CheckBox box = new CheckBox(part.label());
            box.setId(ID_PREFIX + part.name());
            box.setSelected(classroom.isShown(part.name()));
            boxes.put(part.name(), box);
            if (part.control()) {
                controls.add(box, c / ROWS, c % ROWS);
                c++;
            } else {
                panes.add(box, 0, p++);
            }
        }
        Button everything = new Button("Show everything");
        everything.setId("classroom-show-everything");
        everything.setOnAction(e -> boxes.values().forEach(b -> b.setSelected(true)));
        VBox left = new VBox(6, new Label("Controls"), controls);
        VBox right = new VBox(6, new Label("Panes"), panes, everything);
        HBox content = new HBox(24, left, right);
        content.setPadding(new Insets(8));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).setId("classroom-ok");
        setOnHidden(e -> {
            if (getResult() != null && getResult().getButtonData() == ButtonBar.ButtonData.OK_DONE) {
                classroom.apply(ticked());
            }
        });
    }

    /** Every part's name with its box's state. */
    Map<String, Boolean> ticked() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        boxes.forEach((name, box) -> m.put(name, box.isSelected()));
        return m;
    }

    private static GridPane column() {
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(4);
        return g;
    }
}
