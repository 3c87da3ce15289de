package dev.backprop.playground.engine.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seed 001's "why +=" and seed 002's "backward twice doubles x.grad", on both backward paths. */
class AccumulationTest {

    @Test
    void aPlusAGivesTwoWithAccumulateAndOneWithOverwrite() {
        Value a = Value.of(3, "a");
        Value b = a.add(a).label("b");
        b.backward();
        assertEquals(2, a.grad());
        b.backward(BackwardRule.OVERWRITE, true);
        assertEquals(1, a.grad(), "seed 001's bug: the second use overwrites the first");
    }

    @Test
    void backwardWithoutZeroingAddsAFreshPassToEveryNode() {
        // L = (a*b + c) * f: a chain deep enough that reusing intermediate grads would compound
        Value a = Value.of(2, "a");
        Value b = Value.of(-3, "b");
        Value c = Value.of(10, "c");
        Value f = Value.of(-2, "f");
        Value e = a.mul(b);
        Value d = e.add(c);
        Value L = d.mul(f);
        L.backward();
        L.backward(BackwardRule.ACCUMULATE, false);
        L.backward(BackwardRule.ACCUMULATE, false);
        assertEquals(3 * 6, a.grad(), "dL/da = b*f = 6, three passes");
        assertEquals(3 * -4, b.grad());
        assertEquals(3 * -2, d.grad());
        assertEquals(3, L.grad(), "the output's own grad adds up too, as a retained grad does");
        L.backward(BackwardRule.ACCUMULATE, true);
        assertEquals(6, a.grad(), "zeroing first gives the single pass again");
    }

    @Test
    void overwriteWithoutZeroingDoesNotAddUp() {
        Value a = Value.of(3, "a");
        Value b = a.mul(a);
        b.backward(BackwardRule.OVERWRITE, false);
        b.backward(BackwardRule.OVERWRITE, false);
        assertEquals(3, a.grad(), "= keeps only the last use: a * 1 * ... = 3, not 2a = 6, and never sums passes");
    }

    @Test
    void stepperMatchesBackwardForEveryRuleAndZeroing() {
        for (BackwardRule rule : BackwardRule.values()) {
            for (boolean zero : new boolean[] {true, false}) {
                Mlp m1 = new Mlp(2, new int[] {3, 1}, new Random(7), false);
                Mlp m2 = new Mlp(2, new int[] {3, 1}, new Random(7), false);
                Value o1 = m1.call(0.4, -0.8).mul(m1.call(0.4, -0.8));
                Value o2 = m2.call(0.4, -0.8).mul(m2.call(0.4, -0.8));
                o1.backward();
                o2.backward();
                o1.backward(rule, zero);
                new BackwardStepper(o2, rule, zero).finish();
                List<Value> p1 = m1.parameters();
                List<Value> p2 = m2.parameters();
                for (int i = 0; i < p1.size(); i++) {
                    assertEquals(p1.get(i).grad(), p2.get(i).grad(), 1e-12, rule + " zero=" + zero + " " + p1.get(i));
                }
            }
        }
    }

    @Test
    void stepperSaysPlusEqualsWhenAccumulatingAndRestoresOnBack() {
        Value a = Value.of(3, "a");
        Value b = a.add(a).label("b");
        b.backward();
        BackwardStepper s = new BackwardStepper(b, BackwardRule.ACCUMULATE, false);
        s.next();
        BackwardStepper.Step step = s.next();
        assertEquals("a.grad += db/da = db/db * 1 + db/db * 1 = 1 * 1 + 1 * 1 = 2  \u2192 a.grad = 4", step.chainRule());
        assertEquals(4, a.grad());
        s.back();
        assertEquals(2, a.grad(), "back restores the gradient from before this pass");
    }

    @Test
    void stepperUnderOverwriteKeepsOneUseAndSaysWhatWasLost() {
        Value a = Value.of(3, "a");
        Value b = a.add(a).label("b");
        List<BackwardStepper.Step> steps = new BackwardStepper(b, BackwardRule.OVERWRITE, true).finish();
        assertEquals(1, a.grad());
        String line = steps.get(1).chainRule();
        assertTrue(line.startsWith("db/da = db/db * 1 = 1 * 1 = 1"), line);
        assertTrue(line.contains("overwrote 1 other contribution"), line);
    }

    @Test
    void gradientCheckRefutesOverwrite() {
        Value a = Value.of(3, "a");
        Value b = a.add(a).label("b");
        GradientCheck.LeafCheck wrong = GradientCheck.run(b, 1e-6, BackwardRule.OVERWRITE).get(0);
        assertEquals(1, wrong.autograd());
        assertEquals(2, wrong.numeric(), 1e-6);
        assertTrue(wrong.relativeError() > 0.4);
        assertTrue(GradientCheck.run(b, 1e-6).get(0).relativeError() < 1e-6);
    }
}
