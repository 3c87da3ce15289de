package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Size, position and theme survive a restart: saved from one stage, restored onto another. */
class WindowMemoryTest extends QuickRobot {
    private Preferences node;

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        node = Preferences.userRoot().node("dev/backprop/playground/test-" + System.nanoTime());
    }

    @AfterEach
    void tearDown() throws Exception {
        node.removeNode();
        FxToolkit.cleanupStages();
    }

    @Test
    void boundsAndThemeComeBack() throws Exception {
        WindowMemory memory = new WindowMemory(node);
        Stage first = FxToolkit.setupStage(s -> {
            s.setX(40);
            s.setY(30);
            s.setWidth(1000);
            s.setHeight(700);
        });
        interact(() -> memory.save(first));
        memory.setDarkTheme(true);

        WindowMemory again = new WindowMemory(node);
        Stage[] second = new Stage[1];
        interact(() -> {
            second[0] = new Stage();
            again.restore(second[0]);
        });
        assertEquals(1000, second[0].getWidth());
        assertEquals(700, second[0].getHeight());
        assertEquals(40, second[0].getX());
        assertEquals(30, second[0].getY());
        assertTrue(again.darkTheme());
    }

    @Test
    void offScreenPositionsAreNotRestored() throws Exception {
        node.putDouble("x", 90_000);
        node.putDouble("y", 90_000);
        node.putDouble("width", 800);
        node.putDouble("height", 600);
        Stage[] stage = new Stage[1];
        interact(() -> {
            stage[0] = new Stage();
            new WindowMemory(node).restore(stage[0]);
        });
        // not placed at the stale position: centred when shown (an unshown stage reports NaN until then)
        assertTrue(stage[0].getX() != 90_000 && stage[0].getY() != 90_000,
                "a window saved on a monitor that is gone is not put back there");
        assertEquals(800, stage[0].getWidth());
    }

    @Test
    void aFirstWindowShrinksToTheScreenAndASavedOneOffScreenIsMovedBack() {
        javafx.geometry.Rectangle2D small = new javafx.geometry.Rectangle2D(0, 0, 1280, 800);
        javafx.geometry.Rectangle2D none = new javafx.geometry.Rectangle2D(Double.NaN, Double.NaN, 1400, 900);
        assertEquals(new javafx.geometry.Rectangle2D(0, 0, 1280, 800), WindowMemory.bounds(none, small, java.util.List.of(small)));
        javafx.geometry.Rectangle2D big = new javafx.geometry.Rectangle2D(0, 0, 1600, 1000);
        assertEquals(new javafx.geometry.Rectangle2D(100, 50, 1400, 900), WindowMemory.bounds(none, big, java.util.List.of(big)));
        // saved at (-60, -33) as the old default put it on a 1280x800 screen: not within it, so centred
        javafx.geometry.Rectangle2D off = new javafx.geometry.Rectangle2D(-60, -33, 1000, 700);
        assertEquals(new javafx.geometry.Rectangle2D(140, 50, 1000, 700), WindowMemory.bounds(off, small, java.util.List.of(small)));
        javafx.geometry.Rectangle2D inside = new javafx.geometry.Rectangle2D(10, 20, 1000, 700);
        assertEquals(inside, WindowMemory.bounds(inside, small, java.util.List.of(small)));
    }
}
