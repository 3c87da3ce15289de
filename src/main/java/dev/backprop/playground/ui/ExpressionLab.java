package dev.backprop.playground.ui;

import dev.backprop.playground.engine.value.BackwardRule;
import dev.backprop.playground.engine.value.Nudge;
import dev.backprop.playground.expr.Presets;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.lab.LabModel;
import dev.backprop.playground.lab.LabSnapshot;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The expression lab: type scalar assignments, see micrograd's Value graph, walk backprop one node
 * at a time with the chain rule spelled out, run backward again without zeroing, nudge the leaves,
 * train seed 001's MLP. The view only sends commands to its {@link LabModel} and draws the
 * snapshots it publishes; the graph and its steppers live on the model's thread.
 */
public final class ExpressionLab extends BorderPane {
    private final TextArea editor = new TextArea(Presets.SEED_GRAPH.script());
    private final Label error = new Label();
    private final ChoiceBox<Presets.Preset> presets = new ChoiceBox<>();
    private final GraphPane graphPane = new GraphPane();
    private final InspectorPane inspector = new InspectorPane();
    private final StepLog log = new StepLog("Backward step (Right) walks backprop node by node;\nForward step recomputes the values.");
    private final Label stepText = new Label("Backward step (\u2192) computes one gradient at a time.");
    private final Button exportSvg = new Button("Export SVG\u2026");
    private final CheckBox zeroFirst = new CheckBox("zero gradients before backward");
    private final ChoiceBox<BackwardRule> rule = new ChoiceBox<>();
    private final TextField eta = new TextField("0.01");
    private final Button undo = button("Undo step", "nudge-undo", "Put the leaves back where they were before the last step.");
    private final PauseTransition debounce = new PauseTransition(Duration.millis(250));
    private final LabModel model;
    private final AtomicReference<LabSnapshot> latest = new AtomicReference<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final MlpPane mlp;
    private LabSnapshot shown;

    public ExpressionLab() {
        setId("expression-lab");
        model = new LabModel(this::offer);
        mlp = new MlpPane(model::train, model::resetMlp);
        createView();
        initListeners();
        model.evaluate(editor.getText());
    }

    private void createView() {
        editor.setId("expression-editor");
        editor.getStyleClass().add("code");
        editor.setPrefColumnCount(28);
        editor.setPrefRowCount(12);
        error.setId("expression-error");
        error.getStyleClass().addAll("code", "error");
        // the whole message, wrapped: never cut to "..."
        error.setWrapText(true);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        presets.setId("presets");
        presets.getItems().addAll(Presets.ALL);
        presets.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Presets.Preset p) {
                return p == null ? "presets\u2026" : p.name();
            }

