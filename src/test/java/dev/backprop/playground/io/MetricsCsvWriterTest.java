package dev.backprop.playground.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.playground.engine.nn.Metrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.csv written a row at a time reads back as it was written. */
class MetricsCsvWriterTest {
    @TempDir
    Path dir;

    @Test
    void rowsWrittenAsTheyComeReadBackWithEpochsAndErrors() throws Exception {
        Path file = dir.resolve("metrics.csv");
        try (MetricsCsvWriter w = new MetricsCsvWriter(file, 4, true)) {
            w.append(new Metrics(0, 0.69, Double.NaN, 0.5, Double.NaN, 0), 0);
            w.append(new Metrics(4, 0.25, Double.NaN, 0.75, Double.NaN, 0), 3);
            w.append(new Metrics(8, Double.POSITIVE_INFINITY, Double.NaN, 1.0, Double.NaN, 0), 5);
        }
        assertEquals(List.of("step,train_loss,test_loss,train_acc,test_acc,epoch,errors", "0,0.69,,0.5,,0,0",
                "4,0.25,,0.75,,1,3", "8,inf,,1.0,,2,2"), Files.readAllLines(file));
        List<Metrics> back = MetricsCsv.read(file);
        assertEquals(3, back.size());
        assertEquals(0.25, back.get(1).trainLoss());
        assertEquals(Double.POSITIVE_INFINITY, back.get(2).trainLoss());
        assertEquals(Double.NaN, back.get(2).testLoss());
    }
}
