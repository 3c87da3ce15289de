package dev.backprop.playground.ui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.robot.KeyboardRobot;
import org.testfx.robot.Motion;
import org.testfx.robot.MouseRobot;
import org.testfx.service.query.PointQuery;
import org.testfx.util.WaitForAsyncUtils;

/**
 * TestFX's robot with quicker clicks and keys, for the GUI tests' time (#29). TestFX glides the pointer to a
 * click's target in up to 200 moves and waits for the FX thread after the move, the press and the release
 * (about 60 ms each here); a key waits after its press and its release. Here the pointer jumps to the target (a
 * real pointer's enter and exit events still come: JavaFX picks at the new spot), press and release go in one
 * go and the robot waits once, as a user's click gives JavaFX both events in quick succession. A drag (a button
 * held) still glides: its intermediate moves are what drag tests are about.
 */
abstract class QuickRobot extends FxRobot {
    @Override
    public FxRobot clickOn(PointQuery target, Motion motion, MouseButton... buttons) {
        MouseRobot mouse = robotContext().getMouseRobot();
        if (!mouse.getPressedButtons().isEmpty()) {
            return super.clickOn(target, motion, buttons);
        }
        layOutWhatChanged();
        mouse.moveNoWait(target.query());
        return clickOn(buttons);
    }

    @Override
    public FxRobot clickOn(MouseButton... buttons) {
        MouseButton[] pressed = buttons.length == 0 ? new MouseButton[] {MouseButton.PRIMARY} : buttons;
        MouseRobot mouse = robotContext().getMouseRobot();
        mouse.pressNoWait(pressed);
        mouse.releaseNoWait(pressed);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    @Override
    public FxRobot moveTo(PointQuery target, Motion motion) {
        MouseRobot mouse = robotContext().getMouseRobot();
        if (!mouse.getPressedButtons().isEmpty()) {
            return super.moveTo(target, motion);
        }
        layOutWhatChanged();
        mouse.move(target.query());
        return this;
    }

    /**
     * CSS and layout for whatever changed since the last pulse, as the next pulse would do before drawing: a
     * user clicks where a control is drawn, and an action just before may have moved it (a wider choice box
     * pushing a button to the next row) while a loaded machine has not run that pulse yet. Cheap when nothing
     * changed. (TestFX's glide of a few hundred milliseconds gave the pulse time to come.)
     */
    private static void layOutWhatChanged() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            for (Window window : java.util.List.copyOf(Window.getWindows())) {
                if (window.isShowing() && window.getScene() != null) {
                    window.getScene().getRoot().applyCss();
                    window.getScene().getRoot().layout();
                }
            }
        }));
    }

    @Override
    public FxRobot type(KeyCode... keys) {
        KeyboardRobot keyboard = robotContext().getKeyboardRobot();
        for (KeyCode key : keys) {
            keyboard.pressNoWait(key);
            keyboard.releaseNoWait(key);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    @Override
    public FxRobot type(KeyCode key, int times) {
        KeyCode[] keys = new KeyCode[times];
        java.util.Arrays.fill(keys, key);
        return type(keys);
    }
}
