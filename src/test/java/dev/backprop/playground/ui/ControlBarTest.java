package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.Divergence;
import dev.backprop.playground.train.Snapshot;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The control bar alone, headless, with every command it sends recorded. */
class ControlBarTest extends QuickRobot {
    private static final Set<Double> ONE_TWO_FIVE = Set.of(1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05, 0.1, 0.2,
            0.5, 1.0, 2.0, 5.0, 10.0);

    private final List<Command> sent = new CopyOnWriteArrayList<>();
    private ControlBar bar;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            bar = new ControlBar(c -> {
                sent.add(c);
                return sent.size(); // the sequence number: the first command is 1
            }, TrainingConfig.defaults());
            Scene scene = new Scene(bar, 1280, 140);
            scene.getStylesheets().add(ControlBar.class.getResource("base.css").toExternalForm());
            stage.setScene(scene);
            stage.setWidth(1280);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private <T extends Command> List<T> sentOf(Class<T> kind) {
        return sent.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private Snapshot snapshot(TrainingConfig config, long step, boolean running, Divergence divergence) {
        return Snapshot.builder().step(step).running(running).config(config).verdict(divergence)
                .playRefusal(divergence == null ? "" : divergence.text()).build();
    }

    @Test
    void aTagBesideTheDatasetSaysWhenThePointsAreTheUsersOwn() {
        Label tag = lookup("#own-data").queryAs(Label.class);
        assertFalse(tag.isVisible(), "generated data: no tag");
        TrainingConfig c = TrainingConfig.defaults();
        interact(() -> bar.update(Snapshot.builder().config(c).ownData(true).build()));
        assertTrue(tag.isVisible() && tag.isManaged());
        assertEquals("your points", tag.getText());
        interact(() -> bar.update(snapshot(c, 0, false, null)));
        assertFalse(tag.isVisible() || tag.isManaged(), "new generated data: gone");
    }

    /** Screen x distance between two notches of {@code slider}, measured from its thumb. */
    private double pixelsPerUnit(Slider slider) {
        Node thumb = slider.lookup(".thumb");
        double[] x = new double[2];
        interact(() -> slider.setValue(slider.getMax()));
        x[1] = thumb.localToScreen(thumb.getBoundsInLocal()).getCenterX();
        interact(() -> slider.setValue(slider.getMin()));
        x[0] = thumb.localToScreen(thumb.getBoundsInLocal()).getCenterX();
        return (x[1] - x[0]) / (slider.getMax() - slider.getMin());
    }

    @Test
    void learningRateDragsLandOnOneTwoFiveValuesAndReachExactlyPointZeroOne() {
        Slider lr = bar.learningRateSlider();
        double perNotch = pixelsPerUnit(lr); // leaves the slider at 1e-4
        sent.clear();
        // 1e-4 is notch 0, 0.01 notch 6; stop between notches, as a hand does
        drag(lr.lookup(".thumb"), MouseButton.PRIMARY).moveBy(6.3 * perNotch, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.01, bar.learningRate(), 0.0, "exactly 0.01, not 0.009018");
        assertEquals("0.01", lookup("#learning-rate-text").queryAs(Label.class).getText());
        List<Command.SetLearningRate> rates = sentOf(Command.SetLearningRate.class);
        assertEquals(0.01, rates.get(rates.size() - 1).learningRate(), 0.0, "the command carries exactly 0.01");
        for (Command.SetLearningRate r : rates) {
            assertTrue(ONE_TWO_FIVE.contains(r.learningRate()), "a 1-2-5 value: " + r.learningRate());
        }
        drag(lr.lookup(".thumb"), MouseButton.PRIMARY).moveBy(-1.6 * perNotch, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.002, bar.learningRate(), 0.0);
        assertEquals("0.002", lookup("#learning-rate-text").queryAs(Label.class).getText());
    }

    @Test
    void arrowKeysMoveTheLearningRateOneNotch() {
        clickOn(bar.learningRateSlider().lookup(".thumb")); // focus; a click on the thumb does not move it
        assertEquals(0.01, bar.learningRate(), 0.0);
        type(KeyCode.RIGHT);
        assertEquals(0.02, bar.learningRate(), 0.0);
        type(KeyCode.RIGHT);
        assertEquals(0.05, bar.learningRate(), 0.0);
        type(KeyCode.LEFT, 3);
        assertEquals(0.005, bar.learningRate(), 0.0);
        assertEquals("0.005", lookup("#learning-rate-text").queryAs(Label.class).getText());
        assertEquals(0.005, sentOf(Command.SetLearningRate.class).get(4).learningRate(), 0.0, "one command per notch");
    }

    @Test
    void aHiddenSizeDragRebuildsOnceOnRelease() {
        Slider hidden = bar.hiddenSlider();
        var drag = drag(hidden.lookup(".thumb"), MouseButton.PRIMARY);
        for (int i = 0; i < 20; i++) {
            drag.moveBy(-4, 0); // about 4 integers each
        }
        assertEquals(List.of(), sentOf(Command.SetNetwork.class), "nothing while the thumb is held");
        WaitForAsyncUtils.waitForFxEvents();
        String held = lookup("#hidden-size-text").queryAs(Label.class).getText();
        assertEquals(Integer.toString(bar.hiddenSize()), held, "the label follows the thumb before the release");
        assertFalse(held.equals("50"), "the thumb moved: " + held);
        drag.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        List<Command.SetNetwork> rebuilds = sentOf(Command.SetNetwork.class);
        assertEquals(1, rebuilds.size(), "one rebuild for the whole drag: " + rebuilds);
        int size = bar.hiddenSize();
        assertTrue(size < 40, "the drag moved the slider: " + size);
        assertEquals(size, rebuilds.get(0).spec().hidden()[0]);
        assertEquals(Integer.toString(size), lookup("#hidden-size-text").queryAs(Label.class).getText());

        type(KeyCode.RIGHT); // the keyboard applies at once
        assertEquals(2, sentOf(Command.SetNetwork.class).size());
        assertEquals(size + 1, sentOf(Command.SetNetwork.class).get(1).spec().hidden()[0]);
    }

    @Test
    void aNoiseDragMakesNewDataOnceOnRelease() {
        var drag = drag((Node) lookup("#noise .thumb").query(), MouseButton.PRIMARY);
        for (int i = 0; i < 10; i++) {
            drag.moveBy(5, 0);
        }
        assertEquals(List.of(), sentOf(Command.SetData.class));
        drag.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        List<Command.SetData> data = sentOf(Command.SetData.class);
        assertEquals(1, data.size(), data.toString());
        double noise = data.get(0).noise();
        assertEquals(Math.round(noise * 100) / 100.0, noise, 0.0, "hundredths, as the ticks");
        assertTrue(noise > 0.1, "moved right: " + noise);
        type(KeyCode.LEFT); // keyboard: at once, one hundredth
        assertEquals(2, sentOf(Command.SetData.class).size());
        assertEquals(Math.round((noise - 0.01) * 100) / 100.0, sentOf(Command.SetData.class).get(1).noise(), 0.0);
    }

    @Test
    void theControlsFollowTheSessionsConfigWithoutSendingAnything() {
        TrainingConfig loaded = TrainingConfig.defaults()
                .withNetwork(new NetworkSpec(2, new int[] {16, 16, 16}, Activation.TANH, Loss.MSE, Initializer.XAVIER))
                .withLearningRate(0.002).withOptimizer(OptimizerKind.ADAM).withBatchSize(32)
                .withData(DatasetKind.CIRCLES, 500, 0.2, 7);
        interact(() -> bar.update(snapshot(loaded, 0, false, null)));
        assertEquals(List.of(), sent, "updating controls from a snapshot sends nothing");
        assertEquals(0.002, bar.learningRate(), 0.0);
        assertEquals("0.002", lookup("#learning-rate-text").queryAs(Label.class).getText());
        assertEquals(16, bar.hiddenSize());
        assertEquals(3, lookup("#layers").queryAs(Spinner.class).getValue());
        assertEquals(Activation.TANH, lookup("#activation").queryAs(ChoiceBox.class).getValue());
        assertEquals(Loss.MSE, lookup("#loss").queryAs(ChoiceBox.class).getValue());
        assertEquals(Initializer.XAVIER, lookup("#init").queryAs(ChoiceBox.class).getValue());
        assertEquals(OptimizerKind.ADAM, lookup("#optimizer").queryAs(ChoiceBox.class).getValue());
        assertEquals(32, lookup("#batch").queryAs(ChoiceBox.class).getValue());
        assertEquals(dev.backprop.playground.train.DataChoice.CIRCLES, lookup("#dataset").queryAs(ChoiceBox.class).getValue());
        assertEquals(0.2, lookup("#noise").queryAs(Slider.class).getValue(), 1e-12);
        assertEquals(500, lookup("#samples").queryAs(Spinner.class).getValue());

        // a model whose layers differ in width, and a rate off the ladder: the texts tell the truth
        TrainingConfig odd = loaded.withNetwork(loaded.network().withHidden(16, 8)).withLearningRate(0.003);
        interact(() -> bar.update(snapshot(odd, 0, false, null)));
        assertEquals("16,8", lookup("#hidden-size-text").queryAs(Label.class).getText());
        assertEquals("0.003", lookup("#learning-rate-text").queryAs(Label.class).getText());
        assertEquals(List.of(), sent);

        // values beyond the controls' reach (a loaded 1000-unit layer, the CLI's noise 0.7, 9,000 points, the
        // digits' 10 classes): the controls show what they can and still send nothing back
        TrainingConfig beyond = loaded.withNetwork(loaded.network().withHidden(1000))
                .withData(DatasetKind.DIGITS, 9000, 0.7, 7, 10);
        interact(() -> bar.update(snapshot(beyond, 0, false, null)));
        assertEquals(List.of(), sent, "nothing sent for values the controls cannot hold");
        assertEquals(ControlBar.MAX_HIDDEN, bar.hiddenSize());
        interact(() -> bar.update(snapshot(odd, 0, false, null)));
        assertEquals(List.of(), sent);

        // the next touch of a control sends the whole, current network: layers 2, tanh, mse, xavier
        clickOn(bar.hiddenSlider().lookup(".thumb"));
        type(KeyCode.RIGHT);
        Command.SetNetwork c = sentOf(Command.SetNetwork.class).get(0);
        assertEquals(new NetworkSpec(2, new int[] {17, 17}, Activation.TANH, Loss.MSE, Initializer.XAVIER), c.spec());
    }

    @Test
    void theActivationIsOffForASingleNeuronWhichHasNoHiddenLayer() {
        ChoiceBox<?> activation = lookup("#activation").queryAs(ChoiceBox.class);
        TrainingConfig mlp = TrainingConfig.defaults();
        interact(() -> bar.update(snapshot(mlp, 0, false, null)));
        assertFalse(activation.isDisabled(), "hidden layers take the activation");
        TrainingConfig single = mlp.withNetwork(mlp.network().withHidden());
        interact(() -> bar.update(snapshot(single, 0, false, null)));
        assertTrue(activation.isDisabled(), "no hidden layer: the engine applies no activation");
        interact(() -> bar.update(snapshot(mlp, 0, false, null)));
        assertFalse(activation.isDisabled());
        assertEquals(List.of(), sent);
    }

    // ---- a slow engine: it applies what was sent only when the test says, and may clamp or refuse ----------

    /** The engine's config and how far it got through {@link #sent}. */
    private TrainingConfig engine = TrainingConfig.defaults();
    private boolean engineRunning;
    private long appliedSeq;

    /** The engine's rule for a learning rate sent: the value it keeps (NaN: refused, the rate stays). */
    private java.util.function.DoubleUnaryOperator rateRule = r -> r;

    /** The engine applies the commands sent up to number {@code upTo} (rates and batch sizes), then publishes. */
    private void engineApplies(long upTo) {
        for (long seq = appliedSeq + 1; seq <= upTo; seq++) {
            Command c = sent.get((int) seq - 1);
            if (c instanceof Command.SetLearningRate r) {
                double kept = rateRule.applyAsDouble(r.learningRate());
                engine = Double.isNaN(kept) ? engine : engine.withLearningRate(kept);
            } else if (c instanceof Command.SetBatchSize b) {
                engine = engine.withBatchSize(b.batchSize());
            } else if (c instanceof Command.Play || c instanceof Command.Pause) {
                engineRunning = c instanceof Command.Play;
            }
        }
        appliedSeq = upTo;
        enginePublishes();
    }

    /** A snapshot of the engine as it stands: the window gets one every frame, applied or not. */
    private void enginePublishes() {
        Snapshot s = Snapshot.builder().running(engineRunning).config(engine).appliedSeq(appliedSeq).build();
        interact(() -> bar.update(s));
    }

    @Test
    void aSettingShowsTheUsersValueUntilTheEngineHasAppliedItThenTheEngines() {
        enginePublishes();
        clickOn(bar.learningRateSlider().lookup(".thumb"));
        type(KeyCode.RIGHT); // 0.02 sent as number 1; the engine has not applied it yet
        assertEquals(1, sent.size());
        engine = engine.withBatchSize(4); // the engine changed something else meanwhile
        for (int frame = 0; frame < 5; frame++) {
            enginePublishes(); // published before it applied the rate: no timer lets the old rate back in
            assertEquals(0.02, bar.learningRate(), 0.0, "the user's choice stays while the engine catches up");
        }
        assertEquals(4, lookup("#batch").queryAs(ChoiceBox.class).getValue(), "the other control followed");
        engineApplies(1);
        assertEquals(0.02, bar.learningRate(), 0.0);
        assertEquals(0.02, engine.learningRate(), 0.0);
        assertEquals(1, sentOf(Command.SetLearningRate.class).size());
        assertEquals(List.of(), sentOf(Command.SetBatchSize.class), "following the engine sent nothing back");
    }

    @Test
    void aSecondPressOfPlayBeforeTheEngineTookTheFirstPausesInsteadOfPlayingTwice() {
        enginePublishes();
        Button play = lookup("#play").queryAs(Button.class);
        assertEquals("Play", play.getText());
        clickOn(play);
        assertEquals("Pause", play.getText(), "asked to run: the button offers Pause at once");
        enginePublishes(); // a frame from before the engine took Play: still paused
        assertEquals("Pause", play.getText(), "the button does not flip back");
        clickOn(play);
        assertEquals(List.of(new Command.Play(), new Command.Pause()), sent, "the second press pauses");
        assertEquals("Play", play.getText());
        engineApplies(1);
        assertEquals("Play", play.getText(), "Play applied, but the Pause after it is not yet: it shows what was asked last");
        engineApplies(2);
        assertEquals("Play", play.getText());
        assertFalse(engineRunning);
        clickOn(play);
        engineApplies(3);
        assertEquals("Pause", play.getText(), "acknowledged: the engine runs");
    }

    @Test
    void aSettingTheEngineClampsOrRefusesShowsTheEnginesValueOnceAcknowledged() {
        rateRule = r -> Math.min(r, 0.05); // clamps
        enginePublishes();
        clickOn(bar.learningRateSlider().lookup(".thumb"));
        type(KeyCode.RIGHT, 3); // 0.02, 0.05, 0.1
        assertEquals(0.1, bar.learningRate(), 0.0);
        engineApplies(2);
        assertEquals(0.1, bar.learningRate(), 0.0, "0.1 not applied yet: the earlier ones do not show");
        engineApplies(3);
        assertEquals(0.05, bar.learningRate(), 0.0, "the engine kept 0.05 of the 0.1 sent: the control says so");
        assertEquals("0.05", lookup("#learning-rate-text").queryAs(Label.class).getText());

        rateRule = r -> Double.NaN; // refuses
        type(KeyCode.RIGHT); // 0.1 again, number 4
        enginePublishes();
        assertEquals(0.1, bar.learningRate(), 0.0);
        engineApplies(4);
        assertEquals(0.05, bar.learningRate(), 0.0, "refused: back to the engine's rate, once it said so");
        assertEquals(4, sent.size(), "showing the engine's value sent nothing");
    }

    @Test
    void aQuickDragThroughManyRatesAgainstALaggingEngineNeverJumpsBackAndTheLastValueSticks() {
        Slider lr = bar.learningRateSlider();
        double perNotch = pixelsPerUnit(lr); // leaves the slider at 1e-4 (notch 0)
        enginePublishes();
        sent.clear();
        appliedSeq = 0;
        engine = TrainingConfig.defaults();
        var drag = drag(lr.lookup(".thumb"), MouseButton.PRIMARY);
        for (int i = 0; i < 12; i++) {
            drag.moveBy(perNotch, 0);
            WaitForAsyncUtils.waitForFxEvents();
            double hand = bar.learningRate();
            engineApplies(Math.max(appliedSeq, sent.size() - 2)); // the engine two commands behind the hand
            assertEquals(hand, bar.learningRate(), 0.0, "move " + i + ": a stale snapshot never moves the thumb back");
        }
        drag.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double last = sentOf(Command.SetLearningRate.class).get(sent.size() - 1).learningRate();
        assertEquals(bar.learningRate(), last, 0.0, "the last command sent is where the hand let go");
        assertTrue(last >= 0.1 && sent.size() >= 9, "about 12 notches up from 0.0001, a command each: " + sent);
        enginePublishes();
        assertEquals(last, bar.learningRate(), 0.0);
        engineApplies(sent.size());
        assertEquals(last, engine.learningRate(), 0.0);
        assertEquals(last, bar.learningRate(), 0.0, "the final value sticks");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFullBatchIsSentAsABatchTheEngineTakesAndShownAsFull() {
        ChoiceBox<Integer> batch = lookup("#batch").queryAs(ChoiceBox.class);
        Integer full = batch.getItems().get(batch.getItems().size() - 1);
        assertEquals("full", batch.getConverter().toString(full));
        interact(() -> batch.setValue(full));
        Command.SetBatchSize sentBatch = sentOf(Command.SetBatchSize.class).get(0);
        assertNull(sentBatch.problem(), "the engine takes it (Integer.MAX_VALUE was refused)");
        interact(() -> bar.update(snapshot(TrainingConfig.defaults().withBatchSize(sentBatch.batchSize()), 1, false, null)));
        assertEquals("full", batch.getConverter().toString(batch.getValue()));
        assertEquals(7, batch.getItems().size(), "no second entry for the same batch");
    }

    @Test
    void typingLettersInThePointsFieldSendsNothingAndShowsWhy() {
        Spinner<?> points = lookup("#samples").queryAs(Spinner.class);
        doubleClickOn(points.getEditor());
        interact(() -> points.getEditor().selectAll());
        write("abc").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), sentOf(Command.SetData.class), "no command for abc");
        assertTrue(points.getPseudoClassStates().contains(SpinnerValidation.INVALID), "red border");
        assertTrue(points.getTooltip().getText().contains("50 to 5000"), points.getTooltip().getText());
        assertEquals(2000, points.getValue());

        interact(() -> points.getEditor().selectAll());
        write("9000").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), sentOf(Command.SetData.class), "no command for an out-of-range count");
        assertTrue(points.getPseudoClassStates().contains(SpinnerValidation.INVALID));

        interact(() -> points.getEditor().selectAll());
        write("1200").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, sentOf(Command.SetData.class).size());
        assertEquals(1200, sentOf(Command.SetData.class).get(0).samples());
        assertFalse(points.getPseudoClassStates().contains(SpinnerValidation.INVALID));
        assertFalse(points.getTooltip().getText().contains("not a valid"), points.getTooltip().getText());
    }

    @Test
    void afterADivergencePlaySaysWhyInsteadOfDoingNothing() {
        interact(() -> bar.update(snapshot(TrainingConfig.defaults().withLearningRate(10), 1250, false,
                new Divergence(Divergence.Cause.LEARNING_RATE, 1250, "the loss became NaN", 10, "normal"))));
        Label refusal = bar.refusal(); // the window shows it in its status area, not in the bar
        assertTrue(refusal.isVisible());
        assertTrue(refusal.getText().contains("step 1,250") && refusal.getText().contains("Reset"), refusal.getText());
        Button play = lookup("#play").queryAs(Button.class);
        assertEquals(refusal.getText(), play.getTooltip().getText());
        clickOn(play);
        clickOn("#step");
        assertEquals(List.of(), sent, "refused, and said so");

        // saturated before the first step, and the engine blames the init: so does the line beside Play
        interact(() -> bar.update(snapshot(TrainingConfig.defaults(), 0, false,
                new Divergence(Divergence.Cause.INIT, 0, "the output saturated: 40% of the training points ...", 0.01,
                        "normal"))));
        assertTrue(refusal.getText().contains("init xavier or he") && !refusal.getText().contains("learning rate"),
                refusal.getText());
        // a loaded model saturated at step 0: the engine blames the learning rate, and so does this line
        interact(() -> bar.update(snapshot(TrainingConfig.defaults(), 0, false,
                new Divergence(Divergence.Cause.LEARNING_RATE, 0, "the output saturated ...", 0.01, "normal"))));
        assertTrue(refusal.getText().contains("learning rate") && !refusal.getText().contains("init"), refusal.getText());

        interact(() -> bar.update(snapshot(TrainingConfig.defaults(), 0, false, null)));
        assertFalse(refusal.isVisible(), "a reset clears it");
        clickOn(play);
        assertEquals(List.of(new Command.Play()), sent);
        interact(() -> bar.update(snapshot(TrainingConfig.defaults(), 3, true, null)));
        assertEquals("Pause", play.getText(), "the button follows snapshot.running()");
    }

    @Test
    void aPlayRightAfterResetIsSentThoughTheLastStateShownWasDiverged() {
        interact(() -> bar.update(snapshot(TrainingConfig.defaults(), 1250, false,
                new Divergence(Divergence.Cause.LEARNING_RATE, 1250, "the loss became NaN", 0.1, "normal"))));
        clickOn("#play");
        assertEquals(List.of(), sent, "diverged, and no Reset since: refused");
        // Reset then Play at once, before the engine has published a state after the Reset (R, then Space)
        clickOn("#reset");
        clickOn("#play");
        assertEquals(List.of(new Command.Reset(), new Command.Play()), sent, "the Play goes to the engine");
        assertEquals("Pause", lookup("#play").queryAs(Button.class).getText());
        // a state that has taken the Reset and still refuses (the engine's word) refuses again
        Snapshot after = snapshot(TrainingConfig.defaults(), 0, false,
                new Divergence(Divergence.Cause.INIT, 0, "the output saturated", 0.1, "normal")).toBuilder().appliedSeq(2).build();
        interact(() -> bar.update(after));
        clickOn("#play");
        assertEquals(2, sent.size(), "refused by the state after the Reset");
    }

    @Test
    void everyControlFitsA1280PixelWindowAndHasATooltip() {
        WaitForAsyncUtils.waitForFxEvents();
        Bounds window = bar.localToScreen(bar.getLayoutBounds());
        for (Node n : bar.lookupAll(".button, .toggle-button, .slider, .spinner, .choice-box")) {
            if (!n.isVisible()) {
                continue;
            }
            Bounds b = n.localToScreen(n.getBoundsInLocal());
            assertTrue(b.getMaxX() <= window.getMaxX() + 0.5 && b.getMinX() >= window.getMinX() - 0.5,
                    n.getId() + " lies within 1280 px: " + b);
            assertTrue(((javafx.scene.control.Control) n).getTooltip() != null, n.getId() + " has a tooltip");
        }
        // the toolbar: two rows at most at 1280 px; the settings panel under it folds away
        double toolbar = ((javafx.scene.layout.Region) lookup("#toolbar").query()).prefHeight(bar.getWidth());
        assertTrue(toolbar < 78, "two rows at most: " + toolbar);
        interact(() -> bar.settings().setShown(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(toolbar + bar.getInsets().getTop() + bar.getInsets().getBottom(), bar.prefHeight(bar.getWidth()), 1,
                "folded, the bar is the toolbar alone");
    }

    @Test
    void afterARegressionDatasetTheNetworkSentHasARegressionHeadAndItsFeatures() {
        interact(() -> lookup("#dataset").queryAs(ChoiceBox.class).setValue(dev.backprop.playground.train.DataChoice.GAUSS));
        Command.SetData data = sentOf(Command.SetData.class).get(0);
        assertEquals(DatasetKind.GAUSS, data.dataset());
        assertEquals(DatasetKind.GAUSS.defaultNoise(), data.noise(), "the dataset's own noise");
        assertEquals(List.of(Loss.MSE), lookup("#loss").queryAs(ChoiceBox.class).getItems());
        clickOn("#feature-sinx1");
        Command.SetNetwork net = sentOf(Command.SetNetwork.class).get(0);
        assertEquals(dev.backprop.playground.engine.nn.Head.regression(), net.spec().head(), "never a head that does not fit");
        assertEquals(3, net.spec().inputSize());
        assertTrue(sentOf(Command.SetClasses.class).isEmpty(), "gauss takes no class count");
    }
}
