package dev.backprop.playground.io;

import dev.backprop.playground.engine.nn.Metrics;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * metrics.csv written a row at a time as a run reaches it, so a long run holds one row, not a
 * million: step,train_loss,test_loss,train_acc,test_acc; empty fields where there is no test set,
 * and empty accuracies for regression. The losses are data losses (a weight penalty is not in them).
 * A run by epochs ({@code stepsPerEpoch} above 0) adds each row's epoch, the steps done over the
 * steps of an epoch (0 for the row before training); a perceptron's run adds an errors column, its
 * updates since the row before (seed 004's misclassifications per epoch). {@link MetricsCsv} reads it.
 */
public final class MetricsCsvWriter implements Closeable {
    private final BufferedWriter out;
    private final long stepsPerEpoch;
    private final boolean errors;
    private long mistakesBefore;
    private boolean closed;

    /** Starts {@code file} (a staged file of an {@link OutputSet}) with its header. */
    public MetricsCsvWriter(Path file, long stepsPerEpoch, boolean errors) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.stepsPerEpoch = stepsPerEpoch;
        this.errors = errors;
        out.write(MetricsCsv.HEADER + (stepsPerEpoch > 0 ? MetricsCsv.EPOCH : "") + (errors ? MetricsCsv.ERRORS : "")
                + "\n");
    }

    /** One row; {@code mistakes} is the perceptron's updates so far (ignored without an errors column). */
    public void append(Metrics m, long mistakes) throws IOException {
        StringBuilder sb = new StringBuilder(96);
        sb.append(m.step()).append(',').append(RunFiles.num(m.trainLoss())).append(',')
                .append(RunFiles.num(m.testLoss())).append(',').append(RunFiles.num(m.trainAccuracy())).append(',')
                .append(RunFiles.num(m.testAccuracy()));
        if (stepsPerEpoch > 0) {
            sb.append(',').append(m.step() / stepsPerEpoch);
        }
        if (errors) {
            sb.append(',').append(mistakes - mistakesBefore);
            mistakesBefore = mistakes;
        }
        out.write(sb.append('\n').toString());
    }

    /** Flushes and closes the file; closing again does nothing. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
