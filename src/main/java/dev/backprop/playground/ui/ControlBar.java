package dev.backprop.playground.ui;

import dev.backprop.playground.engine.nn.ProblemRules;
import static dev.backprop.playground.ui.ControlRow.group;
import static dev.backprop.playground.ui.ControlRow.tip;

import dev.backprop.playground.engine.Named;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.train.DataChoice;
import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.OptimizerSettings;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.Snapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Every training control, each sending a {@link Command}. The toolbar holds what a first run needs:
 * the {@link TransportRow} (play/pause, steps, reset, speed, step-through), learning rate, hidden
 * size, layers, activation and dataset; the {@link SettingsPanel} under it (folded away by default
 * in the window) holds the rest. The settings: learning rate (1-2-5 notches, live:
 * weights kept), hidden size and layers (rebuild on release), activation, optimizer, loss, init,
 * batch size, and the data (dataset, noise, count). The controls follow the session's config from each snapshot (after a load, a reset,
 * a rebuild) without sending anything back ({@link ControlValues}); a setting sent shows the user's value until a snapshot
 * acknowledges its sequence number ({@link PendingSettings}), then the session's.
 */
public final class ControlBar extends VBox {
    public static final String STYLE_CLASS = "control-bar";
    /** "full" is the largest batch a session takes: no app data set has more training points, so it is the whole set. */
    private static final int FULL_BATCH = dev.backprop.playground.engine.nn.Limits.APP_MAX_SAMPLES;
    private static final Integer[] BATCHES = {1, 4, 16, 32, 64, 256, FULL_BATCH};

    private final ToLongFunction<Command> send;
    /** What each control stands for: a listener that sees that value was not moved by the user. */
    private final ControlValues values = new ControlValues();
    private final TransportRow transport;
    private final Slider learningRate = new Slider(0, LearningRateScale.size() - 1, 0);
    private final Label learningRateText = new Label();
    /** The hidden-size slider's reach: an image network's 512 units (784-512-10 has 407,050 parameters). */
    static final int MAX_HIDDEN = 512;
    private final Slider hidden = new Slider(1, MAX_HIDDEN, 50);
    private final Label hiddenText = new Label();
    private final Spinner<Integer> layers = new Spinner<>(0, 4, 1); // 0: logistic / softmax / linear regression
    private final ChoiceBox<Activation> activation = choice(Activation.values());
    private final ChoiceBox<OptimizerKind> optimizer = choice(OptimizerKind.values());
    private final ChoiceBox<Loss> loss = choice(Loss.values());
    private final ChoiceBox<Initializer> init = InitChoice.create();
    private final MomentumField momentum = new MomentumField(this::sendMomentum);
    private final ThresholdField threshold = new ThresholdField(t -> sendNetwork());
    private final ChoiceBox<Integer> batch = new ChoiceBox<>();
    private final ChoiceBox<DataChoice> dataset = dataChoices();
    private final ChoiceBox<TrainingOrder> order = choice(TrainingOrder.values());
    /** Shown while the points are the user's own, not the dataset the choice names. */
    private final Label ownDataTag = new Label("your points");
    private final Slider noise = new Slider(0, 0.5, 0.1);
    private final Label noiseText = new Label();
    private final Spinner<Integer> samples = new Spinner<>(50, 5000, 2000, 50);
    private final ProblemControls problem = new ProblemControls(values, new ProblemControls.Actions() {
        @Override
        public void setting(Command c) {
            ControlBar.this.setting(c);
        }

        @Override
        public void networkChanged() {
            sendNetwork();
        }

        @Override
        public void problemChosen(ProblemControls.Problem p) {
            // a dataset of the other kind: the session gives it the head that fits
            DatasetKind kind = ProblemRules.datasetFor(p == ProblemControls.Problem.REGRESSION);
            dataset.setValue(DataChoice.of(kind, 2));
        }
    });
    /** Everything not in the toolbar, folded away behind its toggle. */
    private SettingsPanel settings;
    /** The settings sent that no snapshot has acknowledged yet: their controls keep the user's value. */
    private final PendingSettings pending = new PendingSettings();
    private long seed;
    private Snapshot lastSnapshot;
    private TrainingConfig shownConfig;

