package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkStepperTest {

    private static TrainingConfig config(int batch, int... hidden) {
        TrainingConfig d = TrainingConfig.defaults();
        return d.withNetwork(d.network().withHidden(hidden)).withBatchSize(batch).withOptimizer(OptimizerKind.ADAM);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16})
    void steppingThroughEqualsATrainingStep(int batch) {
        TrainingConfig c = config(batch, 6, 5);
        Trainer plain = Trainer.fromConfig(c);
        Trainer stepped = Trainer.fromConfig(c);
        for (int round = 0; round < 3; round++) {
            double loss = plain.step();
            NetworkStepper s = new NetworkStepper(stepped);
            s.complete();
            assertTrue(s.isComplete());
            assertEquals(loss, stepped.lastLoss());
            assertEquals(plain.steps(), stepped.steps());
            for (int i = 0; i < plain.network().parameters().size(); i++) {
                assertArrayEquals(plain.network().parameters().get(i).value().data,
                        stepped.network().parameters().get(i).value().data, "parameter " + i + " after round " + round);
            }
        }
        // and the next ordinary step still agrees: the stepper took the same batch as step() would
        assertEquals(plain.step(), stepped.step());
    }

    @Test
    void passesInOrderWithChainRuleText() {
        Trainer t = Trainer.fromConfig(config(1, 50));
        NetworkStepper s = new NetworkStepper(t);
        List<NetworkStepper.Step> forward = s.finishPass();
        assertEquals(List.of("matmul1", "add1", "act1", "matmul2", "add2", "act2", "loss"),
                forward.stream().map(NetworkStepper.Step::nodeId).toList());
        assertTrue(forward.get(0).text().startsWith("x\u00b7W1 = x \u00b7 W1   (1\u00d72 \u00b7 2\u00d750)"), forward.get(0).text());
        assertEquals(0, t.steps(), "no update yet");
        List<NetworkStepper.Step> backward = s.finishPass();
        assertEquals(List.of("loss", "act2", "add2", "b2", "matmul2", "W2", "act1", "add1", "b1", "matmul1", "W1", "x"),
                backward.stream().map(NetworkStepper.Step::nodeId).toList());
        assertTrue(backward.get(6).text().startsWith("dL/dh1 = dL/dz2 \u00b7 W2\u1d40"), backward.get(6).text());
        assertTrue(backward.get(5).text().startsWith("dL/dW2 = h1\u1d40 \u00b7 dL/dz2"), backward.get(5).text());
        NetworkStepper.Step update = s.next();
        assertEquals(NetworkStepper.Phase.UPDATE, update.phase());
        assertTrue(update.text().contains("\u2016\u0394W1\u2016"), update.text());
        assertEquals(1, t.steps());
        assertFalse(s.hasNext());
    }

    @Test
    void revealTracksWhatIsKnown() {
        Trainer t = Trainer.fromConfig(config(1, 4));
        NetworkStepper s = new NetworkStepper(t);
        assertTrue(s.pendingData().containsAll(List.of(NodeId.matmul(1), NodeId.add(1), NodeId.activation(1), NodeId.loss())));
        s.next();
        assertFalse(s.pendingData().contains(NodeId.matmul(1)));
        s.finishPass();
        s.next();
        s.next();
        assertEquals(java.util.Set.of(NodeId.loss(), NodeId.activation(2)), s.knownGrads());
        s.back();
        assertEquals(java.util.Set.of(NodeId.loss()), s.knownGrads());
        assertEquals("act2", s.next().nodeId(), "moving forward again shows the same step");
    }

    /**
     * Issue 26: the chain rules give their factors, so dL/dz2 = dL/dy_hat (.) sigmoid'(z2) shows the two
     * numbers it multiplies, and their product is the gradient the rule prints.
     */
    @Test
    void chainRulesPrintTheirFactorsAndTheirProduct() {
        Trainer t = Trainer.fromConfig(config(1, 4));
        NetworkStepper s = new NetworkStepper(t);
        s.finishPass();
        List<NetworkStepper.Step> backward = s.finishPass();
        String dz2 = backward.get(2).text();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "dL/dz2 = dL/d\u0177 \u2299 sigmoid'\\(z2\\) = (\\S+) \u2299 (\\S+) = (\\S+)").matcher(dz2);
        assertTrue(m.find(), dz2);
        double upstream = Double.parseDouble(m.group(1));
        double local = Double.parseDouble(m.group(2));
        double product = Double.parseDouble(m.group(3));
        List<Layer> layers = t.network().layers();
        double yHat = ((CachingLayer) layers.get(layers.size() - 1)).lastOutput().get(0);
        double y = t.lastBatchLabels().get(0);
        assertEquals(Loss.BCE.derivative(yHat, y), upstream, 1e-4 * Math.max(1, Math.abs(upstream)));
        assertEquals(yHat * (1 - yHat), local, 1e-4);
        assertEquals(upstream * local, product, 1e-3 * Math.max(1e-3, Math.abs(product)));
        assertTrue(backward.get(5).text().contains(" = (1\u00d74 "), "dL/dW2 = h1^T . dL/dz2 names h1: " + backward.get(5).text());
        assertTrue(backward.get(6).text().matches("dL/dh1 = dL/dz2 \u00b7 W2\u1d40 = \\S+ \u00b7 \\(4\u00d71 .*"),
                backward.get(6).text());
    }

    @Test
    void theLossLineIsNeverRoundedToZero() {
        Trainer t = Trainer.fromConfig(config(1, 4));
        NetworkStepper s = new NetworkStepper(t);
        String loss = s.finishPass().get(6).text();
        assertTrue(loss.matches("L = mean bce\\(\u0177, y\\) = (-?[0-9]\\.[0-9]{4}(e[-+][0-9]+)?)"), loss);
        assertFalse(loss.endsWith("= 0.0000") || loss.endsWith("= -0.0000"), loss);
    }
}
