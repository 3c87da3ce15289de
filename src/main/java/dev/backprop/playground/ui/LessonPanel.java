package dev.backprop.playground.ui;

import dev.backprop.playground.lesson.Lesson;
import dev.backprop.playground.lesson.LessonStep;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The lesson panel beside the panes: the lesson's title and notebook, the steps with their done
 * marks, the current step's text, what to do and whether its check is met, with Back, Next, Hide and
 * Leave. It only draws; {@link LessonGuide} decides.
 */
final class LessonPanel extends VBox {
    /** Wide enough for a sentence a line at 13 px, narrow enough to leave the graph most of 1280 px. */
    static final double WIDTH = 270;

    private final Label title = label("lesson-title", "lesson-title");
    private final Label follows = label("lesson-follows", "lesson-follows");
    private final Label marks = label("lesson-marks", "lesson-marks");
    private final Label stepTitle = label("lesson-step-title", "lesson-step-title");
    private final Label text = label("lesson-text", null);
    private final Label action = label("lesson-do", "lesson-do");
    private final Label check = label("lesson-check", "lesson-check");
    private final Button back = new Button("\u25c2 Back");
    private final Button next = new Button("Next \u25b8");
    private final Button hide = new Button("Hide");
    private final Button leave = new Button("Leave lesson");

    LessonPanel() {
        setId("lesson-panel");
        getStyleClass().add("lesson-panel");
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);
        setSpacing(6);
        setPadding(new Insets(8));
        back.setId("lesson-back");
        next.setId("lesson-next");
        hide.setId("lesson-hide");
        leave.setId("lesson-leave");
        VBox step = new VBox(6, stepTitle, text, action, check);
        ScrollPane scroll = new ScrollPane(step);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox nav = new HBox(6, back, next);
        HBox exits = new HBox(6, hide, leave);
        getChildren().addAll(title, follows, marks, scroll, nav, exits);
    }

    private static Label label(String id, String styleClass) {
        Label l = new Label();
        l.setId(id);
        if (styleClass != null) {
            l.getStyleClass().add(styleClass);
        }
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE); // wrapped whole, never cut to "..."
        l.setMaxWidth(WIDTH - 30);
        return l;
    }

    /** Shows {@code at} of {@code lesson}, its steps marked done as {@code done} says. */
    void show(Lesson lesson, int at, boolean[] done, boolean met, String checkText) {
        title.setText(lesson.title());
        follows.setText(lesson.follows());
        StringBuilder m = new StringBuilder();
        for (int i = 0; i < done.length; i++) {
            m.append(i == 0 ? "" : "   ").append(i + 1).append(done[i] ? " \u2713" : i == at ? " \u25cf" : "");
        }
        marks.setText(m.toString());
        LessonStep s = lesson.steps().get(at);
        stepTitle.setText("Step " + (at + 1) + " of " + done.length + ": " + s.title());
        text.setText(s.text());
        action.setText("Do: " + s.action());
        check.setText(met ? "\u2713 Done" + (at + 1 < done.length ? ": press Next." : ": the lesson is complete.")
                : "Waiting for " + checkText);
        check.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("done"), met);
        back.setDisable(at == 0);
        next.setDisable(at + 1 >= done.length);
    }

    Button back() {
        return back;
    }

    Button next() {
        return next;
    }

    Button hide() {
        return hide;
    }

    Button leave() {
        return leave;
    }
}
