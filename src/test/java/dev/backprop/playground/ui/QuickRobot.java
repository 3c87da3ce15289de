package dev.backprop.playground.ui;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventType;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.robot.KeyboardRobot;
import org.testfx.robot.Motion;
import org.testfx.robot.MouseRobot;
import org.testfx.service.query.PointQuery;
import org.testfx.util.WaitForAsyncUtils;

/**
 * TestFX's robot with quicker clicks and keys, for the GUI tests' time (#29). TestFX glides the pointer to a
 * click's target in up to 200 moves and waits a fixed while for the FX thread after the move, the press and
 * the release (about 60 ms each here), and still cannot be sure a loaded machine delivered them. Here the
 * pointer jumps to the target once the next pulse has laid the window out (enter and exit events still come:
 * JavaFX picks at the new spot), press and release go in one go, and the robot waits until a window has
 * received the release (or the key's), then for the FX thread to run what the handlers queued (not for
 * animations or background work: tests wait for the state an action leads to). A drag (a button held)
 * still glides a pixel a move, each move its own event (its intermediate moves are what drag tests are
 * about), without TestFX's sleeps between them.
 */
abstract class QuickRobot extends FxRobot {
    @Override
    public FxRobot clickOn(PointQuery target, Motion motion, MouseButton... buttons) {
        MouseRobot mouse = robotContext().getMouseRobot();
        if (!mouse.getPressedButtons().isEmpty()) {
            return super.clickOn(target, motion, buttons);
        }
        afterTheNextLayout();
        mouse.moveNoWait(target.query());
        return clickOn(buttons);
    }

    @Override
    public FxRobot clickOn(MouseButton... buttons) {
        MouseButton[] pressed = buttons.length == 0 ? new MouseButton[] {MouseButton.PRIMARY} : buttons;
        MouseRobot mouse = robotContext().getMouseRobot();
        delivered(MouseEvent.MOUSE_RELEASED, pressed.length, "the click", () -> {
            mouse.pressNoWait(pressed);
            mouse.releaseNoWait(pressed);
        });
        return this;
    }

    @Override
    public FxRobot moveTo(PointQuery target, Motion motion) {
        MouseRobot mouse = robotContext().getMouseRobot();
        if (!mouse.getPressedButtons().isEmpty()) {
            glideTo(target.query());
            return this;
        }
        afterTheNextLayout();
        mouse.move(target.query());
        return this;
    }

    @Override
    public FxRobot moveBy(double x, double y, Motion motion) {
        Point2D from = robotContext().getBaseRobot().retrieveMouse();
        glideTo(new Point2D(from.getX() + x, from.getY() + y));
        return this;
    }

    /** A press where the pointer jumped to (a drag's start), delivered before the drag's moves. */
    @Override
    public FxRobot drag(PointQuery target, MouseButton... buttons) {
        MouseRobot mouse = robotContext().getMouseRobot();
        if (!mouse.getPressedButtons().isEmpty()) {
            return super.drag(target, buttons);
        }
        MouseButton[] pressed = buttons.length == 0 ? new MouseButton[] {MouseButton.PRIMARY} : buttons;
        afterTheNextLayout();
        mouse.moveNoWait(target.query());
        delivered(MouseEvent.MOUSE_PRESSED, pressed.length, "the drag's press", () -> mouse.pressNoWait(pressed));
        return this;
    }

    /** The held buttons (all of them when none are named) released where the pointer is, as one delivered event each. */
    @Override
    public FxRobot release(MouseButton... buttons) {
        MouseRobot mouse = robotContext().getMouseRobot();
        MouseButton[] held = buttons.length > 0 ? buttons : mouse.getPressedButtons().toArray(new MouseButton[0]);
        if (held.length > 0) {
            delivered(MouseEvent.MOUSE_RELEASED, held.length, "the release", () -> mouse.releaseNoWait(held));
        }
        return this;
    }

