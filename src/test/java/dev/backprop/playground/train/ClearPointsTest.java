package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.TrainingConfig;
import org.junit.jupiter.api.Test;

/** Edit mode's Clear: an empty plane refuses training with what to add, points make it train, Undo restores. */
class ClearPointsTest {
    @Test
    void clearThenPlayIsRefusedUntilTwoClassesAreBackAndUndoRestoresTheDataBitForBit() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults().withData(DatasetKind.MOONS, 200, 0.1, 3));
        DataSplit original = EngineDriver.apply(engine, new Command.Step(30)).data();

        Snapshot cleared = EngineDriver.apply(engine, new Command.ClearPoints());
        assertEquals(0, cleared.data().all().size());
        assertEquals("add points of at least two classes first", cleared.playRefusal());
        assertNotNull(cleared.grid(), "the boundary shows the untrained network");

        Snapshot refused = EngineDriver.apply(engine, new Command.Play());
        assertFalse(refused.running());
        assertTrue(refused.problem().text().contains("add points of at least two classes first"), refused.problem().text());
        assertEquals(30, EngineDriver.apply(engine, new Command.Step(5)).step(), "Step is refused too");
        Snapshot reset = EngineDriver.apply(engine, new Command.Reset());
        assertEquals(0, reset.data().all().size(), "Reset keeps the empty plane");
        assertTrue(Double.isFinite(reset.grid().minX1()) && reset.grid().maxX1() > reset.grid().minX1(),
                "the empty plane still has a boundary to show");

        EngineDriver.apply(engine, new Command.AddPoints(new double[] {-1, -1, -1.2, -0.8, -0.9, -1.1}, 0));
        Snapshot oneClass = engine.snapshot();
        assertEquals("add points of at least two classes first", oneClass.playRefusal(), "one class is not enough");
        Snapshot twoClasses = EngineDriver.apply(engine,
                new Command.AddPoints(new double[] {1, 1, 1.2, 0.8, 0.9, 1.1, 1.1, 0.9}, 1));
        assertEquals("", twoClasses.playRefusal());
        assertEquals(100, EngineDriver.apply(engine, new Command.Step(100)).step(), "points of two classes train");

        EngineDriver.apply(engine, new Command.UndoEdit());
        EngineDriver.apply(engine, new Command.UndoEdit());
        DataSplit undone = EngineDriver.apply(engine, new Command.UndoEdit()).data();
        assertArrayEquals(original.all().features().data, undone.all().features().data);
        assertArrayEquals(original.all().labels().data, undone.all().labels().data);
        assertArrayEquals(original.isTest(), undone.isTest());
    }

    @Test
    void aClearedRegressionAsksForTwoPoints() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults().withData(DatasetKind.PLANE, 100, 0.1, 3));
        Snapshot cleared = EngineDriver.apply(engine, new Command.ClearPoints(), new Command.Play());
        assertEquals("add at least two points", cleared.playRefusal());
        assertTrue(cleared.problem().text().contains("add at least two points"), cleared.problem().text());
    }
}
