package dev.backprop.playground.engine.nn;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Gradient accumulation: N mini-batches, each forward and backward, their gradients summed, then
 * one update. Each mini-batch's loss is a mean, so the update uses the sum divided by N, the mean
 * over all N*B examples: N batches of B step as one batch of N*B on the same rows does (a test
 * holds it to that). It is how a large batch is trained when only a small one fits in memory, and
 * the deliberate use of what seed 001 calls a bug: gradients that are not zeroed add up.
 */
public final class GradientAccumulation {
    /** Most mini-batches summed into one update. */
    public static final int MAX_BATCHES = 1024;

    private final Trainer trainer;
    private final int batches;
    private Sequential net;
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<DMatrixRMaj> sums = new ArrayList<>();

    /**
     * @throws IllegalArgumentException when {@code batches} is outside 1..{@link #MAX_BATCHES}
     */
    public GradientAccumulation(Trainer trainer, int batches) {
        if (batches < 1 || batches > MAX_BATCHES) {
            throw new IllegalArgumentException("--accumulate is 1 to " + MAX_BATCHES + " mini-batches, not " + batches);
        }
        this.trainer = trainer;
        this.batches = batches;
    }

    /** One sum buffer per parameter of the trainer's network (again after a rebuild). */
    private void fitNetwork() {
        if (net == trainer.network()) {
            return;
        }
        net = trainer.network();
        parameters.clear();
        sums.clear();
        for (Parameter p : net.parameters()) {
            parameters.add(p);
            sums.add(new DMatrixRMaj(p.grad().numRows, p.grad().numCols));
        }
    }

    public int batches() {
        return batches;
    }

    /** One update from {@link #batches()} mini-batches; returns their mean loss (NaN/Inf if diverged). */
    public double step() {
        fitNetwork();
        for (DMatrixRMaj s : sums) {
            s.zero();
        }
        double loss = 0;
        for (int k = 0; k < batches; k++) {
            trainer.beginStep();
            DMatrixRMaj out = net.forward(trainer.lastBatchFeatures());
            loss += net.computeLoss(out, trainer.lastBatchLabels());
            net.backward(); // the layers write (=) this batch's gradient; the sum keeps the earlier ones
            for (int i = 0; i < parameters.size(); i++) {
                double[] g = parameters.get(i).grad().data;
                double[] s = sums.get(i).data;
                for (int j = 0; j < s.length; j++) {
                    s[j] += g[j];
                }
            }
        }
        for (int i = 0; i < parameters.size(); i++) {
            double[] g = parameters.get(i).grad().data;
            double[] s = sums.get(i).data;
            for (int j = 0; j < s.length; j++) {
                g[j] = s[j] / batches;
            }
        }
        double mean = loss / batches;
        trainer.finishStep(mean);
        return mean;
    }
}
