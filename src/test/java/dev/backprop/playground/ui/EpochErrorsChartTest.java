package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.EpochErrors;
import dev.backprop.playground.engine.nn.EpochErrorsFixture;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The perceptron's errors chart, headless, at the width a lesson's column leaves it (236 px) and at a
 * wide one: its title says the last epoch's count whole, inside the chart (it was cut after "none c").
 */
class EpochErrorsChartTest extends FxRobot {
    private EpochErrorsChart chart;

    private void showAt(double width) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            chart = new EpochErrorsChart();
            chart.setMaxSize(width, 150);
            stage.setScene(new Scene(new StackPane(chart), width, 150));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** Ten epochs, the last with {@code last} errors. */
    private static EpochErrors.View tenEpochsEndingWith(long last) {
        return EpochErrorsFixture.of(45, 30, 20, 16, 12, 9, 7, 5, 4, last);
    }

    private void assertTitleInside(String expectedEnd) {
        double[] span = chart.titleSpan();
        assertTrue(chart.title().endsWith(expectedEnd), chart.title());
        assertTrue(span[0] >= 0 && span[1] <= chart.canvasWidth(), "\"" + chart.title() + "\" from " + span[0] + " to "
                + span[1] + " px in a chart " + chart.canvasWidth() + " px wide");
    }

    @Test
    void aNarrowChartSaysTheLastCountWhole() throws Exception {
        showAt(236);
        assertEquals(236, chart.canvasWidth(), 0.5);
        assertTitleInside("none yet");
        interact(() -> chart.show(tenEpochsEndingWith(12)));
        assertEquals(10, chart.epochs());
        assertTitleInside("last: 12");
    }

    @Test
    void aWideChartKeepsTheWholeTitle() throws Exception {
        showAt(600);
        assertEquals("misclassifications per epoch: none completed yet", chart.title());
        interact(() -> chart.show(tenEpochsEndingWith(3)));
        assertEquals("misclassifications per epoch (the perceptron's updates); last: 3", chart.title());
        assertTitleInside("last: 3");
    }
}
