package dev.backprop.playground.ui;

import dev.backprop.playground.lesson.ShippedLessons;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes lessons mid-way as PNGs when {@code -Dscreenshots.dir=DIR} is set (skipped otherwise),
 * in a 1280x760 window: seed 000's moons lesson with the step-through going, seed 001's
 * accumulation lesson in the lab after its first step, and seed 003's digits lesson past its Play
 * step, the gallery showing.
 * {@code mvn -o test-compile surefire:test -Dtest=LessonScreenshotsTest -Dscreenshots.dir=assets}.
 */
class LessonScreenshotsTest extends ScreenshotHarness {
    LessonScreenshotsTest() {
        super(1280, 760);
    }

    @Test
    void twoLessonsMidWay() throws Exception {
        open("000-moons-mlp");
        clickOn("#step");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.lessons().done()[0]);
        clickOn("#lesson-next");
        for (int i = 0; i < 8; i++) {
            clickOn("#node-next");
        }
        save("lesson-moons-midway.png");

        open("001-accumulate");
        clickOn("#backward-pass");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.lessons().done()[0]);
        save("lesson-lab-midway.png");
    }

    @Test
    void digitsMidWay() throws Exception {
        open("003-digits");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.lessons().done()[0]);
        clickOn("#lesson-next");
        clickOn("#play");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.lessons().done()[1]);
        clickOn("#play");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !session().latest().running());
        save("lesson-digits-midway.png");
    }

    private void open(String name) throws Exception {
        Path file = ShippedLessons.file(name + ".lesson");
        interact(() -> view.openLesson(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.lessons().active()
                && view.lessons().lesson().title().equals(ShippedLessons.menuLabel(name + ".lesson").substring(6)));
    }

    private void save(String name) throws Exception {
        SceneShot.save(view.getScene(), DIR, name);
    }
}
