package dev.backprop.playground.ui;

import static dev.backprop.playground.ui.ControlRow.VALUE_WIDTH;
import static dev.backprop.playground.ui.ControlRow.group;
import static dev.backprop.playground.ui.ControlRow.tip;

import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.Snapshot;
import dev.backprop.playground.train.TrainingSession;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import javafx.animation.FadeTransition;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.util.Duration;

/**
 * The toolbar's transport groups: play/pause, step, +250, reset, speed and the step-through buttons
 * (the control bar lays them out), and Export SVG for the settings panel. After a divergence the
 * engine ignores Play and the steps; these refuse them themselves and say why (a line in the status
 * area, and Play's tooltip) instead of doing nothing.
 */
final class TransportRow {
    static final double MAX_LOG_SPEED = 5;
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    private static final String PLAY_TIP = "Train continuously at the chosen speed, or pause (Space).";

    private final ToLongFunction<Command> send;
    private final Button play = new Button("Play");
    private final Label refusal = new Label();
    private final Slider speed = new Slider(0, MAX_LOG_SPEED, Math.log10(TrainingSession.DEFAULT_SPEED));
    private final Label speedText = new Label();
    private final Button exportSvg = new Button("Export SVG\u2026");
    private List<Node> groups = List.of();
    /** What the play button shows: the session's state, or the one the last Play or Pause asked for until it is acknowledged. */
    private boolean running;
    private boolean refused;
    /** The last applied command of the snapshot that set {@link #refused}: every command up to it is in it. */
    private long refusedAtSeq;
    /** The last Reset sent (0: none): one the engine has not taken yet may have ended the refusal. */
    private long resetSeq;
    /** Whether the last Play or Pause sent asked to run, and its sequence number (0: none sent). */
    private boolean runAsked;
    private long runAskedSeq;

    /** @param send queues a command and returns its sequence number */
    TransportRow(ToLongFunction<Command> send) {
        this.send = send;
        createView();
        speed.valueProperty().addListener((o, a, b) -> {
            refreshSpeedText();
            send.applyAsLong(new Command.SetSpeed(speed()));
        });
    }

    private void createView() {
        speed.setPrefWidth(84);
        speed.setId("speed");
        speedText.setMinWidth(VALUE_WIDTH);
        tip(speed, "Training speed, from 1 step a second (watch every step) to unthrottled at the far right.");
        play.setId("play");
        tip(play, PLAY_TIP);
        play.setOnAction(e -> togglePlay());
        refusal.setId("play-refused");
        refusal.getStyleClass().add("refusal");
        refusal.setWrapText(true);
        Button step = button("Step", "step", "Take one training step, then pause (S).", new Command.Step(1));
        Button step250 = button("+250", "step-250", "Take 250 steps (one boundary frame), then pause.",
                new Command.Step(250));
        Button nodeBack = button("\u25c2 Node", "node-back", "Step-through: hide the last node shown (Left).",
                new Command.NodeBack());
        Button nodeNext = button("Node \u25b8", "node-next",
                "Step-through: pause and compute one node of the next training step, forward then backward, then the update (Right).",
                new Command.NodeForward());
        Button finishPass = button("Finish pass", "finish-pass",
                "Step-through: run the rest of the forward pass, the backward pass or the update (Enter).",
                new Command.FinishPass());
        javafx.scene.control.CheckBox zeroGrad = new javafx.scene.control.CheckBox("zero_grad");
        zeroGrad.setId("step-zero-grad");
        zeroGrad.setMnemonicParsing(false); // the underscore of zero_grad is text, not a mnemonic
        zeroGrad.setSelected(true);
        tip(zeroGrad, "Step-through: zero the gradients before each step's backward. Off, each step adds its gradients "
                + "to the last step's and the update uses the sum (seed 001's silent bug; the cards show the sums).");
        zeroGrad.selectedProperty().addListener((o, a, b) -> send.applyAsLong(new Command.SetZeroGrad(b)));
        Button reset = new Button("Reset");
        reset.setId("reset");
        tip(reset, "New weights from the seed: the same seed replays the same run (R).");
        reset.setOnAction(e -> reset());
        exportSvg.setId("export-svg");
        tip(exportSvg, "Save the graph as it is shown now (highlight included) as an SVG file (Ctrl+E).");
        groups = List.of(group(play, step, step250, reset), group(new Label("speed"), speed, speedText),
                group(nodeBack, nodeNext, finishPass, zeroGrad));
        showRefusal();
        refreshSpeedText();
    }

