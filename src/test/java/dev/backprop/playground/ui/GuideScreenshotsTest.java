package dev.backprop.playground.ui;

import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.expr.Presets;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.DataChoice;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes the user guide's pictures of the network pane when {@code -Dscreenshots.dir=DIR} is set (skipped
 * otherwise), in the 1400x900 window a 1600x1000 screen opens: the neuron view and its step-through, a
 * 3-class spiral, a regression, a traced point, the expression lab, a scrubbed timeline and
 * points added in edit mode.
 * {@code mvn -o test-compile surefire:test -Dtest=GuideScreenshotsTest -Dscreenshots.dir=assets}.
 */
class GuideScreenshotsTest extends ScreenshotHarness {
    @Test
    void neuronViewAndItsStepThrough() throws Exception {
        choose(DataChoice.CIRCLES);
        NetworkSpec spec = new NetworkSpec(2, new int[] {8, 8}, Activation.TANH, Loss.BCE, Initializer.XAVIER);
        session().send(new Command.SetNetwork(spec));
        waitFor("2-8-8-1 tanh", s -> s.config().network().equals(spec));
        adam(8);
        train(3000);
        clickOn("#view-neurons");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.graphPane().graph().isNeuronView());
        GraphAndLabTest.waitForLayout(view.graphPane());
        SceneShot.save(view.getScene(), DIR, "screenshot-neurons.png");
        stepThrough(12);
        SceneShot.save(view.getScene(), DIR, "screenshot-neurons-backprop.png");
    }

    @Test
    void threeArmSpiral() throws Exception {
        choose(DataChoice.SPIRAL);
        session().send(new Command.SetClasses(3));
        waitFor("3 classes", s -> s.config().network().head().classes() == 3);
        NetworkSpec deeper = session().latest().config().network().withHidden(50, 50);
        session().send(new Command.SetNetwork(deeper));
        waitFor("2-50-50-3", s -> s.config().network().equals(deeper));
        adam(16);
        train(10000);
        SceneShot.save(view.getScene(), DIR, "screenshot-spiral3.png");
    }

    @Test
    void regressionOnTheMultiGaussian() throws Exception {
        choose(DataChoice.GAUSS);
        train(5000);
        SceneShot.save(view.getScene(), DIR, "screenshot-regression.png");
    }

    @Test
    void aTracedPointMidBackprop() throws Exception {
        train(5000);
        Dataset all = session().latest().data().all();
        int row = 1220;
        session().send(new Command.TracePoint(all.x1(row), all.x2(row), all.label(row), row));
        waitFor("the trace of row " + row, s -> s.trace() != null && s.trace().index() == row);
        stepThrough(17);
        SceneShot.save(view.getScene(), DIR, "screenshot-trace.png");
    }

    @Test
    void theLabMidBackpropOnTheSeedGraph() throws Exception {
        interact(() -> lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        ExpressionLab lab = view.lab();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lab.graph() != null);
        interact(() -> lab.runScript(Presets.SEED_GRAPH.script()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lab.graph() != null
                && lab.graph().nodes().stream().anyMatch(n -> n.label().equals("e")));
        GraphAndLabTest.settle(lab);
        interact(lab::focusGraph);
        for (int i = 0; i < 4; i++) {
            type(KeyCode.RIGHT);
            GraphAndLabTest.settle(lab);
        }
        SceneShot.save(view.getScene(), DIR, "screenshot-lab.png");
    }

    @Test
    void aScrubbedTimelineBesideAPinnedRun() throws Exception {
        train(5000);
        clickOn("#pin-run");
        session().send(new Command.SetLearningRate(0.1));
        session().send(new Command.Reset());
        waitFor("a fresh run at 0.1", s -> s.step() == 0 && s.config().learningRate() == 0.1);
        train(5000);
        session().send(new Command.ScrubTo(3000));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session().latest().step() == 3000);
        GraphAndLabTest.waitForLayout(view.graphPane());
        SceneShot.save(view.getScene(), DIR, "screenshot-timeline.png");
    }

    @Test
    void ownDataInEditMode() throws Exception {
        clickOn("#edit-toggle");
        session().send(new Command.ClearPoints());
        waitFor("an empty plane", s -> s.data().all().size() == 0);
        Random random = new Random(1);
        for (int quadrant = 0; quadrant < 4; quadrant++) {
            double sx = quadrant % 2 == 0 ? 1 : -1;
            double sy = quadrant < 2 ? 1 : -1;
            double[] points = new double[2 * 30];
            for (int i = 0; i < points.length; i += 2) {
                points[i] = sx * (0.2 + 1.2 * random.nextDouble());
                points[i + 1] = sy * (0.2 + 1.2 * random.nextDouble());
            }
            session().send(new Command.AddPoints(points, sx * sy > 0 ? 0 : 1)); // XOR: class 1 where the signs differ
        }
        waitFor("120 points", s -> s.data().all().size() == 120);
        adam(8);
        train(2000);
        SceneShot.save(view.getScene(), DIR, "screenshot-own-data.png");
    }

    @SuppressWarnings("unchecked")
    private void choose(DataChoice choice) throws Exception {
        interact(() -> lookup("#dataset").queryAs(ChoiceBox.class).setValue(choice));
        DatasetKind kind = choice.kind();
        waitFor(choice.toString(), s -> s.config().dataset() == kind);
    }

    /** Adam at learning rate 0.01 with batches of {@code batch}: a picture of a network that has learned. */
    private void adam(int batch) throws Exception {
        session().send(new Command.SetOptimizer(OptimizerKind.ADAM));
        session().send(new Command.SetBatchSize(batch));
        waitFor("adam, batch " + batch, s -> s.config().optimizer() == OptimizerKind.ADAM && s.config().batchSize() == batch);
    }

    private void train(long steps) throws Exception {
        long target = session().latest().step() + steps;
        session().send(new Command.Step(steps));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> session().latest().step() >= target
                && !session().latest().running());
        GraphAndLabTest.waitForLayout(view.graphPane());
    }

    /** Right {@code nodes} times on the graph: forward node by node, then into the backward pass. */
    private void stepThrough(int nodes) throws Exception {
        clickOn(view.graphPane());
        for (int i = 0; i < nodes; i++) {
            type(KeyCode.RIGHT);
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session().latest().stepping() != null
                && session().latest().stepping().position() >= nodes);
        GraphAndLabTest.waitForLayout(view.graphPane());
    }
}
