package dev.backprop.playground.ui;

import dev.backprop.playground.engine.value.BackwardStepper;
import dev.backprop.playground.engine.value.ForwardStepper;
import dev.backprop.playground.engine.value.GradientCheck;
import dev.backprop.playground.engine.value.Numbers;
import dev.backprop.playground.engine.value.Value;
import dev.backprop.playground.expr.Evaluator;
import dev.backprop.playground.expr.ExprException;
import dev.backprop.playground.expr.Presets;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.ValueGraphBuilder;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The expression lab: type scalar assignments, see micrograd's Value graph, and walk backprop one
 * node at a time with the chain rule spelled out. The Value graph belongs to the FX thread once
 * built; parsing and layout run on a background thread so typing never waits on them.
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
    private final PauseTransition debounce = new PauseTransition(Duration.millis(250));
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "expression-lab");
        t.setDaemon(true);
        return t;
    });

    // FX-thread state: the current program and where stepping is
    private Value root;
    private BackwardStepper backward;
    private ForwardStepper forward;
    private final Set<Value> gradKnown = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Values the forward stepper has recomputed; null when every value is known (no forward pass under way). */
    private Set<Value> dataKnown;
    private Value highlight;
    private GraphModel graph;
    private long generation;

    public ExpressionLab() {
        setId("expression-lab");
        createView();
        initListeners();
        evaluate();
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

        Button step = button("Backward step \u2192", "backward-step", "Compute the next node's gradient, in reverse topological order (Right).");
        Button back = button("\u2190 Back", "step-back", "Undo the last backward step (Left).");
        Button finish = button("Finish \u21b5", "finish", "Run the rest of the backward pass (Enter).");
        Button fwd = button("Forward step", "forward-step", "Recompute the next node's data, in topological order.");
        Button check = button("Gradient check", "gradient-check",
                "Compare each leaf's gradient with a central finite difference (f(x+h) - f(x-h)) / 2h.");
        step.setOnAction(e -> stepBackward());
        back.setOnAction(e -> stepBack());
        finish.setOnAction(e -> finish());
        fwd.setOnAction(e -> stepForward());
        check.setOnAction(e -> gradientCheck());
        exportSvg.setId("lab-export-svg");
        exportSvg.setTooltip(new Tooltip("Save the graph as it is shown now (highlight included) as an SVG file (Ctrl+E)."));
        FlowPane bar = new FlowPane(8, 4, presets, fwd, step, back, finish, check, exportSvg);
        bar.setPadding(new Insets(6));

        Label help = new Label("Script: name = expr, one per line or separated by ;");
        help.setWrapText(true);
        help.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox left = new VBox(6, help, editor, error);
        left.setPadding(new Insets(6));
        VBox.setVgrow(editor, Priority.ALWAYS);
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
        split.setDividerPositions(0.2, 0.68);
        SplitPane.setResizableWithParent(left, false);
        setTop(bar);
        setCenter(split);
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private void initListeners() {
        debounce.setOnFinished(e -> evaluate());
        editor.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        presets.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                editor.setText(b.script());
            }
        });
        graphPane.setOnSelect(n -> inspector.show(graph, n));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() == editor || e.isShiftDown()) { // Shift+arrows pan the graph
                return;
            }
            if (e.getCode() == KeyCode.RIGHT) {
                stepBackward();
            } else if (e.getCode() == KeyCode.LEFT) {
                stepBack();
            } else if (e.getCode() == KeyCode.ENTER) {
                finish();
            } else {
                return;
            }
            e.consume();
        });
    }

    /** The result of evaluating a script off the FX thread. */
    private record Result(long generation, Value root, ExprException error) {
    }

    /** Parses and evaluates the editor's script in the background (the graph pane lays it out). */
    void evaluate() {
        long gen = ++generation;
        String script = editor.getText();
        worker.submit(() -> {
            Result r;
            try {
                r = new Result(gen, Evaluator.run(script, null).output(), null);
            } catch (ExprException e) {
                r = new Result(gen, null, e);
            }
            Result result = r;
            Platform.runLater(() -> apply(result));
        });
    }

    private void apply(Result r) {
        if (r.generation() != generation) {
            return; // the script changed again meanwhile
        }
        if (r.error() != null) {
            showError(r.error());
            return;
        }
        error.setText("");
        graphPane.setStale(null);
        root = r.root();
        backward = new BackwardStepper(root);
        forward = null;
        dataKnown = null;
        gradKnown.clear();
        highlight = null;
        log.getItems().setAll("forward pass done: " + root.label() + " = " + Numbers.compact(root.data()));
        stepText.setText("Backward step (\u2192) computes one gradient at a time, from " + root.label()
                + " back to the leaves.");
        refresh();
    }

    /** Shows the message and marks its column under the offending line, compiler style. */
    private void showError(ExprException e) {
        String[] lines = editor.getText().split("\n", -1);
        String line = e.line() - 1 < lines.length ? lines[e.line() - 1] : "";
        String marker = e.column() > 0 ? "\n" + line + "\n" + " ".repeat(e.column() - 1) + "^" : "";
        error.setText(e.describe() + marker);
        if (root != null) {
            graphPane.setStale("The script has an error (see under the editor): the graph is from the last script that ran.");
        }
        if (e.column() > 0) {
            int offset = 0;
            for (int i = 0; i < e.line() - 1 && i < lines.length; i++) {
                offset += lines[i].length() + 1;
            }
            int at = Math.min(offset + e.column() - 1, editor.getLength());
            editor.selectRange(at, Math.min(at + 1, editor.getLength()));
        }
    }

    void stepBackward() {
        if (advanceBackward()) {
            refresh();
        }
    }

    /** One backward step without redrawing: Finish takes them all, then draws once. */
    private boolean advanceBackward() {
        if (backward == null || !backward.hasNext()) {
            return false;
        }
        if (forward != null) {
            // a forward pass in progress finishes first: gradients need every value
            while (forward.hasNext()) {
                forward.next();
            }
            forward = null;
            dataKnown = null;
        }
        BackwardStepper.Step s = backward.next();
        gradKnown.add(s.node());
        highlight = s.node();
        record(String.format(Locale.ROOT, "%d/%d  %s", s.index() + 1, backward.total(), s.chainRule()));
        return true;
    }

    void stepBack() {
        if (backward == null || backward.position() == 0) {
            return;
        }
        List<Value> order = backward.visitingOrder();
        Value undone = order.get(backward.position() - 1);
        backward.back();
        gradKnown.remove(undone);
        highlight = backward.position() == 0 ? null : order.get(backward.position() - 1);
        log.removeLast();
        stepText.setText("undid " + backward.names().of(undone) + "'s gradient");
        refresh();
    }

    void finish() {
        boolean moved = false;
        while (advanceBackward()) {
            moved = true;
        }
        if (moved) {
            refresh();
        }
    }

    void stepForward() {
        if (root == null) {
            return;
        }
        if (forward == null || !forward.hasNext()) {
            forward = new ForwardStepper(root);
            backward = new BackwardStepper(root);
            gradKnown.clear();
            dataKnown = Collections.newSetFromMap(new IdentityHashMap<>());
            log.getItems().clear();
        }
        ForwardStepper.Step s = forward.next();
        dataKnown.add(s.node());
        highlight = s.node();
        record(String.format(Locale.ROOT, "forward %d/%d  %s", s.index() + 1, forward.total(), s.formula()));
        if (!forward.hasNext()) {
            dataKnown = null; // the pass is complete: every value is known again
        }
        refresh();
    }

    void gradientCheck() {
        if (root == null) {
            return;
        }
        List<GradientCheck.LeafCheck> checks = GradientCheck.run(root, 1e-6);
        backward = new BackwardStepper(root);
        backward.finish();
        forward = null;
        dataKnown = null;
        gradKnown.addAll(root.topologicalOrder());
        highlight = null;
        log.getItems().add("gradient check, h = 1e-6: leaf  autograd  numeric  relative error");
        for (GradientCheck.LeafCheck c : checks) {
            log.getItems().add(String.format(Locale.ROOT, "  %s  %s  %s  %.1e", backward.names().of(c.leaf()),
                    Numbers.compact(c.autograd()), Numbers.compact(c.numeric()), c.relativeError()));
        }
        stepText.setText(checks.stream().allMatch(c -> c.relativeError() < 1e-5)
                ? "every leaf's gradient matches its finite difference" : "some gradients differ: see the list");
        refresh();
        log.show(log.getItems(), log.getItems().size() - 1);
    }

    private void record(String line) {
        log.append(line);
        stepText.setText(line);
    }

    private void refresh() {
        graph = ValueGraphBuilder.build(root, Set.of(), dataKnown, gradKnown, highlight);
        graphPane.show(graph);
        GraphNode picked = graphPane.selected();
        inspector.show(graph, picked != null ? picked : highlighted(graph));
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

    /** The graph as shown now (highlight and known gradients included), for export and tests. */
    public GraphModel graph() {
        return graph;
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
}
