package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Feature;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.Regularization;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.Confusion;
import dev.backprop.playground.train.Snapshot;
import dev.backprop.playground.train.TrainingSession;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Problem types in the whole app, headless: classes, regression, features, a penalty, a refused head. */
class ProblemAppTest extends AppHarness {

    /** A 1280-px screen's window: the controls must fit it. */
    ProblemAppTest() {
        super(1280, 760);
    }

    private void waitForFx(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }


    @Test
    void aThreeClassSpiralTrainsASoftmaxAndItsConfusionMatrixCountsTheTrainingSet() throws Exception {
        interact(() -> choice("#dataset").setValue(dev.backprop.playground.train.DataChoice.SPIRAL));
        waitFor("spiral", s -> s.config().dataset() == DatasetKind.SPIRAL);
        Spinner<?> classes = control("#classes");
        assertFalse(classes.isDisabled(), "spiral takes a class count");
        interact(() -> ((Spinner<Integer>) classes).getValueFactory().setValue(3));
        Snapshot s = waitFor("3 classes", x -> x.config().classes() == 3);
        assertEquals(Head.multiclass(3), s.config().network().head());
        assertEquals(3, s.config().network().head().outputs());
        Snapshot shown = s;
        assertTrue(s.graph().nodes().stream().map(GraphNode::op).anyMatch("softmax"::equals),
                () -> "the graph shows the softmax head: " + shown.graph().nodes().stream().map(n -> n.label() + "/" + n.op()).toList());
        assertEquals(Loss.CE, choice("#loss").getValue());
        assertEquals(java.util.List.of(Loss.CE), choice("#loss").getItems(), "only ce fits 3 classes");

        session().send(new Command.Step(500));
        s = waitFor("500 steps with a matrix", x -> x.step() == 500 && x.confusion().step() == 500);
        Confusion c = s.confusion();
        int train = s.data().train().size();
        assertEquals(3, c.classes());
        assertEquals(train, c.total());
        waitForFx("the matrix shown", () -> view.confusion().shown() == c || view.confusion().shown().step() >= 500);
        int sum = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int ii = i;
                int jj = j;
                sum += Integer.parseInt(interactAndGet(() -> view.confusion().cellText(ii, jj)));
            }
        }
        assertEquals(train, sum, "the 3x3 cells on screen add up to the training points");
        assertTrue(view.confusion().isVisible());
        assertTrue(view.chart().showsAccuracy());
    }

    @Test
    void choosingRegressionSwitchesToPlaneAndHidesAccuracy() throws Exception {
        interact(() -> choice("#problem").setValue(ProblemControls.Problem.REGRESSION));
        Snapshot s = waitFor("plane", x -> x.config().dataset() == DatasetKind.PLANE);
        assertEquals(Head.regression(), s.config().network().head());
        assertEquals(0, s.config().classes());
        waitForFx("the chart without accuracy", () -> !view.chart().showsAccuracy());
        assertFalse(view.confusion().isVisible(), "no confusion matrix for regression");
        assertEquals(java.util.List.of(Loss.MSE), choice("#loss").getItems());
        assertTrue(this.<Spinner<?>>control("#classes").isDisabled());

        // and back: a classification dataset picks classification
        interact(() -> choice("#dataset").setValue(dev.backprop.playground.train.DataChoice.CIRCLES));
        s = waitFor("circles", x -> x.config().dataset() == DatasetKind.CIRCLES);
        assertEquals(Head.binary(), s.config().network().head());
        assertEquals(ProblemControls.Problem.CLASSIFICATION, choice("#problem").getValue());
        waitForFx("the chart with accuracy", () -> view.chart().showsAccuracy());
    }

    @Test
    void togglingFeaturesRebuildsTheNetworkWithThatManyInputs() throws Exception {
        // the features live in the settings panel, which a window may remember folded or open
        interact(() -> view.controls().settings().setShown(true));
        clickOn("#feature-x1sq");
        clickOn("#feature-x2sq");
        Snapshot s = waitFor("4 inputs", x -> x.config().network().inputSize() == 4);
        assertTrue(s.config().network().features().contains(Feature.X1SQ));
        assertTrue(s.config().network().features().contains(Feature.X2SQ));
        assertEquals(4, s.config().network().inputSize());
        assertTrue(s.message().startsWith("network rebuilt"), s.message());

        // the last feature on stays on
        clickOn("#feature-x1");
        clickOn("#feature-x2");
        clickOn("#feature-x1sq");
        s = waitFor("1 input", x -> x.config().network().inputSize() == 1);
        clickOn("#feature-x2sq");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(this.<ToggleButton>control("#feature-x2sq").isSelected(), "a network needs an input");
        Thread.sleep(300);
        assertEquals(1, session().latest().config().network().inputSize());
    }

    @Test
    void anL2PenaltyShowsTheTotalLoss() throws Exception {
        assertFalse(view.chart().showsTotalLoss());
        Slider rate = control("#regularization-rate");
        interact(() -> choice("#regularization").setValue(Regularization.L2));
        interact(() -> rate.setValue(LearningRateScale.nearest(0.01)));
        Snapshot s = waitFor("l2 0.01", x -> x.config().regularization() == Regularization.L2
                && x.config().regularizationRate() == 0.01);
        assertTrue(s.message().contains("l2"), s.message());
        waitForFx("the total-loss series", () -> view.chart().showsTotalLoss());
        session().send(new Command.Step(500));
        s = waitFor("500 steps", x -> x.step() == 500);
        assertTrue(s.latest().penalty() > 0, "the penalty is measured");
        assertTrue(s.latest().trainTotal() > s.latest().trainLoss());

        interact(() -> choice("#regularization").setValue(Regularization.NONE));
        waitFor("no penalty", x -> x.config().regularization() == Regularization.NONE);
        waitForFx("no total-loss series", () -> !view.chart().showsTotalLoss());
    }

    @Test
    void aLossThatDoesNotFitTheDataIsRefusedAndNothingChanges() throws Exception {
        Snapshot before = waitFor("the first snapshot", x -> x.config() != null);
        TrainingConfig config = before.config();
        NetworkSpec regression = config.network().withHead(Head.regression());
        session().send(new Command.SetNetwork(regression));
        Snapshot after = waitFor("a refusal", x -> x.problem() != null);
        assertEquals(Snapshot.Problem.Kind.REFUSED, after.problem().kind());
        assertTrue(after.problem().text().contains("does not fit moons"), after.problem().text());
        assertEquals(config, after.config(), "nothing changed");
        assertEquals(before.configVersion(), after.configVersion());
        assertTrue(after.rebuilds().isEmpty(), "no rebuild");
        waitForFx("the banner", () -> lookup("#divergence-banner").queryLabeled().getText().contains("does not fit"));
        assertEquals(Loss.BCE, choice("#loss").getValue(), "the loss control stays");
    }

    private <T> T interactAndGet(java.util.concurrent.Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(5, TimeUnit.SECONDS);
    }
}
