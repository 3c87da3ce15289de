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
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Every training control, each sending a {@link Command}: transport (play/pause, step, step 250,
 * reset), speed, learning rate (log scale, live: weights kept), hidden size (live: the network is
 * rebuilt), layers, activation, optimizer, loss, batch size, and the data (dataset, noise, count).
 */
public final class ControlBar extends VBox {
    public static final String STYLE_CLASS = "control-bar";
    static final double MIN_LOG_LR = -4;
    static final double MAX_LOG_LR = 1;
    static final double MAX_LOG_SPEED = 5;
    private static final Integer[] BATCHES = {1, 4, 16, 32, 64, 256, Integer.MAX_VALUE};

    private final Consumer<Command> send;
    private final Button play = new Button("Play");
    private final Slider learningRate = new Slider(MIN_LOG_LR, MAX_LOG_LR, -2);
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
    private final Spinner<Integer> samples = new Spinner<>(50, 5000, 2000, 50);
    private long seed;
    private boolean running;

    private final Button exportSvg = new Button("Export SVG\u2026");

    public ControlBar(Consumer<Command> send, TrainingConfig initial) {
        this.send = send;
        getStyleClass().add(STYLE_CLASS);
        createView(initial);
        initListeners();
    }

    private void createView(TrainingConfig c) {
        seed = c.seed();
        learningRate.setValue(Math.log10(c.learningRate()));
        hidden.setValue(c.network().hidden()[0]);
        hidden.setMajorTickUnit(1);
        hidden.setMinorTickCount(0);
        hidden.setSnapToTicks(true);
        layers.getValueFactory().setValue(c.network().hidden().length);
        activation.setValue(c.network().activation());
        optimizer.setValue(c.optimizer());
        loss.setValue(c.network().loss());
        init.setValue(c.network().init());
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
        batch.setValue(c.batchSize());
        dataset.setValue(c.dataset());
        noise.setValue(c.noise());
        samples.getValueFactory().setValue(c.samples());
        samples.setEditable(true);
        layers.setPrefWidth(64);
        samples.setPrefWidth(90);
        learningRate.setPrefWidth(170);
        hidden.setPrefWidth(150);
        speed.setPrefWidth(120);
        noise.setPrefWidth(90);

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
        Button reset = button("Reset", "reset", "New weights from the seed: the same seed replays the same run (R).",
                new Command.Reset());
        Button newData = new Button("New data");
        newData.setId("new-data");
        tip(newData, "Draw a fresh dataset (next seed) with the chosen kind, noise and count; the network restarts.");
        newData.setOnAction(e -> {
            seed++;
            sendData();
        });
        play.setId("play");
        tip(play, "Train continuously at the chosen speed, or pause (Space).");
        play.setOnAction(e -> send.accept(running ? new Command.Pause() : new Command.Play()));
        play.setDefaultButton(false);

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
        tip(speed, "Training speed, from 1 step a second (watch every step) to unthrottled at the far right.");
        tip(learningRate, "How far each step moves the weights, on a log scale from 0.0001 to 10. Changing it keeps the weights.");
        tip(hidden, "Neurons per hidden layer (1 to 128). Changing it builds a new network; the chart marks where.");
        tip(layers, "Number of hidden layers, each with the same number of neurons.");
        tip(activation, "The hidden layers' nonlinearity: relu, tanh or sigmoid. The output is always a sigmoid.");
        tip(optimizer, "sgd: plain steps; momentum: steps keep 90% of their velocity; adam: per-weight adaptive steps.");
        tip(loss, "bce: binary cross-entropy, the seed's loss; mse: squared error on the probability.");
        tip(init, "How weights start: normal (randn, as the seed), xavier (for tanh/sigmoid) or he (for relu).");
        tip(batch, "Examples per step: 1 picks a random example each step, as the seed does; full uses the whole training set.");
        tip(dataset, "The 2D dataset to classify.");
        tip(noise, "Standard deviation of the Gaussian jitter added to the points (0 to 0.5).");
        tip(samples, "Number of points (50 to 5000); 20% are held out as the test set (rings in the plot).");

        exportSvg.setId("export-svg");
        tip(exportSvg, "Save the graph as it is shown now (highlight included) as an SVG file (Ctrl+E).");
        FlowPane transport = row(play, step, step250, reset, new Label("speed"), speed, speedText,
                new Label("   step through"), nodeBack, nodeNext, finishPass, exportSvg);
        FlowPane model = row(new Label("learning rate"), learningRate, learningRateText, new Label("hidden"), hidden,
                hiddenText, new Label("layers"), layers, new Label("activation"), activation,
                new Label("optimizer"), optimizer, new Label("loss"), loss, new Label("init"), init,
                new Label("batch"), batch);
        FlowPane data = row(new Label("data"), dataset, new Label("noise"), noise, new Label("points"), samples, newData);
        getChildren().addAll(transport, model, data);
        setPadding(new Insets(6, 8, 6, 8));
        setSpacing(4);
        refreshTexts();
    }

