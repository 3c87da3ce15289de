package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.Epochs;
import dev.backprop.playground.engine.nn.FeatureSet;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Step (or a pause) that ends off the 250-step cadence still gets a metrics row at the step reached:
 * the status line and the chart show the network that is shown, not the row before it.
 */
class StoppedOffCadenceRowTest {
    private static NetworkSpec single(Loss loss) {
        return new NetworkSpec(FeatureSet.RAW, new int[0], Activation.RELU, Head.of(loss, 2), Initializer.fromId("normal:0.01"));
    }

    private static Metrics last(Snapshot s) {
        List<Metrics> rows = s.history();
        return rows.get(rows.size() - 1);
    }

    @Test
    void adalineFullBatchAfterThePerceptronShowsTheTrainedRowAfterStep200() throws InterruptedException {
        SessionEngine engine = EngineDriver.onBlobs();
        int train = engine.snapshot().data().train().size();
        EngineDriver.apply(engine, new Command.SetNetwork(single(Loss.PERCEPTRON)),
                new Command.SetEpochs(new Epochs(Epochs.MAX_EPOCHS, true)), new Command.Step(10L * train));
        Snapshot rebuilt = EngineDriver.apply(engine, new Command.SetNetwork(single(Loss.ADALINE)),
                new Command.SetBatchSize(train));
        long from = rebuilt.step();
        assertEquals(from, last(rebuilt).step(), "the rebuild's row");
        Snapshot stepped = EngineDriver.apply(engine, new Command.Step(200));
        assertEquals(from + 200, stepped.step());
        Metrics row = last(stepped);
        assertEquals(stepped.step(), row.step(), "a row at the step reached, off the 250 cadence");
        assertTrue(row.trainAccuracy() > 0.95, "the trained Adaline's accuracy: " + row.trainAccuracy());
        assertTrue(row.trainLoss() < 0.1, "the trained Adaline's loss: " + row.trainLoss());
    }

    @Test
    void aPauseOffTheCadenceRecordsTheStepReachedOnceAndTheTimelineKeepsIt() throws InterruptedException {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), new ManualClock());
        Snapshot stepped = EngineDriver.apply(engine, new Command.Step(130));
        assertEquals(130, last(stepped).step());
        assertEquals(List.of(0L, 130L), stepped.history().stream().map(Metrics::step).toList());
        assertEquals(List.of(0L, 130L), stepped.timeline().steps());
        engine.apply(new Command.Pause());
        assertEquals(2, engine.snapshot().history().size(), "paused where the row already is: no second row");
        Snapshot more = EngineDriver.apply(engine, new Command.Step(200));
        assertEquals(List.of(0L, 130L, 250L, 330L), more.history().stream().map(Metrics::step).toList());
    }
}
