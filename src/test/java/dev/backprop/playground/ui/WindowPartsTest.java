package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.train.Confusion;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The window's small parts: ink contrast, the chart's colours and legend, slider keys, the shortcuts table. */
class WindowPartsTest extends QuickRobot {
    @BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void contrastFollowsWcag() {
        assertEquals(21, Contrast.ratio(Color.BLACK, Color.WHITE), 1e-9);
        assertEquals(1, Contrast.ratio(Color.web("#808080"), Color.web("#808080")), 1e-9);
        // mid grey #777777: luminance 0.1845 (hand-worked from the sRGB curve)
        assertEquals(0.1845, Contrast.luminance(Color.web("#777777")), 5e-4);
        assertEquals(Contrast.LIGHT_INK, Contrast.inkOn(Color.web("#1f4e9c")));
        assertEquals(Contrast.DARK_INK, Contrast.inkOn(Color.web("#f4f4f0")));
        assertEquals(Contrast.DARK_INK, Contrast.inkOn(Color.web("#e8772e")));
        Color blue = Color.web("#2f6db5"); // white on it already reaches AA
        Color shifted = Contrast.readable(Color.web("#5a8ac4"));
        assertTrue(Contrast.ratio(Contrast.inkOn(shifted), shifted) >= Contrast.READABLE);
        assertEquals(blue, Contrast.readable(blue), "a colour that already reads stays as it is");
    }

    @Test
    void everyConfusionCountReadsInBothThemes() throws Exception {
        // a 3-class matrix with shares from 0 to 1 in its rows
        Confusion c = new Confusion(new int[][] {{10, 0, 0}, {3, 5, 2}, {0, 1, 9}}, 100);
        ConfusionMatrixPane pane = new ConfusionMatrixPane();
        for (boolean dark : new boolean[] {false, true}) {
            interact(() -> {
                pane.setDark(dark);
                pane.show(c);
            });
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    Color[] colours = pane.cellColours(i, j);
                    double ratio = Contrast.ratio(colours[0], colours[1]);
                    assertTrue(ratio >= 4.5, (dark ? "dark" : "light") + " cell " + i + "," + j + ": contrast " + ratio);
                }
            }
            Color emptyPaper = pane.cellColours(0, 1)[0];
            assertEquals(dark, Contrast.luminance(emptyPaper) < 0.1, "the empty cells take the theme's paper: " + emptyPaper);
        }
    }

    @Test
    void pinnedRunsNeverShareAColourWithTheRunsOwnSeries() {
        List<Color> own = List.of(LossChartPane.TRAIN, LossChartPane.TEST, LossChartPane.TOTAL, LossChartPane.ACCURACY,
                LossChartPane.CURSOR, LossChartPane.ABANDONED);
        for (Color pin : LossChartPane.PIN_COLORS) {
            for (Color series : own) {
                double distance = Math.sqrt(Math.pow(pin.getRed() - series.getRed(), 2)
                        + Math.pow(pin.getGreen() - series.getGreen(), 2) + Math.pow(pin.getBlue() - series.getBlue(), 2));
                assertTrue(distance > 0.2, pin + " too near " + series + ": " + distance);
            }
        }
    }

    @Test
    void theChartLegendWrapsRatherThanRunOffANarrowChart() throws Exception {
        LossChartPane chart = new LossChartPane();
        interact(() -> {
            chart.showProblem(true, true);
            new Scene(new StackPane(chart), 900, 300);
        });
        // train data loss, test data loss, train total (data + penalty), train accuracy (right axis)
        assertEquals(1, chart.legendLinesAt(1200));
        assertTrue(chart.legendLinesAt(420) >= 2, "wraps at 420 px");
        assertTrue(chart.legendLinesAt(200) >= chart.legendLinesAt(420), "narrower: no fewer lines");
        // the caption never runs over the plot, nor over the accuracy axis's "100%" (it rises 8 px above the
        // plot at the right): a lesson's narrow chart at 1280 wide is about 260 px
        for (double w = 200; w <= 1200; w += 10) {
            double top = chart.plotTopAt(w);
            for (javafx.geometry.Rectangle2D box : chart.legendBoxesAt(w)) {
                assertTrue(box.getMaxY() <= top, "at " + w + " px the caption " + box + " runs into the plot at " + top);
                boolean overAxis = box.getMaxX() > w - 44;
                assertTrue(!overAxis || box.getMaxY() <= top - 8, "at " + w + " px the caption " + box
                        + " covers the accuracy axis's top label");
            }
        }
        assertTrue(chart.logScaleToggle().isSelected(), "a log scale by default: the first loss never flattens the rest");
    }

    @Test
    void upDownAndPageKeysMoveAFocusedSlider() throws Exception {
        Slider s = new Slider(0, 100, 50);
        s.setBlockIncrement(1);
        SliderKeys.install(s);
        interact(() -> new Scene(new StackPane(s), 300, 100));
        interact(() -> press(s, KeyCode.UP));
        assertEquals(51, s.getValue(), 1e-9);
        interact(() -> press(s, KeyCode.DOWN));
        interact(() -> press(s, KeyCode.DOWN));
        assertEquals(49, s.getValue(), 1e-9);
        interact(() -> press(s, KeyCode.PAGE_UP));
        assertEquals(59, s.getValue(), 1e-9, "a tenth of the range");
        interact(() -> press(s, KeyCode.PAGE_DOWN));
        interact(() -> press(s, KeyCode.PAGE_DOWN));
        assertEquals(39, s.getValue(), 1e-9);
    }

    private static void press(Slider s, KeyCode code) {
        Event.fireEvent(s, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
    }

    @Test
    void theShortcutsTableHasEveryKeyOnceWithEditAndUndo() {
        Set<String> keys = new HashSet<>();
        for (Shortcuts.Shortcut s : Shortcuts.ALL) {
            assertTrue(keys.add(s.keys()), "listed twice: " + s.keys());
            assertTrue(!s.what().isBlank(), s.keys());
        }
        assertTrue(keys.contains("E"), "edit mode");
        assertTrue(keys.stream().anyMatch(k -> k.startsWith("Ctrl+Z")), "undo");
        var table = Shortcuts.table();
        assertEquals(2 * Shortcuts.ALL.size(), table.getChildren().size(), "a row of two cells per shortcut");
    }
}
