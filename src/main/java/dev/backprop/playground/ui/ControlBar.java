package dev.backprop.playground.ui;

import dev.backprop.playground.engine.Named;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.Snapshot;
import dev.backprop.playground.train.TrainingSession;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * Every training control, each sending a {@link Command}: transport (play/pause, step, step 250,
 * reset, step-through), speed, learning rate (1-2-5 notches, live: weights kept), hidden size and
 * layers (rebuild on release), activation, optimizer, loss, init, batch size, and the data (dataset,
 * noise, count). The controls follow the session's config from each snapshot (after a load, a reset,
 * a rebuild) without sending anything back.
 */
public final class ControlBar extends VBox {
    public static final String STYLE_CLASS = "control-bar";
    static final double MAX_LOG_SPEED = 5;
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    private static final Integer[] BATCHES = {1, 4, 16, 32, 64, 256, Integer.MAX_VALUE};
    private static final String PLAY_TIP = "Train continuously at the chosen speed, or pause (Space).";

    private final Consumer<Command> send;
    private final Button play = new Button("Play");
    private final Label refusal = new Label();
    private final Slider learningRate = new Slider(0, LearningRateScale.size() - 1, 0);
    private final Label learningRateText = new Label();
    private final Slider hidden = new Slider(1, 128, 50);
    private final Label hiddenText = new Label();
    private final Slider speed = new Slider(0, MAX_LOG_SPEED, Math.log10(TrainingSession.DEFAULT_SPEED));
    private final Label speedText = new Label();
    private final Spinner<Integer> layers = new Spinner<>(1, 4, 1);
    private final ChoiceBox<Activation> activation = choice(Activation.values());
    private final ChoiceBox<OptimizerKind> optimizer = choice(OptimizerKind.values());
    private final ChoiceBox<Loss> loss = choice(Loss.values());
    private final ChoiceBox<Initializer> init = choice(Initializer.values());
    private final ChoiceBox<Integer> batch = new ChoiceBox<>();
    private final ChoiceBox<DatasetKind> dataset = choice(DatasetKind.values());
    private final Slider noise = new Slider(0, 0.5, 0.1);
    private final Label noiseText = new Label();
    private final Spinner<Integer> samples = new Spinner<>(50, 5000, 2000, 50);
    private final Button exportSvg = new Button("Export SVG\u2026");
    private final SentSettings sent = new SentSettings(System::nanoTime);
    /** Re-reads the last config when a sent setting's grace period ends (the engine may have refused it). */
    private final PauseTransition recheck = new PauseTransition(Duration.millis(SentSettings.GRACE_NANOS / 1e6 + 50));
    private long seed;
    private boolean running;
    private Snapshot lastSnapshot;
    private TrainingConfig shownConfig;
    /** True while controls are set from the session's config: their listeners send nothing. */
    private boolean syncing;

    public ControlBar(Consumer<Command> send, TrainingConfig initial) {
        this.send = send;
        getStyleClass().add(STYLE_CLASS);
        createView();
        showConfig(initial);
        initListeners();
    }

    private void createView() {
        learningRate.setMajorTickUnit(1);
        learningRate.setMinorTickCount(0);
        learningRate.setSnapToTicks(true);
        learningRate.setBlockIncrement(1);
        learningRate.setShowTickMarks(true);
        hidden.setMajorTickUnit(1);
        hidden.setMinorTickCount(0);
        hidden.setSnapToTicks(true);
        hidden.setBlockIncrement(1);
        noise.setMajorTickUnit(0.05);
        noise.setMinorTickCount(4);
        noise.setSnapToTicks(true);
        noise.setBlockIncrement(0.01);
        batch.getItems().addAll(BATCHES);
        batch.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer b) {
                return b == null ? "" : b == Integer.MAX_VALUE ? "full" : b.toString();
            }

