package dev.backprop.playground.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.OptimizerKind;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bench's image workload is real training: the right shapes, a loss that starts at log 10 and falls. */
class ImageWorkloadTest {

    @Test
    void theNetworkIsSeed003sAndLearnsThePrototypes() {
        ImageWorkload w = new ImageWorkload(640, OptimizerKind.MOMENTUM, 0);
        assertEquals(784 * 100 + 100 + 100 * 10 + 10, w.network().parameterCount());
        Random shuffle = new Random(1);
        double first = w.step(shuffle);
        // small uniform weights: the logits start near zero, so the loss near log 10
        assertEquals(Math.log(10), first, 0.3);
        double last = first;
        for (int i = 0; i < 150; i++) {
            last = w.step(shuffle);
        }
        assertTrue(last < 0.5, "ten noisy prototypes are easy: loss " + first + " -> " + last);
    }

    @Test
    void anEpochIsSixtyThousandSamplesInWholeBatches() {
        ImageWorkload w = new ImageWorkload(128, OptimizerKind.SGD, 0);
        assertEquals(60_000 / 64 / 100 * 64, w.epoch(new Random(1), 0.01));
    }
}