    /** @param send queues a command and returns its sequence number (TrainingSession::send) */
    public ControlBar(ToLongFunction<Command> send, TrainingConfig initial) {
        this.send = send;
        this.transport = new TransportRow(send);
        getStyleClass().add(STYLE_CLASS);
        createView();
        showConfig(initial, 0);
        initListeners();
        for (javafx.scene.Node n : lookupAll(".slider")) {
            SliderKeys.install((Slider) n);
        }
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
                return b == null ? "" : b >= FULL_BATCH ? "full" : b.toString();
            }

            @Override
            public Integer fromString(String s) {
                return s.equals("full") ? FULL_BATCH : Integer.valueOf(s);
            }
        });
        samples.setEditable(true);
        layers.setPrefWidth(58);
        samples.setPrefWidth(84);
        learningRate.setPrefWidth(104);
        hidden.setPrefWidth(96);
        noise.setPrefWidth(90);
        optimizer.setPrefWidth(96);
        init.setPrefWidth(150); // its longest choices: auto (He, Xavier), normal (seed 000)
        activation.setPrefWidth(76);
        loss.setPrefWidth(64);
        batch.setPrefWidth(64);
        dataset.setPrefWidth(118);
        // value texts keep their width, so the row does not jump while a slider moves
        for (Label l : new Label[] {learningRateText, hiddenText, noiseText}) {
            l.setMinWidth(ControlRow.VALUE_WIDTH);
        }

        ownDataTag.setId("own-data");
        ownDataTag.getStyleClass().add("own-data-tag");
        ownDataTag.setVisible(false);
        ownDataTag.setManaged(false);
        tip(ownDataTag, "The plane holds your points (imported, drawn, or opened with an experiment or a run), not "
                + "the generated dataset named beside: Reset keeps them; New data, another dataset, noise or points "
                + "draw generated points instead.");

        Button newData = new Button("New data");
        newData.setId("new-data");
        tip(newData, "Draw a fresh dataset (next seed) with the chosen kind, noise and count; the network restarts.");
        newData.setOnAction(e -> {
            seed++;
            sendData();
        });

        learningRate.setId("learning-rate");
        hidden.setId("hidden-size");
        layers.setId("layers");
        activation.setId("activation");
        optimizer.setId("optimizer");
        loss.setId("loss");
        init.setId("init");
        batch.setId("batch");
        dataset.setId("dataset");
        order.setId("order");
        noise.setId("noise");
        samples.setId("samples");
        learningRateText.setId("learning-rate-text");
        hiddenText.setId("hidden-size-text");
        noiseText.setId("noise-text");
        tip(learningRate, "How far each step moves the weights: 1-2-5 steps from 0.0001 to 10 (Up / Down move one notch). "
                + "Changing it keeps the weights.");
        tip(hidden, "Neurons per hidden layer (1 to " + MAX_HIDDEN + "). Releasing the slider builds a new network; the chart marks where.");
        tip(layers, "Number of hidden layers, each with the same number of neurons.");
        tip(activation, "The hidden layers' nonlinearity: relu, tanh or sigmoid. The output follows the problem: "
                + "a sigmoid (2 classes), a softmax (ce) or the identity (regression). With 0 layers (a single "
                + "neuron) none applies and the choice is off.");
        tip(optimizer, "torch.optim's rules. sgd: plain steps; momentum: the velocity keeps mu of itself (the field "
                + "beside; 0.9, seed 003 uses 0.5); rmsprop: steps divided by a running RMS of the gradient (alpha 0.99); "
                + "adagrad: by the root of all squared gradients so far; adam: momentum and RMS with bias corrections.");
        tip(loss, "Only the losses that fit the data are offered. bce: binary cross-entropy (sigmoid, 2 classes); "
                + "ce: cross-entropy over a softmax (2 to 6 classes); mse: squared error (on the probability, or on "
                + "the target for regression); with no hidden layer, seed 004's single neurons: perceptron (a unit step at the "
                + "threshold beside, the perceptron rule) and adaline (identity, mean (y \u2212 z)\u00b2).");
        tip(init, "How weights start: auto (He for relu, Xavier for tanh and sigmoid: learns at any depth), normal "
                + "(std 1 with drawn biases, seed 000's randn), normal:0.01 (seeds 002, 004), uniform:1 (micrograd), "
                + "zeros, xavier or he. Biases start at zero except with seed 000's normal.");
        tip(order, "How the training set is walked: steps draw an example (or a batch) at random each step, as seed "
                + "000 does; epochs pass over the whole set in batches, shuffled at each epoch or in the data's order "
                + "(seed 004's perceptron). By epochs the chart's axis reads epochs.");
        tip(batch, "Examples per step: 1 picks a random example each step, as the seed does; full uses the whole training set.");
        tip(dataset, "The data: on the plane moons, circles, xor, spiral and blobs (2 to 6 classes) and iris (3) to "
                + "classify, plane and gauss to regress, each with its own noise; line (seed 003) and quadratic (seed 001) "
                + "have one input x, drawn as y against x with the network's curve; read: iris with its 4 measurements, "
                + "the 8x8 digits and Fashion-MNIST's 28x28 garments (10 classes; the full set where Debian's "
                + "dataset-fashion-mnist put it). The network's inputs and head follow the data.");
        tip(noise, "Standard deviation of the Gaussian jitter added to the points (0 to 0.5); new data on release.");
        tip(samples, "Number of points (50 to 5000); 20% are held out as the test set (rings in the plot).");
        SpinnerValidation.install(samples, "points");

        // the toolbar: what a first run needs, in one row where the window allows; the rest folds away
        ControlRow toolbar = new ControlRow();
        toolbar.setId("toolbar");
        toolbar.getChildren().addAll(transport.groups());
        toolbar.getChildren().addAll(group(new Label("learning rate"), learningRate, learningRateText),
                group(new Label("hidden"), hidden, hiddenText), group(new Label("layers"), layers),
                group(new Label("activation"), activation), group(new Label("data"), dataset, ownDataTag));
        settings = new SettingsPanel(List.of(
                new SettingsPanel.Section("Data", Stream.concat(Stream.of(group(new Label("noise"), noise, noiseText),
                        group(new Label("points"), samples), newData), problem.dataGroups().stream()).toList()),
                new SettingsPanel.Section("Features", problem.featureGroup()),
                new SettingsPanel.Section("Network", group(new Label("init"), init), group(new Label("loss"), loss, threshold)),
                new SettingsPanel.Section("Training", group(new Label("optimizer"), optimizer, momentum),
                        group(new Label("batch"), batch), group(new Label("by"), order)),
                new SettingsPanel.Section("Regularization", problem.regularizationGroup()),
                new SettingsPanel.Section("Graph", transport.exportSvg())));
        toolbar.getChildren().add(settings.toggle());
        getChildren().add(toolbar);
        settings.placeIn(this);
        setPadding(new Insets(6, 8, 6, 8));
        setSpacing(4);
    }

    private void initListeners() {
        SliderSettle.install(learningRate, Math::rint, true, notch -> {
            learningRateText.setText(LearningRateScale.format(learningRate()));
            if (values.changedByUser(learningRate, notch)) {
                setting(new Command.SetLearningRate(learningRate()));
            }
        });
        // a rebuild per integer passed would leave a chart mark per integer: rebuild on release, but
        // the label follows the thumb so the user sees the size they are choosing
        hidden.valueProperty().addListener((o, a, b) -> {
            if (hidden.isValueChanging()) {
                hiddenText.setText(Integer.toString(hiddenSize()));
            }
        });
        SliderSettle.install(hidden, Math::rint, false, size -> {
            if (values.changedByUser(hidden, size)) {
                hiddenText.setText(Integer.toString(hiddenSize()));
                sendNetwork();
            }
        });
        SliderSettle.install(noise, ControlBar::roundNoise, false, v -> {
            if (values.changedByUser(noise, v)) {
                noiseText.setText(String.format(Locale.ROOT, "%.2f", v));
                sendData();
            }
        });
        layers.valueProperty().addListener((o, a, b) -> {
            activation.setDisable(b == 0); // a single neuron has no hidden layer: no nonlinearity applies
            if (values.changedByUser(layers, b)) {
                sendNetwork();
            }
        });
        activation.valueProperty().addListener((o, a, b) -> {
            if (values.changedByUser(activation, b)) {
                sendNetwork();
            }
        });
        loss.valueProperty().addListener((o, a, b) -> {
            threshold.setDisable(b != Loss.PERCEPTRON);
            if (values.changedByUser(loss, b)) {
                sendNetwork();
            }
        });
        init.valueProperty().addListener((o, a, b) -> {
            if (values.changedByUser(init, b)) {
                sendNetwork();
            }
        });
        optimizer.valueProperty().addListener((o, a, b) -> {
            momentum.setDisable(b != OptimizerKind.MOMENTUM);
            if (values.changedByUser(optimizer, b)) {
                setting(new Command.SetOptimizer(b));
            }
        });
        batch.valueProperty().addListener((o, a, b) -> {
            if (values.changedByUser(batch, b)) {
                setting(new Command.SetBatchSize(b));
            }
        });
        order.valueProperty().addListener((o, a, b) -> {
            if (values.changedByUser(order, b)) {
                setting(new Command.SetEpochs(b.epochs()));
            }
        });
        dataset.valueProperty().addListener((o, a, b) -> {
            if (values.changedByUser(dataset, b)) {
                datasetChosen(a, b);
            }
        });
        samples.valueProperty().addListener((o, a, b) -> {
            if (values.changedByUser(samples, b)) {
                sendData();
            }
        });
    }

    /** What the Export SVG button does. */
    public void setOnExportSvg(Runnable action) {
        transport.setOnExportSvg(action);
    }

    /**
     * Reflects the session: the transport row follows {@code running} and explains a divergence, and
     * the settings show the config in force (unless the user just changed one and the engine has not
     * applied it yet).
     */
    public void update(Snapshot s) {
        if (s.data() != null && (lastSnapshot == null || lastSnapshot.data() != s.data())) {
            problem.followInputs(s.data().all().inputs());
        }
        lastSnapshot = s;
        transport.update(s);
        if (ownDataTag.isVisible() != s.ownData()) {
            ownDataTag.setVisible(s.ownData());
            ownDataTag.setManaged(s.ownData());
        }
        if (s.config() != shownConfig || !pending.isEmpty()) {
            showConfig(s.config(), s.appliedSeq());
        }
    }

    /** The learning rate the slider stands at: exactly one of the 1-2-5 values. */
    public double learningRate() {
        return LearningRateScale.value((int) Math.rint(learningRate.getValue()));
    }

    public int hiddenSize() {
        return (int) Math.round(hidden.getValue());
    }

    /** The settings panel (opened or folded away by the toolbar's Settings toggle). */
    SettingsPanel settings() {
        return settings;
    }

    /** The control with this id in the toolbar or the settings panel, even while the panel is folded away. */
    Node control(String id) {
        Node inToolbar = lookup("#" + id);
        return inToolbar != null ? inToolbar : settings.control(id);
    }

    /** Why Play is refused, for the window's status area. */
    Label refusal() {
        return transport.refusal();
    }

    /** New weights from the seed (the R key), as the Reset button. */
    void reset() {
        transport.reset();
    }

    /** Play, or Pause while running or asked to run (the Space key). */
    void togglePlay() {
        transport.togglePlay();
    }

    double speed() {
        return transport.speed();
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
        return transport.speedSlider();
    }

    // ---- the session's config into the controls --------------------------------------------------

    /**
     * Sets every control from {@code c}, but those whose last setting sent is above {@code appliedSeq}
     * (the engine has not dealt with it yet: they keep the user's value); sends nothing.
     */
    private void showConfig(TrainingConfig c, long appliedSeq) {
        shownConfig = c;
        if (!pending.awaiting(Command.SetLearningRate.class, appliedSeq) && !learningRate.isValueChanging()) {
            int notch = LearningRateScale.nearest(c.learningRate());
            values.show(learningRate, (double) notch, () -> learningRate.setValue(notch));
            learningRateText.setText(LearningRateScale.format(c.learningRate())); // the true rate, on the ladder or not
        }
        boolean awaitingNetwork = pending.awaiting(Command.SetNetwork.class, appliedSeq) || hidden.isValueChanging();
        if (!awaitingNetwork) {
            showNetwork(c.network());
        }
        if (!pending.awaiting(Command.SetOptimizer.class, appliedSeq)) {
            values.show(optimizer, c.optimizer(), () -> optimizer.setValue(c.optimizer()));
        }
        if (!pending.awaiting(Command.SetOptimizerSettings.class, appliedSeq)) {
            momentum.show(c.optimizerSettings().momentum());
        }
        momentum.setDisable(optimizer.getValue() != OptimizerKind.MOMENTUM);
        if (!pending.awaiting(Command.SetBatchSize.class, appliedSeq)) {
            values.show(batch, c.batchSize(), () -> {
                if (!batch.getItems().contains(c.batchSize())) {
                    batch.getItems().add(c.batchSize());
                    batch.getItems().sort(null);
                }
                batch.setValue(c.batchSize());
            });
        }
        if (!pending.awaiting(Command.SetEpochs.class, appliedSeq)) {
            TrainingOrder o = TrainingOrder.of(c.epochs());
            values.show(order, o, () -> order.setValue(o));
        }
        boolean awaitingClasses = pending.awaiting(Command.SetClasses.class, appliedSeq);
        // both asked (not ||): an acknowledged one is forgotten
        boolean awaitingData = pending.awaiting(Command.SetData.class, appliedSeq)
                | pending.awaiting(Command.ChooseData.class, appliedSeq);
        if (!awaitingData && !noise.isValueChanging()) {
            seed = c.seed();
            var all = lastSnapshot == null || lastSnapshot.data() == null ? null : lastSnapshot.data().all();
            DataChoice shownData = DataChoice.of(c.dataset(), all == null ? 2 : all.width(), all == null ? 1 : all.targets());
            if (shownData != null) {
                values.show(dataset, shownData, () -> dataset.setValue(shownData));
            }
            if (!awaitingClasses) {
                problem.showData(c);
            }
            double shownNoise = ControlValues.within(noise, c.noise());
            values.show(noise, roundNoise(shownNoise), () -> noise.setValue(shownNoise));
            noiseText.setText(String.format(Locale.ROOT, "%.2f", c.noise()));
            if (!SpinnerValidation.isInvalid(samples)) {
                int points = ControlValues.within(samples, c.samples());
                values.show(samples, points, () -> samples.getValueFactory().setValue(points));
            }
        }
        if (!pending.awaiting(Command.SetRegularization.class, appliedSeq)) {
            problem.showRegularization(c.regularization(), c.regularizationRate());
        }
        showLossChoices(dataClasses());
        if (!awaitingNetwork) {
            showLoss(c.network().loss()); // again: the choices may have been replaced just now
        }
    }

    private void showNetwork(NetworkSpec n) {
        int[] sizes = n.hidden();
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                (SpinnerValueFactory.IntegerSpinnerValueFactory) layers.getValueFactory();
        // a loaded model may have more layers than the spinner offers, or none: widen it rather than lie
        // (widened before the value is set, narrowed after: a narrowing first would move the value)
        int max = Math.max(4, sizes.length);
        values.show(layers, sizes.length, () -> {
            f.setMin(0);
            f.setMax(Math.max(max, f.getMax()));
            f.setValue(sizes.length);
            f.setMax(max);
        });
        if (sizes.length > 0) {
            double size = Math.rint(ControlValues.within(hidden, sizes[0]));
            values.show(hidden, size, () -> hidden.setValue(size));
        }
        hiddenText.setText(Arrays.stream(sizes).allMatch(h -> h == sizes[0])
                ? sizes.length == 0 ? "none" : Integer.toString(sizes[0])
                : Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        values.show(activation, n.activation(), () -> activation.setValue(n.activation()));
        activation.setDisable(sizes.length == 0); // the engine applies none to a single neuron
        showLoss(n.loss());
        threshold.show(n.head().threshold());
        threshold.setDisable(n.loss() != Loss.PERCEPTRON);
        problem.showFeatures(n.features());
        values.show(init, n.init(), () -> InitChoice.show(init, n.init()));
    }

    private void showLoss(Loss l) {
        values.show(loss, l, () -> loss.setValue(l));
    }

    // ---- controls into commands -----------------------------------------------------------------

    /** Sends a setting the user chose; its control keeps the user's value until the engine has dealt with it. */
    private void setting(Command c) {
        pending.sent(c, send.applyAsLong(c));
    }

    private void sendMomentum(double mu) {
        OptimizerSettings now = shownConfig != null ? shownConfig.optimizerSettings() : OptimizerSettings.DEFAULTS;
        setting(new Command.SetOptimizerSettings(now.withMomentum(mu)));
    }

    private void sendNetwork() {
        int[] sizes = new int[layers.getValue()];
        Arrays.fill(sizes, hiddenSize());
        int classes = dataClasses();
        // the head is built for the data the controls show: the session refuses one that does not fit
        Head head = ProblemRules.headFor(loss.getValue(), classes);
        if (head.kind() == Head.Kind.PERCEPTRON) {
            head = head.withThreshold(threshold.value());
        }
        setting(new Command.SetNetwork(new NetworkSpec(problem.features(), sizes, activation.getValue(), head,
                init.getValue())));
    }

    /**
     * The user picked {@code chosen} (was {@code before}): its own noise, the problem type and the
     * losses that fit it, then new data (the session gives the network the head that fits).
     */
    private void datasetChosen(DataChoice before, DataChoice chosen) {
        int classesBefore = before == null ? 2 : classesOf(before.kind());
        double defaultNoise = chosen.kind().defaultNoise();
        values.show(noise, roundNoise(defaultNoise), () -> noise.setValue(defaultNoise));
        noiseText.setText(String.format(Locale.ROOT, "%.2f", defaultNoise));
        problem.followDataset(chosen.kind(), classesBefore);
        Head now = ProblemRules.headFor(loss.getValue(), classesBefore);
        int classes = dataClasses();
        showLossChoices(classes);
        showLoss(ProblemRules.headOnNewData(now, classes).loss()); // the head the session will give the data
        sendData();
    }

    /** Classes of the data the controls show: the count for spiral and blobs, else the dataset's own (0: regression). */
    private int dataClasses() {
        DataChoice choice = dataset.getValue();
        return choice == null ? 2 : classesOf(choice.kind());
    }

    private int classesOf(DatasetKind kind) {
        return ProblemRules.classesFor(kind, problem.classes());
    }

    /** Offers only the losses that fit {@code classes}: the UI never sends a head the session would refuse. */
    private void showLossChoices(int classes) {
        List<Loss> fitting = ProblemRules.lossesFor(classes);
        if (!loss.getItems().equals(fitting)) {
            Loss was = loss.getValue();
            loss.getItems().setAll(fitting); // may clear the value: a null is nobody's choice
            showLoss(ProblemRules.lossFor(was, classes));
        }
    }

    private void sendData() {
        DataChoice choice = dataset.getValue();
        setting(choice.generated()
                ? new Command.SetData(choice.kind(), samples.getValue(), roundNoise(noise.getValue()), seed)
                : new Command.ChooseData(choice)); // read, not generated: noise and count do not apply
    }

    /** The dataset box: the plane's generated datasets, then the tables and pictures that are read. */
    private static ChoiceBox<DataChoice> dataChoices() {
        ChoiceBox<DataChoice> box = new ChoiceBox<>();
        box.getItems().addAll(DataChoice.values());
        return box;
    }

    /** Noise in hundredths, as the slider's ticks: 0.13, not 0.13000000000000003. */
    private static double roundNoise(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A choice box of enum values shown by their ids (the command line's names). */
    @SafeVarargs
    static <E extends Enum<E> & Named> ChoiceBox<E> choice(E... values) {
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