            @Override
            public Presets.Preset fromString(String s) {
                return null;
            }
        });
        presets.setTooltip(new Tooltip("Examples from the micrograd lecture (seed 001)."));

        Button step = button("Backward step \u2192", "backward-step", "Compute the next node's gradient, in reverse topological order (Right). With gradients not zeroed, "
                + "Right after the last node starts another pass that adds to them.");
        Button back = button("\u2190 Back", "step-back", "Undo the last backward step (Left).");
        Button finish = button("Finish \u21b5", "finish", "Run the rest of the backward pass (Enter).");
        Button fwd = button("Forward step", "forward-step", "Recompute the next node's data, in topological order.");
        Button check = button("Gradient check", "gradient-check",
                "Compare each leaf's gradient with a central finite difference (f(x+h) - f(x-h)) / 2h.");
        Button again = button("Backward", "backward-pass",
                "A whole backward pass. Without zeroing first, each gradient adds this pass's share: press twice, see them double.");
        Button zero = button("Zero grad", "zero-grad", "Set every gradient to 0, as zero_grad() does.");
        Button nudge = button("Step", "nudge-step",
                "Move every named leaf (the MLP's parameters) by -eta * grad and recompute: L changes by about -eta * sum(grad^2).");
        step.setOnAction(e -> model.stepBackward());
        back.setOnAction(e -> model.stepBack());
        finish.setOnAction(e -> model.finish());
        fwd.setOnAction(e -> model.stepForward());
        check.setOnAction(e -> model.gradientCheck());
        again.setOnAction(e -> model.backwardPass());
        zero.setOnAction(e -> model.zeroGrad());
        nudge.setOnAction(e -> sendNudge());
        undo.setOnAction(e -> model.undoNudge());
        undo.setDisable(true);
        zeroFirst.setId("zero-first");
        zeroFirst.setSelected(true);
        zeroFirst.setTooltip(new Tooltip("zero_grad before each backward pass and each MLP epoch. Off, gradients add up (seed 001's silent bug)."));
        rule.setId("backward-rule");
        rule.getItems().addAll(BackwardRule.values());
        rule.setValue(BackwardRule.ACCUMULATE);
        rule.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(BackwardRule r) {
                return r == null ? "" : "grad " + r.symbol() + (r == BackwardRule.ACCUMULATE ? " (accumulate)" : " (overwrite: seed 001's bug)");
            }

            @Override
            public BackwardRule fromString(String s) {
                return null;
            }
        });
        rule.setTooltip(new Tooltip("How backward writes a gradient: += adds every use's share; = keeps only the last (wrong for a + a)."));
        eta.setId("nudge-eta");
        eta.setPrefColumnCount(5);
        eta.setTooltip(new Tooltip("eta: the step moves each leaf by -eta * grad (negative eta climbs, as seed 001's +0.01 * grad)."));
        exportSvg.setId("lab-export-svg");
        exportSvg.setTooltip(new Tooltip("Save the graph as it is shown now (highlight included) as an SVG file (Ctrl+E)."));
        FlowPane bar = new FlowPane(8, 4, presets, fwd, step, back, finish, check, exportSvg);
        FlowPane accumulation = new FlowPane(8, 4, again, zero, zeroFirst, rule, new Label("eta"), eta, nudge, undo);
        VBox top = new VBox(2, bar, accumulation);
        top.setPadding(new Insets(6));

        Label help = new Label("Script: name = expr, one per line or separated by ;");
        help.setWrapText(true);
        help.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox script = new VBox(6, help, editor, error);
        script.setPadding(new Insets(6));
        VBox.setVgrow(editor, Priority.ALWAYS);
        Tab scriptTab = new Tab("Script", script);
        Tab mlpTab = new Tab("MLP", mlp);
        mlpTab.setId("mlp-tab");
        TabPane left = new TabPane(scriptTab, mlpTab);
        left.setId("lab-modes");
        left.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        log.setId("step-log");
        stepText.setId("step-text");
        stepText.setWrapText(true);
        stepText.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        stepText.getStyleClass().addAll("code", "current-step");
        javafx.scene.control.ScrollPane inspectorScroll = new javafx.scene.control.ScrollPane(inspector);
        inspectorScroll.setFitToWidth(true);
        SplitPane logAndInspector = new SplitPane(log, inspectorScroll);
        logAndInspector.setOrientation(Orientation.VERTICAL);
        logAndInspector.setDividerPositions(0.4);
        VBox right = new VBox(6, stepText, logAndInspector);
        right.setPadding(new Insets(6));
        VBox.setVgrow(logAndInspector, Priority.ALWAYS);
        graphPane.setId("lab-graph");
        inspector.setId("lab-inspector");
        SplitPane split = new SplitPane(left, graphPane, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.22, 0.68);
        SplitPane.setResizableWithParent(left, false);
        setTop(top);
        setCenter(split);
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private void initListeners() {
        debounce.setOnFinished(e -> model.evaluate(editor.getText()));
        editor.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        presets.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                editor.setText(b.script());
            }
        });
        zeroFirst.selectedProperty().addListener((o, a, b) -> model.setZeroFirst(b));
        rule.valueProperty().addListener((o, a, b) -> model.setRule(b));
        graphPane.setOnSelect(n -> inspector.show(graph(), n));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof javafx.scene.control.TextInputControl || e.isShiftDown()) { // Shift+arrows pan the graph
                return;
            }
            if (e.getCode() == KeyCode.RIGHT) {
                model.stepBackward();
            } else if (e.getCode() == KeyCode.LEFT) {
                model.stepBack();
            } else if (e.getCode() == KeyCode.ENTER) {
                model.finish();
            } else {
                return;
            }
            e.consume();
        });
    }

    private void sendNudge() {
        try {
            double v = Double.parseDouble(eta.getText().strip());
            if (!Double.isFinite(v) || Math.abs(v) > Nudge.MAX_ETA) {
                throw new NumberFormatException();
            }
            model.nudge(v);
        } catch (NumberFormatException e) {
            stepText.setText("eta is a number between -" + Nudge.MAX_ETA + " and " + Nudge.MAX_ETA + ", e.g. 0.01");
            setWrong(true);
        }
    }

    /** Called on the model's thread: keeps the newest snapshot and schedules one draw for it. */
    private void offer(LabSnapshot s) {
        latest.set(s);
        if (drainScheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        LabSnapshot s = latest.get();
        if (s != null && s != shown) {
            draw(s);
        }
    }

    private void draw(LabSnapshot s) {
        LabSnapshot before = shown;
        shown = s;
        if (s.error() != null) {
            if (before == null || before.error() != s.error()) {
                showError(s.error());
            }
        } else {
            error.setText("");
            graphPane.setStale(null);
        }
        if (s.graph() != null && (before == null || before.graph() != s.graph())) {
            graphPane.show(s.graph());
            GraphNode picked = graphPane.selected();
            inspector.show(s.graph(), picked != null ? picked : highlighted(s.graph()));
        }
        log.show(s.log(), s.log().size() - 1);
        stepText.setText(s.stepText());
        setWrong(s.wrong());
        undo.setDisable(!s.canUndo());
        mlp.showEpochs(s.epochs());
    }

    private void setWrong(boolean wrong) {
        stepText.getStyleClass().remove("error");
        if (wrong) {
            stepText.getStyleClass().add("error");
        }
    }

    /** Shows the message and marks its column under the offending line, compiler style. */
    private void showError(LabSnapshot.ScriptError e) {
        String[] lines = e.script().split("\n", -1);
        String line = e.line() - 1 < lines.length ? lines[e.line() - 1] : "";
        String marker = e.column() > 0 ? "\n" + line + "\n" + " ".repeat(e.column() - 1) + "^" : "";
        error.setText(e.message() + marker);
        if (shown.graph() != null) {
            graphPane.setStale("The script has an error (see under the editor): the graph is from the last script that ran.");
        }
        if (e.column() > 0 && e.script().equals(editor.getText())) {
            int offset = 0;
            for (int i = 0; i < e.line() - 1 && i < lines.length; i++) {
                offset += lines[i].length() + 1;
            }
            int at = Math.min(offset + e.column() - 1, editor.getLength());
            editor.selectRange(at, Math.min(at + 1, editor.getLength()));
        }
    }

    /** The stepped node: the inspector follows it unless the user picked another. */
    static GraphNode highlighted(GraphModel g) {
        for (GraphNode n : g.nodes()) {
            if (n.highlighted()) {
                return n;
            }
        }
        return null;
    }

    /** The lab's state as drawn now (null before its first snapshot): what a lesson's checks read. */
    LabSnapshot state() {
        return shown;
    }

    /** The script in the editor. */
    String script() {
        return editor.getText();
    }

    /** Puts {@code script} in the editor and runs it at once (a lesson's set-up, or the student's script back). */
    void runScript(String script) {
        editor.setText(script);
        debounce.stop();
        model.evaluate(script);
    }

    boolean zeroFirst() {
        return zeroFirst.isSelected();
    }

    void setZeroFirst(boolean on) {
        zeroFirst.setSelected(on);
    }

    /** The graph as shown now (highlight and known gradients included), for export and tests. */
    public GraphModel graph() {
        return shown == null ? null : shown.graph();
    }

    /** The snapshot drawn now, for tests. */
    LabSnapshot shown() {
        return shown;
    }

    /** True when the model has applied every command and the newest snapshot is drawn. */
    boolean settled() {
        return model.idle() && latest.get() == shown;
    }

    /** What the Export SVG button does. */
    public void setOnExportSvg(Runnable action) {
        exportSvg.setOnAction(e -> action.run());
    }

    /** Puts the keyboard on the graph, where Right, Left and Enter step. */
    public void focusGraph() {
        graphPane.requestFocus();
    }

    GraphPane graphPane() {
        return graphPane;
    }

    TextArea editor() {
        return editor;
    }

    MlpPane mlp() {
        return mlp;
    }
}
