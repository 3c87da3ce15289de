package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.nn.Epochs;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.train.Snapshot;
import org.junit.jupiter.api.Test;

/** The status line's speed and epoch, from the engine's count of examples seen. */
class SpeedTextTest {
    private static final TrainingConfig BLOBS = TrainingConfig.defaults()
            .withData(DatasetKind.BLOBS, 2000, TrainingConfig.defaults().noise(), 0);
    private static final DataSplit DATA = Trainer.split(BLOBS); // 1,600 to train

    private static Snapshot at(TrainingConfig c, long step, boolean running, double stepsPerSecond, long samplesSeen) {
        return Snapshot.builder().step(step).running(running).config(c).data(DATA).stepsPerSecond(stepsPerSecond)
                .samplesSeen(samplesSeen).build();
    }

    @Test
    void theEpochIsTheExamplesSeenOverTheTrainingSetNotTheStepsTimesTheBatchNow() {
        // 16,000 steps of batch 1, then 200 of batch 1,600: 336,000 examples, 210 epochs (step x batch said 16,200)
        TrainingConfig full = BLOBS.withBatchSize(1600);
        assertEquals("   paused, epoch 210.0", SpeedText.of(at(full, 16_200, false, 0, 336_000)));
        assertEquals("   32,000 samples/s (20 steps/s), epoch 210.0", SpeedText.of(at(full, 16_200, true, 20, 336_000)));
    }

    @Test
    void singleExamplesShowStepsAndTheEpochOnlyWhenTrainingByEpochs() {
        TrainingConfig single = BLOBS.withBatchSize(1);
        assertEquals("   2,500 steps/s", SpeedText.of(at(single, 4000, true, 2500, 4000)));
        TrainingConfig byEpoch = single.withEpochs(new Epochs(10, false));
        assertEquals("   2,500 steps/s, epoch 2.5", SpeedText.of(at(byEpoch, 4000, true, 2500, 4000)));
    }

    @Test
    void aCountNotKnownFallsBackToStepsTimesTheBatch() {
        assertEquals("   paused, epoch 2.0", SpeedText.of(at(BLOBS.withBatchSize(32), 100, false, 0, -1)));
    }
}
