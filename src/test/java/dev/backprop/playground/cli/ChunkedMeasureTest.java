package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Issue 28: eval measures block by block, with progress, and gets what one pass over all points gets. */
class ChunkedMeasureTest {
    @Test
    void blocksWeightedByTheirRowsGiveTheWholeSetsMeansAndReportProgress() {
        TrainingConfig c = TrainingConfig.defaults();
        c = c.withData(c.dataset(), 10_000, c.noise(), c.seed(), c.classes());
        Trainer trainer = Trainer.fromConfig(c);
        for (int i = 0; i < 50; i++) {
            trainer.step(); // weights that are not the initial ones
        }
        DataSplit points = trainer.data();
        double[] whole = trainer.measure(points.all());
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), 10_000, "evaluating", "point", 0);
        double[] blocks = ChunkedMeasure.measure(trainer, points.all(), bar, 0);
        bar.finish();
        assertEquals(whole.length, blocks.length);
        for (int i = 0; i < whole.length; i++) {
            assertEquals(whole[i], blocks[i], 1e-12 * Math.max(1, Math.abs(whole[i])), "measure " + i);
        }
        // three blocks (4,096 + 4,096 + 1,808); the first always draws, later ones at most ten times a second
        assertTrue(text.toString().startsWith("\revaluating [############------------------]  41%  point 4096/10000  loss "),
                text.toString());
        assertTrue(text.toString().endsWith("points/s \n") || text.toString().endsWith("points/s " + System.lineSeparator()),
                text.toString());
    }
}