    /** The groups of the toolbar row, in reading order. */
    List<Node> groups() {
        return groups;
    }

    /** Why Play is refused: shown in the status area, so it never adds a row above the graph. */
    Label refusal() {
        return refusal;
    }

    Button exportSvg() {
        return exportSvg;
    }

    void setOnExportSvg(Runnable action) {
        exportSvg.setOnAction(e -> action.run());
    }

    /** Play follows {@code running}; a diverged run or an empty plane shows why Play and the steps are refused. */
    void update(Snapshot s) {
        // a second press before the engine took the first one toggles what the first asked for
        showRunning(s.appliedSeq() < runAskedSeq ? runAsked : s.running());
        refused = s.playRefused(); // diverged, or no data to learn from (an emptied plane)
        refusedAtSeq = s.appliedSeq();
        if (s.diverged()) {
            refusal.setText(s.saturatedAtInit() // the engine's verdict: its init is the cause
                    ? "The network starts out saturated: choose init xavier or he and press Reset (R)."
                    : String.format(Locale.ROOT,
                            "The run diverged at step %,d: lower the learning rate and press Reset (R).", s.step()));
        } else if (refused) {
            refusal.setText("Nothing to learn from: " + s.playRefusal() + " (Edit, then click the plane).");
        }
        showRefusal();
    }

    private void showRunning(boolean on) {
        running = on;
        play.setText(on ? "Pause" : "Play");
    }

    /** Play, or Pause while running (or asked to run): the play button and the Space key. */
    void togglePlay() {
        transport(running ? new Command.Pause() : new Command.Play());
    }

    double speed() {
        return speed.getValue() >= MAX_LOG_SPEED - 1e-9 ? TrainingSession.UNTHROTTLED : Math.pow(10, speed.getValue());
    }

    Slider speedSlider() {
        return speed;
    }

    /** New weights from the seed: the Reset button and the R key. */
    void reset() {
        resetSeq = send.applyAsLong(new Command.Reset());
    }

    private void transport(Command c) {
        // refused, unless a Reset went after the refusing state: R then Space at once must play (the engine
        // refuses a Play itself while a run stays diverged, and the window then says why)
        if (refused && resetSeq <= refusedAtSeq && !(c instanceof Command.Pause)) {
            FadeTransition flash = new FadeTransition(Duration.millis(180), refusal); // draw the eye to the reason
            flash.setFromValue(0.2);
            flash.setToValue(1);
            flash.setCycleCount(3);
            flash.play();
            return;
        }
        long seq = send.applyAsLong(c);
        if (c instanceof Command.Play || c instanceof Command.Pause) {
            runAsked = c instanceof Command.Play;
            runAskedSeq = seq;
            showRunning(runAsked);
        }
    }

    private void showRefusal() {
        refusal.setVisible(refused);
        refusal.setManaged(refused);
        play.pseudoClassStateChanged(REFUSED, refused);
        play.getTooltip().setText(refused ? refusal.getText() : PLAY_TIP);
    }

    private void refreshSpeedText() {
        double s = speed();
        speedText.setText(s == TrainingSession.UNTHROTTLED ? "max" : String.format(Locale.ROOT, "%.0f/s", s));
    }

    private Button button(String text, String id, String tooltip, Command command) {
        Button b = new Button(text);
        b.setId(id);
        tip(b, tooltip);
        b.setOnAction(e -> transport(command));
        return b;
    }
}
