package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.value.BackwardRule;
import dev.backprop.playground.engine.value.MlpTraining;
import dev.backprop.playground.expr.Presets;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The lab's accumulation, overwrite, nudge and micrograd MLP, headless, as a student clicks them. */
class LabAccumulationTest extends AppHarness {

    private ExpressionLab openLabWith(String script, String label) throws Exception {
        interact(() -> lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        ExpressionLab lab = view.lab();
        // at once, as a lesson's set-up does: typed text runs 250 ms later, after the default preset's graph
        // (which has a "b" too) had passed for this one
        interact(() -> lab.runScript(script));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lab.graph() != null
                && lab.graph().nodes().stream().anyMatch(n -> n.label().equals(label)));
        GraphAndLabTest.settle(lab);
        return lab;
    }

    private static GraphNode byLabel(GraphModel g, String label) {
        return g.nodes().stream().filter(n -> n.label().equals(label)).findFirst().orElseThrow();
    }

    private void click(ExpressionLab lab, String id) throws Exception {
        clickOn(id);
        GraphAndLabTest.settle(lab);
    }

    @Test
    void backwardTwiceWithoutZeroingDoublesALeafsGradCard() throws Exception {
        ExpressionLab lab = openLabWith(Presets.SEED_GRAPH.script(), "e");
        click(lab, "#backward-pass");
        click(lab, "#backward-pass");
        assertEquals(6.0, byLabel(lab.graph(), "a").grad().first(), "zeroing first: every pass gives the same 6");
        click(lab, "#zero-first");
        click(lab, "#backward-pass");
        assertEquals(12.0, byLabel(lab.graph(), "a").grad().first());
        click(lab, "#backward-pass");
        GraphModel g = lab.graph();
        assertEquals(18.0, byLabel(g, "a").grad().first(), "6 + 6 + 6: the passes add up");
        assertEquals(-12.0, byLabel(g, "b").grad().first());
        GraphAndLabTest.waitForLayout(lab.graphPane());
        assertEquals("a \u2502 data 2.0000 \u2502 grad 18.0000", lab.graphPane().drawnLabel(byLabel(g, "a").id()));
        assertTrue(lab.shown().log().stream().anyMatch(l -> l.contains("a.grad += dL/da = dL/de * b = -2 * -3 = 6  \u2192 a.grad = 18")),
                lab.shown().log().toString());
        click(lab, "#zero-grad");
        assertEquals(0.0, byLabel(lab.graph(), "a").grad().first());
    }

    @Test
    void overwriteFlagsTheGradientCheckInRed() throws Exception {
        ExpressionLab lab = openLabWith(Presets.SAME_VALUE_TWICE.script(), "b");
        @SuppressWarnings("unchecked")
        ChoiceBox<BackwardRule> rule = lookup("#backward-rule").queryAs(ChoiceBox.class);
        interact(() -> rule.setValue(BackwardRule.OVERWRITE));
        GraphAndLabTest.settle(lab); // the rule's message may move the buttons: click where they are once it shows
        click(lab, "#gradient-check");
        Label text = lookup("#step-text").queryAs(Label.class);
        assertTrue(text.getStyleClass().contains("error"), "red: " + text.getStyleClass());
        assertTrue(text.getText().startsWith("gradient check failed: a (autograd 1, numeric 2)"), text.getText());
        assertEquals(1.0, byLabel(lab.graph(), "a").grad().first());
        interact(() -> rule.setValue(BackwardRule.ACCUMULATE));
        GraphAndLabTest.settle(lab);
        click(lab, "#gradient-check");
        assertFalse(text.getStyleClass().contains("error"));
        assertEquals(2.0, byLabel(lab.graph(), "a").grad().first());
    }

    @Test
    void stepNudgesTheLeavesAndUndoPutsThemBack() throws Exception {
        ExpressionLab lab = openLabWith(Presets.SEED_GRAPH.script(), "e");
        click(lab, "#finish");
        interact(() -> lookup("#nudge-eta").queryAs(TextField.class).setText("-0.01"));
        click(lab, "#nudge-step");
        GraphModel g = lab.graph();
        // seed 001: a.data += 0.01 * a.grad for a, b, c, f gives L = -7.286496
        assertEquals(2.06, byLabel(g, "a").data().first(), 1e-12);
        assertEquals(-7.286496, byLabel(g, "L").data().first(), 1e-9);
        assertTrue(lab.shown().stepText().contains("first-order prediction -eta * sum(grad^2) = 0.72"), lab.shown().stepText());
        click(lab, "#nudge-undo");
        assertEquals(-8.0, byLabel(lab.graph(), "L").data().first(), 1e-12);
        assertEquals(2.0, byLabel(lab.graph(), "a").data().first());
    }

    @Test
    void theMlpTrainsAndItsChartHasAPointPerEpoch() throws Exception {
        ExpressionLab lab = openLabWith(Presets.SEED_GRAPH.script(), "e");
        interact(() -> lookup("#lab-modes").queryAs(TabPane.class).getSelectionModel().select(1));
        click(lab, "#mlp-train");
        List<MlpTraining.Epoch> epochs = lab.shown().epochs();
        assertEquals(20, epochs.size());
        assertEquals(20, lab.mlp().chartPoints());
        assertTrue(epochs.get(19).loss() < epochs.get(0).loss() / 10, epochs.toString());
        GraphModel g = lab.graph();
        assertTrue(g.nodes().stream().filter(GraphNode::hasValue).count() > 200, "every Value of the loss: " + g.size());
        assertEquals(41, g.nodes().stream().filter(n -> n.kind() == dev.backprop.playground.graph.NodeKind.PARAMETER).count(),
                "3*4+4 + 4*4+4 + 4+1 parameters");
        // the same twenty epochs from the same start with zero_grad off: seed 001's bug
        click(lab, "#mlp-reset");
        assertEquals(0, lab.mlp().chartPoints(), "a new MLP has no epochs yet");
        click(lab, "#zero-first");
        click(lab, "#mlp-train");
        List<MlpTraining.Epoch> bug = lab.shown().epochs();
        assertEquals(20, lab.mlp().chartPoints());
        assertTrue(bug.get(19).loss() > epochs.get(19).loss(), bug.get(19) + " vs " + epochs.get(19));
        assertTrue(bug.get(19).gradNorm() > 10 * epochs.get(19).gradNorm(), "the gradients grew: " + bug);
    }
}
