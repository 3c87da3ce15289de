package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The network step-through with zero_grad off: each step adds its gradients to the last step's. */
class NetworkStepperZeroGradTest {

    private static Trainer trainer() {
        TrainingConfig d = TrainingConfig.defaults();
        return Trainer.fromConfig(d.withNetwork(d.network().withHidden(new int[] {5})).withBatchSize(4));
    }

    @Test
    void theUpdateUsesTheSumOfThisStepsAndTheLastStepsGradients() {
        Trainer off = trainer();
        Trainer on = trainer();
        new NetworkStepper(off).complete();
        new NetworkStepper(on).complete();
        List<Parameter> p = off.network().parameters();
        double[] lastGrad = p.get(0).grad().data.clone();
        double[] before = p.get(0).value().data.clone();
        NetworkStepper s = new NetworkStepper(off).withoutZeroGrad();
        s.complete();
        new NetworkStepper(on).complete(); // the same batch, its own gradient only
        double[] own = on.network().parameters().get(0).grad().data;
        double lr = TrainingConfig.defaults().learningRate();
        for (int j = 0; j < own.length; j++) {
            assertEquals(lastGrad[j] + own[j], p.get(0).grad().data[j], 1e-12, "W1 grad " + j);
            assertEquals(before[j] - lr * (lastGrad[j] + own[j]), p.get(0).value().data[j], 1e-12, "W1 " + j);
        }
        assertTrue(s.revealed().stream().anyMatch(st -> st.text().startsWith("dL/dW1 = x\u1d40 \u00b7 dL/dz1")
                && st.text().contains(" + the last step's (zero_grad off)")),
                s.revealed().toString());
    }

    @Test
    void zeroGradIsChosenBeforeTheStepBegins() {
        NetworkStepper s = new NetworkStepper(trainer());
        s.next();
        assertThrows(IllegalStateException.class, s::withoutZeroGrad);
    }
}