    private void initListeners() {
        learningRate.valueProperty().addListener((o, a, b) -> {
            refreshTexts();
            send.accept(new Command.SetLearningRate(learningRate()));
        });
        hidden.valueProperty().addListener((o, a, b) -> {
            if (Math.round(a.doubleValue()) != Math.round(b.doubleValue())) {
                refreshTexts();
                sendNetwork();
            }
        });
        speed.valueProperty().addListener((o, a, b) -> {
            refreshTexts();
            send.accept(new Command.SetSpeed(speed()));
        });
        layers.valueProperty().addListener((o, a, b) -> sendNetwork());
        activation.valueProperty().addListener((o, a, b) -> sendNetwork());
        loss.valueProperty().addListener((o, a, b) -> sendNetwork());
        init.valueProperty().addListener((o, a, b) -> sendNetwork());
        optimizer.valueProperty().addListener((o, a, b) -> send.accept(new Command.SetOptimizer(b)));
        batch.valueProperty().addListener((o, a, b) -> send.accept(new Command.SetBatchSize(b)));
        dataset.valueProperty().addListener((o, a, b) -> sendData());
        noise.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                sendData();
            }
        });
        samples.valueProperty().addListener((o, a, b) -> sendData());
    }

    /** What the Export SVG button does. */
    public void setOnExportSvg(Runnable action) {
        exportSvg.setOnAction(e -> action.run());
    }

    /** Reflects the session's state: the play button's text and whether controls apply. */
    public void update(Snapshot s) {
        running = s.running();
        play.setText(running ? "Pause" : "Play");
    }

    public double learningRate() {
        return Math.pow(10, learningRate.getValue());
    }

    public int hiddenSize() {
        return (int) Math.round(hidden.getValue());
    }

    double speed() {
        return speed.getValue() >= MAX_LOG_SPEED - 1e-9 ? TrainingSession.UNTHROTTLED : Math.pow(10, speed.getValue());
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

    private void sendNetwork() {
        int[] sizes = new int[layers.getValue()];
        Arrays.fill(sizes, hiddenSize());
        send.accept(new Command.SetNetwork(new NetworkSpec(2, sizes, activation.getValue(), loss.getValue(),
                init.getValue())));
    }

    private void sendData() {
        send.accept(new Command.SetData(dataset.getValue(), samples.getValue(), noise.getValue(), seed));
    }

    private void refreshTexts() {
        learningRateText.setText(String.format(Locale.ROOT, "%.4g", learningRate()));
        hiddenText.setText(Integer.toString(hiddenSize()));
        double s = speed();
        speedText.setText(s == TrainingSession.UNTHROTTLED ? "max" : String.format(Locale.ROOT, "%.0f/s", s));
    }

    private Button button(String text, String id, String tooltip, Command command) {
        Button b = new Button(text);
        b.setId(id);
        tip(b, tooltip);
        b.setOnAction(e -> send.accept(command));
        return b;
    }

    private static void tip(Control c, String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(320);
        c.setTooltip(t);
    }

    private static FlowPane row(Node... nodes) {
        FlowPane p = new FlowPane(8, 4, nodes);
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
