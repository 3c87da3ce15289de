package dev.backprop.playground.ui;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * The steps of a walk through backprop, one line each: long lines wrap (no horizontal scrollbar to
 * hide the newest line under), and the current step is selected and kept in view.
 */
final class StepLog extends ListView<String> {
    StepLog(String placeholder) {
        getStyleClass().addAll("code", "step-log");
        Label hint = new Label(placeholder);
        hint.setWrapText(true); // wraps at the list's width, never cut with an ellipsis
        hint.maxWidthProperty().bind(widthProperty().subtract(16));
        setPlaceholder(hint);
        setCellFactory(list -> new ListCell<>() {
            {
                setWrapText(true);
                // the cell wraps at the list's width instead of growing past it
                prefWidthProperty().bind(list.widthProperty().subtract(24));
                setMaxWidth(USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
    }

    /** Shows {@code lines} with line {@code current} (0-based; -1 none) selected and in view. */
    void show(List<String> lines, int current) {
        if (!lines.equals(getItems())) {
            getItems().setAll(lines);
        }
        select(current);
    }

    /** Adds a line and makes it the current one. */
    void append(String line) {
        getItems().add(line);
        select(getItems().size() - 1);
    }

    /** Removes the last line; the one before becomes current. */
    void removeLast() {
        if (!getItems().isEmpty()) {
            getItems().remove(getItems().size() - 1);
        }
        select(getItems().size() - 1);
    }

    /** The selected line's index, -1 for none. */
    int current() {
        return getSelectionModel().getSelectedIndex();
    }

    private void select(int index) {
        if (index < 0 || index >= getItems().size()) {
            getSelectionModel().clearSelection();
            return;
        }
        if (getSelectionModel().getSelectedIndex() != index) {
            getSelectionModel().select(index);
        }
        scrollTo(Math.max(0, index - 2));
    }
}