    /**
     * The pointer's glide to {@code to}, a pixel a move as TestFX glides (at most 200 moves), each move its own
     * event; then the FX thread has handled them all. TestFX sleeps a millisecond a move and waits its fixed
     * while at the end: a drag of 2 px cost 60 ms.
     */
    private void glideTo(Point2D to) {
        MouseRobot mouse = robotContext().getMouseRobot();
        Point2D from = robotContext().getBaseRobot().retrieveMouse();
        int moves = (int) Math.max(1, Math.min(200, Math.ceil(from.distance(to))));
        for (int i = 1; i <= moves; i++) {
            mouse.moveNoWait(from.add(to.subtract(from).multiply((double) i / moves)));
        }
        drainFxThread();
    }

    @Override
    public FxRobot type(KeyCode... keys) {
        KeyboardRobot keyboard = robotContext().getKeyboardRobot();
        delivered(KeyEvent.KEY_RELEASED, keys.length, "the keys " + Arrays.toString(keys), () -> {
            for (KeyCode key : keys) {
                keyboard.pressNoWait(key);
                keyboard.releaseNoWait(key);
            }
        });
        return this;
    }

    @Override
    public FxRobot type(KeyCode key, int times) {
        KeyCode[] keys = new KeyCode[times];
        Arrays.fill(keys, key);
        return type(keys);
    }

    /**
     * Posts events with {@code post} and waits until the windows have received {@code count} events of
     * {@code type} (a filter sees an event before any handler), then for the FX thread to finish what the
     * handlers started.
     */
    private static void delivered(EventType<? extends Event> type, int count, String what, Runnable post) {
        CountDownLatch received = new CountDownLatch(count);
        EventHandler<Event> filter = e -> received.countDown();
        List<Window> windows = new CopyOnWriteArrayList<>();
        // a press may open a window (a menu, a popup): it is watched too
        ListChangeListener<Window> opened = change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(w -> {
                    w.addEventFilter(type, filter);
                    windows.add(w);
                });
            }
        };
        onFxThread(() -> {
            windows.addAll(Window.getWindows());
            windows.forEach(w -> w.addEventFilter(type, filter));
            Window.getWindows().addListener(opened);
        });
        try {
            post.run();
            await(received, 30, what + " reached no window of the app in 30 s (no window under the pointer, or none"
                    + " focused for a key?)");
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                Window.getWindows().removeListener(opened);
                windows.forEach(w -> w.removeEventFilter(type, filter));
            });
        }
        drainFxThread();
    }

    /**
     * Waits until the FX thread has run what the event's handlers queued, three turns deep (a handler's
     * runLater, and one that runs later again). TestFX's waitForFxEvents sleeps 10 ms between five such turns
     * whatever happens; tests wait for the state an action leads to, so the sleeps only cost time.
     */
    private static void drainFxThread() {
        for (int turn = 0; turn < 3; turn++) {
            onFxThread(() -> { });
        }
    }

    /** Runs {@code work} on the FX thread and waits for it, failing the test if the FX thread is stuck. */
    private static void onFxThread(Runnable work) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(work));
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer in 10 s", e);
        }
    }

    /** Waits up to {@code seconds} for {@code latch}, failing the test with {@code failure} if it does not open. */
    private static void await(CountDownLatch latch, int seconds, String failure) {
        try {
            if (!latch.await(seconds, TimeUnit.SECONDS)) {
                throw new AssertionError(failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + failure, e);
        }
    }

    /**
     * Waits for the next pulse's CSS and layout: a user clicks where a control is drawn, and an action just
     * before may have moved it (a wider choice box pushing a button to the next row) while a loaded machine
     * has not run that pulse yet. (TestFX's glide of a few hundred milliseconds gave the pulse time to come.)
     */
    private static void afterTheNextLayout() {
        CountDownLatch pulsed = new CountDownLatch(1);
        Runnable laidOut = pulsed::countDown;
        List<Scene> scenes = new CopyOnWriteArrayList<>();
        onFxThread(() -> {
            for (Window window : Window.getWindows()) {
                if (window.isShowing() && window.getScene() != null) {
                    scenes.add(window.getScene());
                    window.getScene().addPostLayoutPulseListener(laidOut);
                }
            }
            Platform.requestNextPulse();
        });
        try {
            if (!scenes.isEmpty()) {
                await(pulsed, 10, "no pulse laid the window out in 10 s");
            }
        } finally {
            WaitForAsyncUtils.asyncFx(() -> scenes.forEach(scene -> scene.removePostLayoutPulseListener(laidOut)));
        }
    }
}
