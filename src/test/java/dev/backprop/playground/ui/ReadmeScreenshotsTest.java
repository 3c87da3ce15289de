package dev.backprop.playground.ui;

import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes the README's screenshots when {@code -Dscreenshots.dir=DIR} is set (skipped otherwise): the
 * window at its default size on this run's screen, light and dark, at launch and in the middle of a
 * backprop step-through after some training. Run by the readability executions, one per screen size:
 * {@code mvn -o test-compile surefire:test@readability-1280x800 -Dscreenshots.dir=assets}.
 */
class ReadmeScreenshotsTest extends QuickRobot {
    private static final String DIR = System.getProperty("screenshots.dir");
    private PlaygroundApp app;
    private PlaygroundView view;

    @BeforeEach
    void launch() throws Exception {
        Assumptions.assumeTrue(DIR != null, "-Dscreenshots.dir not set");
        WindowLayoutTest.forgetTheWindow();
        FxToolkit.registerPrimaryStage();
        app = (PlaygroundApp) FxToolkit.setupApplication(PlaygroundApp::new);
        WaitForAsyncUtils.waitForFxEvents();
        view = lookup(".playground").queryAs(PlaygroundView.class);
        GraphAndLabTest.waitForLayout(view.graphPane());
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void launchAndMidBackprop(boolean dark) throws Exception {
        interact(() -> view.applyTheme(dark));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.boundaryPane().plotSide() > 0);
        save("launch", dark);
        var session = app.session();
        clickOn("#step-250");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.latest().step() >= 250);
        clickOn("#step-250");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.latest().step() >= 500);
        clickOn(view.graphPane());
        // through the forward pass and into the backward pass: the chain rule shows in the inspector
        for (int i = 0; i < 14; i++) {
            type(KeyCode.RIGHT);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.latest().stepping() != null
                && session.latest().stepping().position() >= 14);
        save("backprop", dark);
    }

    private void save(String moment, boolean dark) throws Exception {
        var bounds = Screen.getPrimary().getBounds();
        String name = String.format("window-%dx%d-%s-%s.png", (int) bounds.getWidth(), (int) bounds.getHeight(),
                dark ? "dark" : "light", moment);
        SceneShot.save(view.getScene(), DIR, name);
    }
}
