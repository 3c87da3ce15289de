package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.train.TrainingSession;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Main builds the first session while JavaFX starts: the window drives exactly that one, and only once. */
class PreparedSessionTest {
    @Test
    void theWindowDrivesTheSessionPreparedWhileJavaFxStarted() throws Exception {
        CompletableFuture<TrainingSession> prepared = PlaygroundApp.prepareSession();
        FxToolkit.registerPrimaryStage();
        PlaygroundApp first = (PlaygroundApp) FxToolkit.setupApplication(PlaygroundApp::new);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            assertSame(prepared.join(), first.session());
            assertTrue(first.session().isAlive(), "its engine thread runs");
        } finally {
            FxToolkit.cleanupApplication(first);
            FxToolkit.cleanupStages();
        }
        PlaygroundApp second = (PlaygroundApp) FxToolkit.setupApplication(PlaygroundApp::new);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            assertNotSame(prepared.join(), second.session(), "a prepared session serves one launch");
            assertTrue(second.session().isAlive());
        } finally {
            FxToolkit.cleanupApplication(second);
            FxToolkit.cleanupStages();
        }
    }
}
