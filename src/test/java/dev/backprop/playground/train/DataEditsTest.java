package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.TrainingConfig;
import org.junit.jupiter.api.Test;

/** Edit mode's commands on the engine: add, delete the nearest, undo and redo. */
class DataEditsTest {
    private static TrainingConfig config() {
        return TrainingConfig.defaults().withData(DatasetKind.BLOBS, 60, 0.1, 2, 3);
    }

    @Test
    void addAndDeleteChangeExactlyThosePointsAndUndoRestoresTheDataBitForBit() throws Exception {
        SessionEngine engine = new SessionEngine(config());
        DataSplit original = EngineDriver.apply(engine, new Command.Step(100)).data();
        double[] weights = engine.trainerState().weights();

        DataSplit added = EngineDriver.apply(engine, new Command.AddPoints(new double[] {9, 9, 8, 8}, 2)).data();
        assertEquals(62, added.all().size());
        assertEquals(9, added.all().x1(60));
        assertEquals(8, added.all().x2(61));
        assertEquals(2, added.all().label(61));
        assertArrayEquals(weights, engine.trainerState().weights(), "an edit keeps the weights");

        DataSplit deleted = EngineDriver.apply(engine, new Command.DeletePointNear(8.9, 9.2)).data();
        assertEquals(61, deleted.all().size());
        assertEquals(8, deleted.all().x1(60), "the point nearest the click went");

        EngineDriver.apply(engine, new Command.UndoEdit());
        DataSplit undone = EngineDriver.apply(engine, new Command.UndoEdit()).data();
        assertArrayEquals(original.all().features().data, undone.all().features().data);
        assertArrayEquals(original.all().labels().data, undone.all().labels().data);
        assertArrayEquals(original.isTest(), undone.isTest());

        DataSplit redone = EngineDriver.apply(engine, new Command.RedoEdit()).data();
        assertEquals(62, redone.all().size());
        Snapshot trained = EngineDriver.apply(engine, new Command.Step(50));
        assertEquals(150, trained.step(), "training goes on on the edited data");
    }

    @Test
    void theSnapshotSaysWhileThePointsAreTheUsersOwn() throws Exception {
        SessionEngine engine = new SessionEngine(config());
        assertFalse(engine.snapshot().ownData(), "generated blobs");
        assertTrue(EngineDriver.apply(engine, new Command.AddPoints(new double[] {1, 1}, 0)).ownData(), "edited");
        Snapshot reset = EngineDriver.apply(engine, new Command.Reset());
        assertTrue(reset.ownData(), "Reset keeps the user's points");
        assertEquals(61, reset.data().all().size());
        Snapshot generated = EngineDriver.apply(engine, new Command.SetData(DatasetKind.MOONS, 200, 0.1, 0));
        assertFalse(generated.ownData(), "a generated dataset replaces them");
    }

    @Test
    void aLabelThatIsNotAClassIsRefusedAndNothingChanges() throws Exception {
        SessionEngine engine = new SessionEngine(config());
        Snapshot s = EngineDriver.apply(engine, new Command.AddPoints(new double[] {0, 0}, 3));
        assertTrue(s.message().contains("class must be 0 to 2"), s.message());
        assertEquals(60, s.data().all().size());
        s = EngineDriver.apply(engine, new Command.UndoEdit());
        assertTrue(s.message().contains("no edit to undo"), s.message());
    }
}
