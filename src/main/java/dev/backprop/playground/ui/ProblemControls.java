package dev.backprop.playground.ui;

import dev.backprop.playground.engine.nn.ProblemRules;
import static dev.backprop.playground.ui.ControlRow.group;
import static dev.backprop.playground.ui.ControlRow.tip;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Feature;
import dev.backprop.playground.engine.nn.FeatureSet;
import dev.backprop.playground.engine.nn.Regularization;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.train.Command;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;

/**
 * The problem a network learns, as TF Playground's columns offer it: the problem type
 * (classification or regression, which follows the dataset), the class count for spiral and blobs,
 * the input features (at least one stays on) and the weight penalty with its rate. The control bar
 * owns the commands' sending and the dataset; these controls call it back.
 */
final class ProblemControls {
    /** What the network predicts: a class or a real target. */
    enum Problem {
        CLASSIFICATION("classification"), REGRESSION("regression");

        private final String text;

        Problem(String text) {
            this.text = text;
        }

        static Problem of(DatasetKind kind) {
            return kind.isRegression() ? REGRESSION : CLASSIFICATION;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** What the control bar does for these controls. */
    interface Actions {
        /** Sends a setting (recorded as awaiting confirmation). */
        void setting(Command c);

        /** The features changed: send the network with them. */
        void networkChanged();

        /** The user picked a problem type the dataset is not of: switch to a dataset of that type. */
        void problemChosen(Problem problem);
    }

    /** The rate a penalty starts at when the session has none (TF Playground's smallest non-zero rate). */
    private static final double DEFAULT_RATE = 0.001;

    private final Actions actions;
    /** What each control stands for (shared with the control bar): a listener that sees it sends nothing. */
    private final ControlValues values;
    private final ChoiceBox<Problem> problem = new ChoiceBox<>();
    private final Spinner<Integer> classes = new Spinner<>(2, DatasetKind.MAX_CLASSES, 2);
    private final Map<Feature, ToggleButton> features = new EnumMap<>(Feature.class);
    /** Says why the feature toggles are off on data that is not the plane's two inputs. */
    private final Label featuresOff = new Label();
    private final ChoiceBox<Regularization> regularization = ControlBar.choice(Regularization.values());
    private final Slider rate = new Slider(0, LearningRateScale.size() - 1, LearningRateScale.nearest(DEFAULT_RATE));
    private final Label rateText = new Label();
    ProblemControls(ControlValues values, Actions actions) {
        this.values = values;
        this.actions = actions;
        createView();
        initListeners();
    }

    private void createView() {
        problem.getItems().addAll(Problem.values());
        problem.setValue(Problem.CLASSIFICATION);
        problem.setId("problem");
        tip(problem, "Classification learns a class per point (sigmoid or softmax output); regression learns a real "
                + "target (identity output, mse). Picking one switches to a dataset of that kind.");
        classes.setId("classes");
        classes.setPrefWidth(58);
        tip(classes, "Number of classes, 2 to " + DatasetKind.MAX_CLASSES + ", for spiral (one arm each) and blobs "
                + "(one cluster each); more than 2 trains a softmax with cross-entropy. New data on change.");
        for (Feature f : Feature.values()) {
            ToggleButton b = new ToggleButton(f.symbol());
            b.setId("feature-" + f.id());
            b.getStyleClass().add("feature-toggle");
            tip(b, "Feed " + f.symbol() + " to the first layer (x1 and x2 are the point's coordinates). At least one "
                    + "feature stays on; a change builds a new network.");
            features.put(f, b);
        }
        regularization.setValue(Regularization.NONE);
        regularization.setId("regularization");
        tip(regularization, "A penalty on the weights (not the biases) added to the loss: l2 = rate \u00b7 \u00bd\u03a3w\u00b2 "
                + "pulls every weight toward 0, l1 = rate \u00b7 \u03a3|w| sets small ones to 0. The weights are kept.");
        rate.setMajorTickUnit(1);
        rate.setMinorTickCount(0);
        rate.setSnapToTicks(true);
        rate.setBlockIncrement(1);
        rate.setShowTickMarks(true);
        rate.setPrefWidth(100);
        rate.setId("regularization-rate");
        rateText.setId("regularization-rate-text");
        rateText.setMinWidth(ControlRow.VALUE_WIDTH);
        tip(rate, "The penalty's rate: 1-2-5 steps from 0.0001 to 10 (Up / Down move one notch). The chart then "
                + "shows the total loss, data plus penalty.");
        rateText.setText(LearningRateScale.format(rateValue()));
        showRegularizationEnabled();
    }

    private void initListeners() {
        problem.valueProperty().addListener((o, a, b) -> {
            if (values.changedByUser(problem, b)) {
                actions.problemChosen(b);
            }
        });
        classes.valueProperty().addListener((o, a, b) -> {
            if (values.changedByUser(classes, b)) {
                actions.setting(new Command.SetClasses(b));
            }
        });
        for (ToggleButton b : features.values()) {
            b.selectedProperty().addListener((o, was, on) -> {
                if (!values.changedByUser(b, on)) {
                    return;
                }
                if (!on && features.values().stream().noneMatch(ToggleButton::isSelected)) {
                    values.show(b, true, () -> b.setSelected(true)); // a network needs at least one input
                    return;
                }
                actions.networkChanged();
            });
        }
        regularization.valueProperty().addListener((o, a, b) -> {
            showRegularizationEnabled();
            if (values.changedByUser(regularization, b)) {
                sendRegularization();
            }
        });
        SliderSettle.install(rate, Math::rint, true, notch -> {
            rateText.setText(LearningRateScale.format(rateValue()));
            if (values.changedByUser(rate, notch)) {
                sendRegularization();
            }
        });
    }

    /** The data's labelled groups, for the settings panel's Data section: problem type and classes. */
    List<Node> dataGroups() {
        return List.of(group(new Label("problem"), problem), group(new Label("classes"), classes));
    }

    /** The feature toggles, one group: the settings panel's Features section. */
    Node featureGroup() {
        featuresOff.setId("features-off");
        featuresOff.setWrapText(true);
        featuresOff.setVisible(false);
        featuresOff.setManaged(false);
        Node[] nodes = java.util.stream.Stream.concat(features.values().stream(), java.util.stream.Stream.of(featuresOff))
                .toArray(Node[]::new);
        return group(nodes);
    }

    /**
     * The feature toggles follow the data: they are functions of the plane's two inputs, so on other
     * data (pictures, a wider table) they are disabled and a label says why. Sends nothing.
     */
    void followInputs(dev.backprop.playground.engine.data.Inputs inputs) {
        boolean plane = inputs.isPlanar();
        features.values().forEach(b -> b.setDisable(!plane));
        featuresOff.setText(plane ? "" : "features are functions of x1, x2: the data has " + inputs.describe()
                + ", so the network takes them as they are");
        featuresOff.setVisible(!plane);
        featuresOff.setManaged(!plane);
    }

    /** The penalty and its rate, one group: the settings panel's Regularization section. */
    Node regularizationGroup() {
        return group(regularization, rate, rateText);
    }

    // ---- the session's config into the controls ---------------------------------------------------

    /** The problem type and class count of {@code c}'s data. Sends nothing. */
    void showData(TrainingConfig c) {
        showProblem(Problem.of(c.dataset()));
        showClasses(c.classes());
        classes.setDisable(!c.dataset().takesClassCount());
    }

    private void showProblem(Problem p) {
        values.show(problem, p, () -> problem.setValue(p));
    }

    /** The class count, when there is one (not for regression). */
    private void showClasses(int k) {
        if (k >= 2) {
            int shown = ControlValues.within(classes, k); // the digits' 10 shows as 6 (the spinner is off then)
            values.show(classes, shown, () -> classes.getValueFactory().setValue(shown));
        }
    }

    /**
     * The user picked {@code kind} (not sent yet): the problem type follows it, and the class count
     * shows what the session will give it ({@code classesBefore} kept for spiral and blobs, as
     * {@link TrainingConfig#withData} does). Sends nothing.
     */
    void followDataset(DatasetKind kind, int classesBefore) {
        showProblem(Problem.of(kind));
        showClasses(ProblemRules.classesFor(kind, classesBefore)); // the session's rule, read
        classes.setDisable(!kind.takesClassCount());
    }

    /** The feature toggles of {@code set}. Sends nothing. */
    void showFeatures(FeatureSet set) {
        features.forEach((f, b) -> values.show(b, set.contains(f), () -> b.setSelected(set.contains(f))));
    }

    /** The penalty and its rate (the slider keeps its notch when there is no penalty). Sends nothing. */
    void showRegularization(Regularization kind, double r) {
        values.show(regularization, kind, () -> regularization.setValue(kind));
        if (kind != Regularization.NONE && !rate.isValueChanging()) {
            int notch = LearningRateScale.nearest(r);
            values.show(rate, (double) notch, () -> rate.setValue(notch));
            rateText.setText(LearningRateScale.format(r));
        }
        showRegularizationEnabled();
    }

    // ---- the controls' values ---------------------------------------------------------------------

    /** The class count shown (for spiral and blobs). */
    int classes() {
        return classes.getValue();
    }

    /** The features switched on, in the enum's order. */
    FeatureSet features() {
        EnumSet<Feature> on = EnumSet.noneOf(Feature.class);
        features.forEach((f, b) -> {
            if (b.isSelected()) {
                on.add(f);
            }
        });
        return on.isEmpty() ? FeatureSet.RAW : FeatureSet.of(on);
    }

    /** The penalty rate the slider stands at: one of the 1-2-5 notches. */
    double rateValue() {
        return LearningRateScale.value((int) Math.rint(rate.getValue()));
    }

    private void sendRegularization() {
        if (regularization.getValue() != null) {
            Regularization kind = regularization.getValue();
            actions.setting(new Command.SetRegularization(kind, kind == Regularization.NONE ? 0 : rateValue()));
        }
    }

    private void showRegularizationEnabled() {
        boolean off = regularization.getValue() == null || regularization.getValue() == Regularization.NONE;
        rate.setDisable(off);
        rateText.setDisable(off);
    }
}
