package dev.backprop.playground.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.lab.LabModel;
import dev.backprop.playground.lab.LabSnapshot;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Checks read from text and evaluated on the expression lab's real states (seed 001's numbers). */
class LessonCheckTest {
    private final LinkedBlockingQueue<LabSnapshot> published = new LinkedBlockingQueue<>();
    private final LabModel model = new LabModel(published::add);

    private LessonState after(long seq) throws InterruptedException {
        while (true) {
            LabSnapshot s = published.poll(20, TimeUnit.SECONDS);
            if (s == null) {
                throw new AssertionError("no snapshot for command " + seq);
            }
            if (s.applied() == seq) {
                return new LessonState(null, s, true);
            }
        }
    }

    @Test
    void seed001sGraphGivesAGradOf6AndBGradOfMinus4() throws Exception {
        model.evaluate("a = 2\nb = -3\nc = 10\nf = -2\ne = a*b\nd = e + c\nL = d * f");
        LessonState before = after(1);
        LessonCheck leaves = LessonCheck.parse("grad a == 6 and grad b == -4");
        assertFalse(leaves.passes(before), "no gradient before backward");
        assertEquals("\u2013; \u2013", leaves.now(before));
        assertTrue(LessonCheck.parse("data L == -8").passes(before));
        model.stepBackward();
        model.stepBackward();
        LessonState two = after(3);
        assertTrue(LessonCheck.parse("grad f == 4 +- 1e-12").passes(two));
        assertTrue(LessonCheck.parse("lit f").passes(two) || LessonCheck.parse("lit d").passes(two));
        model.finish();
        LessonState done = after(4);
        assertTrue(leaves.passes(done), leaves.now(done));
        assertEquals("6; -4", leaves.now(done));
        assertFalse(LessonCheck.parse("grad a == 6.01").passes(done), "== without a tolerance is exact");
        assertTrue(LessonCheck.parse("grad a == 6.01 \u00b1 0.02").passes(done));
        assertFalse(LessonCheck.parse("grad nothing >= 0").passes(done), "a node the graph lacks fails");
    }

    @Test
    void theMlpsLossAndTheZeroGradSwitchAreRead() throws Exception {
        model.setZeroFirst(false);
        LessonState off = after(1);
        assertTrue(LessonCheck.parse("zero-first == 0").passes(off));
        assertFalse(LessonCheck.parse("lab-epochs >= 1").passes(off), "no epoch yet");
        model.setZeroFirst(true);
        model.train(dev.backprop.playground.engine.value.MlpSetup.seed001(), 20);
        LessonState trained = after(3);
        // seed 001's MLP(3, [4, 4, 1]) with seed 1: 8.79e-05 after 20 epochs (MlpTraining by hand: 1.139 at epoch 1)
        LessonCheck trainedCheck = LessonCheck.parse("lab-epochs >= 20 and lab-loss <= 0.001");
        assertTrue(trainedCheck.passes(trained), trainedCheck.now(trained));
        assertEquals("8.79e-05", LessonCheck.parse("lab-loss <= 1").now(trained));
    }

    @Test
    void badChecksSayWhatIsWrong() {
        assertEquals("the check is empty", assertThrows(IllegalArgumentException.class, () -> LessonCheck.parse(" ")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LessonCheck.parse("grad")).getMessage()
                .startsWith("'grad' takes a node"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LessonCheck.parse("grad W1[x] == 1")).getMessage()
                .contains("must be a whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LessonCheck.parse("optimizer >= adam")).getMessage()
                .contains("compared by name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LessonCheck.parse("lit")).getMessage()
                .contains("one node id"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LessonCheck.parse("step >= NaN")).getMessage()
                .contains("not a finite number"));
    }
}
