package dev.backprop.playground.engine.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StepperTest {

    @Test
    void seedExampleStepByStep() {
        Value a = Value.of(2, "a");
        Value b = Value.of(-3, "b");
        Value c = Value.of(10, "c");
        Value f = Value.of(-2, "f");
        Value d = a.mul(b).label("e").add(c).label("d");
        Value L = d.mul(f).label("L");
        BackwardStepper s = new BackwardStepper(L);
        assertEquals(7, s.total());
        BackwardStepper.Step first = s.next();
        assertEquals(L, first.node());
        assertEquals("dL/dL = 1", first.chainRule());
        assertEquals(0, d.grad(), "not reached yet");
        List<String> lines = new ArrayList<>();
        while (s.hasNext()) {
            lines.add(s.next().chainRule());
        }
        assertTrue(lines.contains("dL/dd = dL/dL * f = 1 * -2 = -2"), lines.toString());
        assertTrue(lines.contains("dL/da = dL/de * b = -2 * -3 = 6"), lines.toString());
        assertEquals(6, a.grad());
        assertEquals(-4, b.grad());
        assertEquals(-2, c.grad());
        assertEquals(4, f.grad());
    }

    @Test
    void visitsInReverseTopologicalOrder() {
        Mlp mlp = new Mlp(2, new int[] {3, 1}, new Random(3), false);
        Value out = mlp.call(0.3, 0.9);
        BackwardStepper s = new BackwardStepper(out);
        List<Value> topo = out.topologicalOrder();
        int k = topo.size() - 1;
        while (s.hasNext()) {
            BackwardStepper.Step step = s.next();
            assertEquals(topo.get(k--), step.node());
            // every consumer of this node was visited before it
            for (Value v : topo) {
                if (v.operands().contains(step.node())) {
                    assertTrue(s.isDone(v));
                }
            }
        }
    }

    @Test
    void steppingToTheEndEqualsBackward() {
        Mlp mlp = new Mlp(2, new int[] {4, 4, 1}, new Random(7), false);
        Value loss = mlp.call(1.5, -0.5).sub(1).pow(2).add(mlp.call(0.2, 0.4).add(1).pow(2));
        loss.backward();
        List<Value> order = loss.topologicalOrder();
        double[] expected = order.stream().mapToDouble(Value::grad).toArray();
        new BackwardStepper(loss).finish();
        for (int i = 0; i < order.size(); i++) {
            assertEquals(expected[i], order.get(i).grad(), 1e-12, "node " + i);
        }
    }

    @Test
    void accumulationShowsBothTerms() {
        Value a = Value.of(3, "a");
        Value b = a.add(a).label("b");
        BackwardStepper s = new BackwardStepper(b);
        s.next();
        BackwardStepper.Step step = s.next();
        assertEquals("db/da = db/db * 1 + db/db * 1 = 1 * 1 + 1 * 1 = 2", step.chainRule());
        assertFalse(s.hasNext());
    }

    @Test
    void backUndoesTheLastStep() {
        Value a = Value.of(2, "a");
        Value L = a.mul(a).label("L");
        BackwardStepper s = new BackwardStepper(L);
        s.next();
        s.next();
        assertEquals(4, a.grad());
        s.back();
        assertEquals(0, a.grad());
        assertEquals(1, s.position());
        assertEquals(4, s.next().grad());
    }

    @Test
    void forwardStepperRecomputesInOrderWithFormulas() {
        Value a = Value.of(2, "a");
        Value b = Value.of(-3, "b");
        Value e = a.mul(b).label("e");
        a.setData(4);
        ForwardStepper s = new ForwardStepper(e);
        assertEquals("a = 4 (a leaf: input or parameter)", s.next().formula());
        s.next();
        ForwardStepper.Step last = s.next();
        assertEquals("e = a * b = 4 * -3 = -12", last.formula());
        assertEquals(-12, e.data());
    }
}