            @Override
            public Integer fromString(String s) {
                return s.equals("full") ? Integer.MAX_VALUE : Integer.valueOf(s);
            }
        });
        samples.setEditable(true);
        layers.setPrefWidth(58);
        samples.setPrefWidth(84);
        learningRate.setPrefWidth(150);
        hidden.setPrefWidth(130);
        speed.setPrefWidth(110);
        noise.setPrefWidth(90);
        for (Control c : new Control[] {activation, optimizer, init}) {
            c.setPrefWidth(96);
        }
        loss.setPrefWidth(64);
        batch.setPrefWidth(64);
        dataset.setPrefWidth(88);
        // value texts keep their width, so the row does not jump while a slider moves
        for (Label l : new Label[] {learningRateText, hiddenText, speedText, noiseText}) {
            l.setMinWidth(44);
        }

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
        Button reset = new Button("Reset");
        reset.setId("reset");
        tip(reset, "New weights from the seed: the same seed replays the same run (R).");
        reset.setOnAction(e -> send.accept(new Command.Reset()));
        Button newData = new Button("New data");
        newData.setId("new-data");
        tip(newData, "Draw a fresh dataset (next seed) with the chosen kind, noise and count; the network restarts.");
        newData.setOnAction(e -> {
            seed++;
            sendData();
        });
        play.setId("play");
        tip(play, PLAY_TIP);
        play.setOnAction(e -> transport(running ? new Command.Pause() : new Command.Play()));
        refusal.setId("play-refused");
        refusal.getStyleClass().add("refusal");
        refusal.setWrapText(true);
        showRefusal(false);

        learningRate.setId("learning-rate");
        hidden.setId("hidden-size");
        speed.setId("speed");
        layers.setId("layers");
        activation.setId("activation");
        optimizer.setId("optimizer");
        loss.setId("loss");
        init.setId("init");
        batch.setId("batch");
        dataset.setId("dataset");
        noise.setId("noise");
        samples.setId("samples");
        learningRateText.setId("learning-rate-text");
        hiddenText.setId("hidden-size-text");
        noiseText.setId("noise-text");
        tip(speed, "Training speed, from 1 step a second (watch every step) to unthrottled at the far right.");
        tip(learningRate, "How far each step moves the weights: 1-2-5 steps from 0.0001 to 10 (arrow keys move one notch). "
                + "Changing it keeps the weights.");
        tip(hidden, "Neurons per hidden layer (1 to 128). Releasing the slider builds a new network; the chart marks where.");
        tip(layers, "Number of hidden layers, each with the same number of neurons.");
        tip(activation, "The hidden layers' nonlinearity: relu, tanh or sigmoid. The output is always a sigmoid.");
        tip(optimizer, "sgd: plain steps; momentum: steps keep 90% of their velocity; adam: per-weight adaptive steps.");
        tip(loss, "bce: binary cross-entropy, the seed's loss; mse: squared error on the probability.");
        tip(init, "How weights start: normal (randn, as the seed), xavier (for tanh/sigmoid) or he (for relu).");
        tip(batch, "Examples per step: 1 picks a random example each step, as the seed does; full uses the whole training set.");
        tip(dataset, "The 2D dataset to classify.");
        tip(noise, "Standard deviation of the Gaussian jitter added to the points (0 to 0.5); new data on release.");
        tip(samples, "Number of points (50 to 5000); 20% are held out as the test set (rings in the plot).");
        SpinnerValidation.install(samples, "points");

        exportSvg.setId("export-svg");
        tip(exportSvg, "Save the graph as it is shown now (highlight included) as an SVG file (Ctrl+E).");
        // Each label stays with its control; the rows wrap between groups, so every control stays
        // reachable however narrow the window (1280 px gives two settings rows).
        FlowPane transport = row(group(play, step, step250, reset), group(new Label("speed"), speed, speedText),
                group(new Label("step through"), nodeBack, nodeNext, finishPass), exportSvg, refusal);
        FlowPane settings = row(group(new Label("learning rate"), learningRate, learningRateText),
                group(new Label("hidden"), hidden, hiddenText), group(new Label("layers"), layers),
                group(new Label("activation"), activation), group(new Label("optimizer"), optimizer),
                group(new Label("loss"), loss), group(new Label("init"), init), group(new Label("batch"), batch),
                group(new Label("data"), dataset), group(new Label("noise"), noise, noiseText),
                group(new Label("points"), samples), newData);
        getChildren().addAll(transport, settings);
        setPadding(new Insets(6, 8, 6, 8));
        setSpacing(4);
        recheck.setOnFinished(e -> {
            if (lastSnapshot != null) {
                showConfig(lastSnapshot.config());
            }
        });
    }

    private void initListeners() {
        SliderSettle.install(learningRate, Math::rint, true, notch -> {
            learningRateText.setText(LearningRateScale.format(learningRate()));
            setting(new Command.SetLearningRate(learningRate()));
        });
        // a rebuild per integer passed would leave a chart mark per integer: rebuild on release
        SliderSettle.install(hidden, Math::rint, false, size -> {
            hiddenText.setText(Integer.toString(hiddenSize()));
            sendNetwork();
        });
        SliderSettle.install(noise, ControlBar::roundNoise, false, v -> {
            noiseText.setText(String.format(Locale.ROOT, "%.2f", v));
            sendData();
        });
        speed.valueProperty().addListener((o, a, b) -> {
            refreshSpeedText();
            send.accept(new Command.SetSpeed(speed()));
        });
        layers.valueProperty().addListener((o, a, b) -> sendNetwork());
        activation.valueProperty().addListener((o, a, b) -> sendNetwork());
        loss.valueProperty().addListener((o, a, b) -> sendNetwork());
        init.valueProperty().addListener((o, a, b) -> sendNetwork());
        optimizer.valueProperty().addListener((o, a, b) -> setting(new Command.SetOptimizer(b)));
        batch.valueProperty().addListener((o, a, b) -> setting(new Command.SetBatchSize(b)));
        dataset.valueProperty().addListener((o, a, b) -> sendData());
        samples.valueProperty().addListener((o, a, b) -> sendData());
    }

    /** What the Export SVG button does. */
    public void setOnExportSvg(Runnable action) {
        exportSvg.setOnAction(e -> action.run());
    }

    /**
     * Reflects the session: the play button follows {@code running}, a diverged run explains why
     * Play and the step buttons are refused, and the controls show the config in force (unless the
     * user just changed one and the engine has not applied it yet).
     */
    public void update(Snapshot s) {
        lastSnapshot = s;
        running = s.running();
        play.setText(running ? "Pause" : "Play");
        boolean diverged = s.diverged();
        if (diverged) {
            refusal.setText(String.format(Locale.ROOT,
                    "The run diverged at step %,d: lower the learning rate and press Reset (R).", s.step()));
        }
        showRefusal(diverged);
        if (s.config() != shownConfig || !sent.isEmpty()) {
            showConfig(s.config());
        }
    }

    /** The learning rate the slider stands at: exactly one of the 1-2-5 values. */
    public double learningRate() {
        return LearningRateScale.value((int) Math.rint(learningRate.getValue()));
    }

    public int hiddenSize() {
        return (int) Math.round(hidden.getValue());
    }

    double speed() {
        return speed.getValue() >= MAX_LOG_SPEED - 1e-9 ? TrainingSession.UNTHROTTLED : Math.pow(10, speed.getValue());
    }

    /** Moves the learning-rate slider to the notch of {@code rate} (as a user would; it sends the command). */
    void setLearningRate(double rate) {
        learningRate.setValue(LearningRateScale.nearest(rate));
    }

    Slider learningRateSlider() {
        return learningRate;
    }

    Slider hiddenSlider() {
        return hidden;
    }

    Slider speedSlider() {
        return speed;
    }

    // ---- the session's config into the controls --------------------------------------------------

    /** Sets every control that is not waiting for a sent setting from {@code c}; sends nothing. */
    private void showConfig(TrainingConfig c) {
        shownConfig = c;
        syncing = true;
        try {
            if (!sent.awaiting(Command.SetLearningRate.class, c) && !learningRate.isValueChanging()) {
                learningRate.setValue(LearningRateScale.nearest(c.learningRate()));
                learningRateText.setText(LearningRateScale.format(c.learningRate())); // the true rate, on the ladder or not
            }
            if (!sent.awaiting(Command.SetNetwork.class, c) && !hidden.isValueChanging()) {
                showNetwork(c.network());
            }
            if (!sent.awaiting(Command.SetOptimizer.class, c)) {
                optimizer.setValue(c.optimizer());
            }
            if (!sent.awaiting(Command.SetBatchSize.class, c)) {
                if (!batch.getItems().contains(c.batchSize())) {
                    batch.getItems().add(c.batchSize());
                    batch.getItems().sort(null);
                }
                batch.setValue(c.batchSize());
            }
            if (!sent.awaiting(Command.SetData.class, c) && !noise.isValueChanging()) {
                seed = c.seed();
                dataset.setValue(c.dataset());
                noise.setValue(c.noise());
                noiseText.setText(String.format(Locale.ROOT, "%.2f", c.noise()));
                if (!SpinnerValidation.isInvalid(samples)) {
                    samples.getValueFactory().setValue(c.samples());
                }
            }
            refreshSpeedText();
        } finally {
            syncing = false;
        }
    }

    private void showNetwork(NetworkSpec n) {
        int[] sizes = n.hidden();
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                (SpinnerValueFactory.IntegerSpinnerValueFactory) layers.getValueFactory();
        // a loaded model may have more layers than the spinner offers, or none: widen it rather than lie
        f.setMin(Math.min(1, sizes.length));
        f.setMax(Math.max(4, sizes.length));
        f.setValue(sizes.length);
        if (sizes.length > 0) {
            hidden.setValue(sizes[0]);
        }
        hiddenText.setText(Arrays.stream(sizes).allMatch(h -> h == sizes[0])
                ? sizes.length == 0 ? "none" : Integer.toString(sizes[0])
                : Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        activation.setValue(n.activation());
        loss.setValue(n.loss());
        init.setValue(n.init());
    }

    // ---- controls into commands -----------------------------------------------------------------

    /** Sends a setting unless the controls are only being set from the config. */
    private void setting(Command c) {
        if (syncing) {
            return;
        }
        sent.record(c);
        recheck.playFromStart();
        send.accept(c);
    }

    private void sendNetwork() {
        int[] sizes = new int[layers.getValue()];
        Arrays.fill(sizes, hiddenSize());
        setting(new Command.SetNetwork(new NetworkSpec(2, sizes, activation.getValue(), loss.getValue(),
                init.getValue())));
    }

    private void sendData() {
        setting(new Command.SetData(dataset.getValue(), samples.getValue(), roundNoise(noise.getValue()), seed));
    }

    /** Play, step and step-through are refused after a divergence: say why instead of doing nothing. */
    private void transport(Command c) {
        if (lastSnapshot != null && lastSnapshot.diverged() && !(c instanceof Command.Pause)) {
            FadeTransition flash = new FadeTransition(Duration.millis(180), refusal);
            flash.setFromValue(0.2);
            flash.setToValue(1);
            flash.setCycleCount(3);
            flash.play();
            return;
        }
        send.accept(c);
    }

    private void showRefusal(boolean diverged) {
        refusal.setVisible(diverged);
        refusal.setManaged(diverged);
        play.pseudoClassStateChanged(REFUSED, diverged);
        play.getTooltip().setText(diverged ? refusal.getText() : PLAY_TIP);
    }

    /** Noise in hundredths, as the slider's ticks: 0.13, not 0.13000000000000003. */
    private static double roundNoise(double v) {
        return Math.round(v * 100) / 100.0;
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

    private static void tip(Control c, String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(320);
        c.setTooltip(t);
    }

    private static HBox group(Node... nodes) {
        HBox g = new HBox(4, nodes);
        g.setAlignment(Pos.CENTER_LEFT);
        return g;
    }

    private static FlowPane row(Node... nodes) {
        FlowPane p = new FlowPane(14, 4, nodes);
        p.setAlignment(Pos.CENTER_LEFT);
        return p;
    }

    @SafeVarargs
    private static <E extends Enum<E> & Named> ChoiceBox<E> choice(E... values) {
        ChoiceBox<E> box = new ChoiceBox<>();
        box.getItems().addAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : e.id();
            }

            @Override
            public E fromString(String s) {
                return Named.fromId(values[0].getDeclaringClass(), s, "choice");
            }
        });
        return box;
    }
}
