package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.Layout;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Stepping through backprop in the app: the forward pass's flow edges point forward, the backward pass's at the producer. */
class BackwardArrowsAppTest extends AppHarness {

    @Test
    void theBackwardPassDrawsItsFlowEdgesFromConsumerToProducer() throws Exception {
        GraphPane pane = view.graphPane();
        GraphAndLabTest.waitForLayout(pane);
        clickOn("#node-next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.graph() != null && !pane.graph().flow().isEmpty());
        assertFalse(pane.graph().flowBackward(), "the first node step is forward");
        assertEdgesDrawnAsTheirFlow(pane);
        for (int i = 0; i < 40 && !pane.graph().flowBackward(); i++) {
            clickOn("#node-next");
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(pane.graph().flowBackward(), "the step-through reached the backward pass");
        int back = assertEdgesDrawnAsTheirFlow(pane);
        assertTrue(back > 0, "the gradient flows back along at least one edge");
    }

    /** Every route drawn backward exactly when the shown graph's gradient flows back along it; returns how many. */
    private int assertEdgesDrawnAsTheirFlow(GraphPane pane) throws Exception {
        int[] back = new int[1];
        interact(() -> {
            GraphModel g = pane.graph();
            Layout layout = pane.graphLayout();
            for (int k = 0; k < layout.routes().size(); k++) {
                GraphModel.Edge e = layout.routes().get(k).edge();
                boolean expected = g.flowBackward() && g.flow().contains(e);
                assertEquals(expected, pane.drawnBackward(k), e + " in " + g.flow());
                back[0] += expected ? 1 : 0;
            }
        });
        return back[0];
    }
}
