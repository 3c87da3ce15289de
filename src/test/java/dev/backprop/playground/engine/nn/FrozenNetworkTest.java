package dev.backprop.playground.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** A frozen copy predicts as the live network did when it was frozen, whatever training does after. */
class FrozenNetworkTest {
    private static final DMatrixRMaj POINTS = new DMatrixRMaj(new double[][] {{0.5, -1}, {-2, 0.25}, {1.5, 1.5}});

    private static double[] predict(Sequential net) {
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        net.predict(POINTS, out);
        return Arrays.copyOf(out.data, out.getNumElements());
    }

    @Test
    void theCopyKeepsTheStepItWasFrozenAtAndIsRefilledInPlace() {
        Trainer t = Trainer.fromConfig(TrainingConfig.defaults());
        for (int i = 0; i < 20; i++) {
            t.step();
        }
        double[] atStep20 = predict(t.network());
        FrozenNetwork frozen = new FrozenNetwork();
        Sequential copy = frozen.freeze(t);
        assertNotSame(t.network(), copy);
        assertArrayEquals(atStep20, predict(copy), 0.0, "the same bits as the live network");
        for (int i = 0; i < 50; i++) {
            t.step();
        }
        double[] atStep70 = predict(t.network());
        assertFalse(Arrays.equals(atStep20, atStep70), "training moved the live network");
        assertArrayEquals(atStep20, predict(copy), 0.0, "the copy is still step 20's");
        assertSame(copy, frozen.freeze(t), "refilled, not built again");
        assertArrayEquals(atStep70, predict(copy), 0.0);
    }

    @Test
    void anotherShapeGetsACopyOfItsOwn() {
        Trainer t = Trainer.fromConfig(TrainingConfig.defaults());
        FrozenNetwork frozen = new FrozenNetwork();
        Sequential before = frozen.freeze(t);
        t.rebuild(t.spec().withHidden(3, 4), t.optimizer().kind(), new Random(7));
        Sequential after = frozen.freeze(t);
        assertNotSame(before, after);
        assertEquals(t.network().parameterCount(), after.parameterCount());
        assertArrayEquals(predict(t.network()), predict(after), 0.0);
    }
}
