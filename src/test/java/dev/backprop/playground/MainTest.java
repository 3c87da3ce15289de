package dev.backprop.playground;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** What the app lets JavaFX print: everything but its warning about running from the class path. */
class MainTest {
    @Test
    void onlyTheClassPathWarningIsDropped() {
        assertFalse(Main.shown(new LogRecord(Level.WARNING,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'")));
        assertTrue(Main.shown(new LogRecord(Level.WARNING, "Could not resolve '-fx-base' while resolving lookups")));
        assertTrue(Main.shown(new LogRecord(Level.SEVERE, null)));
    }
}
