package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.playground.train.Snapshot;
import dev.backprop.playground.train.TrainingSession;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The whole app (1400x900 unless a test says otherwise) for an end-to-end test: launched before each test, closed after, no uncaught exception. */
abstract class AppHarness extends QuickRobot {
    protected PlaygroundApp app;
    /** The window's content, found after launch. */
    protected PlaygroundView view;
    private final double windowWidth;
    private final double windowHeight;

    /** The app in a 1400x900 window. */
    protected AppHarness() {
        this(1400, 900);
    }

    /** The app in a window of this size (1280x760: what a 1280x800 screen leaves). */
    protected AppHarness(double windowWidth, double windowHeight) {
        this.windowWidth = windowWidth;
        this.windowHeight = windowHeight;
    }
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previousHandler;

    @BeforeEach
    void launch() throws Exception {
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        WindowLayoutTest.forgetTheWindow(); // a first start: no test inherits another's window, theme or settings panel
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (PlaygroundApp) FxToolkit.setupApplication(PlaygroundApp::new);
        interact(() -> { // interact waits for the FX thread after: no wait of its own needed (#29)
            stage.setWidth(windowWidth);
            stage.setHeight(windowHeight);
        });
        view = lookup(".playground").queryAs(PlaygroundView.class);
    }

    @AfterEach
    void close() throws Exception {
        try {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previousHandler); // JVM-wide: other test classes run after
        }
        assertEquals(List.of(), uncaught, "no exception on any thread");
    }

    /**
     * The node with this id ("#loss"), after opening the settings panel if it is folded away there, as a user
     * opens it to reach a setting (folded away, the panel is in no window).
     */
    protected <T extends Node> T control(String id) {
        if (lookup(id).tryQuery().isEmpty()) {
            interact(() -> view.controls().settings().setShown(true));
        }
        return lookup(id).query();
    }

    /** The choice box with this id ({@link #control}). */
    protected <T> ChoiceBox<T> choice(String id) {
        return control(id);
    }

    /**
     * The lesson panel's check line, "" while no lesson panel is in the window (the panel comes into the
     * window on the FX thread just after the lesson opens: a test thread can see the lesson before it).
     * Read on the FX thread: waits poll it while that thread changes the scene graph, and a lookup walking
     * the graph from another thread met a child list as it shrank (IndexOutOfBoundsException).
     */
    protected String lessonCheck() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> lookup("#lesson-check").tryQuery()
                    .map(n -> ((javafx.scene.control.Label) n).getText()).orElse("")).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the lesson panel's check line could not be read on the FX thread", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted reading the lesson panel's check line", e);
        }
    }

    protected TrainingSession session() {
        return app.session();
    }

    /** Waits up to 20 s for a snapshot meeting {@code condition}, then for the FX thread to show it. */
    protected Snapshot waitFor(String what, Predicate<Snapshot> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> condition.test(session().latest()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; last snapshot step "
                    + session().latest().step() + ", running " + session().latest().running() + "; message: "
                    + session().latest().message());
        }
        WaitForAsyncUtils.waitForFxEvents();
        return session().latest();
    }
}
