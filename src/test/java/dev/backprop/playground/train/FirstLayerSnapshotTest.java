package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.TrainingConfig;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The first layer's weights in the snapshot: what the weight pictures draw. */
class FirstLayerSnapshotTest {

    private static DMatrixRMaj w1(SessionEngine engine) {
        return engine.trainer().network().parameters().get(0).value();
    }

    @Test
    void digitsPublishTheFirstLayerAsTheNetworkHasIt() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), 20);
        Snapshot s = EngineDriver.apply(engine, new Command.ChooseData(DataChoice.DIGITS));
        FirstLayer first = s.firstLayer();
        assertNotNull(first);
        assertEquals(64, first.inputs());
        int units = s.config().network().hidden().length == 0 ? 10 : s.config().network().hidden()[0];
        assertEquals(units, first.units());
        assertArrayEquals(new int[] {8, 8}, first.shape());
        DMatrixRMaj w = w1(engine);
        double max = 0;
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < units; j++) {
                assertEquals(w.get(i, j), first.weight(i, j), 1e-6, "W1[" + i + "," + j + "]");
                max = Math.max(max, Math.abs(w.get(i, j)));
            }
        }
        assertEquals(max, first.maxAbsWeight(), 1e-12);
        assertEquals(engine.trainer().network().parameters().get(1).value().get(0, 3), first.bias(3), 1e-6);
    }

    @Test
    void aCopyIsNotTheNetworkAndFollowsTrainingAtTheCadence() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), 20);
        Snapshot before = EngineDriver.apply(engine, new Command.ChooseData(DataChoice.DIGITS));
        float before5 = (float) before.firstLayer().weight(20, 0);
        Snapshot after = EngineDriver.apply(engine, new Command.Step(250));
        assertEquals(250, after.firstLayer().step());
        assertEquals(before5, before.firstLayer().weight(20, 0), "the old copy is not written by training");
        assertNotEquals(before.firstLayer().weight(20, 0), after.firstLayer().weight(20, 0));
        assertEquals(w1(engine).get(20, 0), after.firstLayer().weight(20, 0), 1e-6);
    }

    @Test
    void withNoHiddenLayerTheUnitsAreTheClasses() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), 20);
        EngineDriver.apply(engine, new Command.ChooseData(DataChoice.DIGITS));
        Snapshot s = EngineDriver.apply(engine,
                new Command.SetNetwork(engine.snapshot().config().network().withHidden()));
        assertNull(s.problem(), () -> s.problem().text());
        assertTrue(s.firstLayer().output());
        assertEquals(10, s.firstLayer().units());
        Snapshot hidden = EngineDriver.apply(engine,
                new Command.SetNetwork(engine.snapshot().config().network().withHidden(16)));
        assertFalse(hidden.firstLayer().output());
        assertEquals(16, hidden.firstLayer().units());
    }

    @Test
    void thePlaneHasNone() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), 20);
        assertNull(EngineDriver.apply(engine, new Command.Step(1)).firstLayer());
    }
}
