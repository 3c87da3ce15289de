package dev.backprop.playground.bench;

import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.ActivationLayer;
import dev.backprop.playground.engine.nn.FeatureSet;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.Optimizer;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.engine.nn.SoftmaxLayer;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Seed 003's MLP as a training workload: 784-100-10 ReLU, softmax + cross-entropy, mini-batches of
 * 64 drawn from Fashion-MNIST-shaped data. The images are synthetic (ten noisy class prototypes in
 * [0, 1]), because the speed of a dense step does not depend on what the pixels show; a pool of
 * {@link #POOL} images stands for the 60,000 so the bench needs 38 MB, not 376. The step is the
 * engine's own (Sequential forward, the head's loss, backward, the optimizer), as the Trainer runs it.
 * src/bench/python/images_torch.py builds the same workload for PyTorch.
 */
public final class ImageWorkload {
    public static final int PIXELS = 784;
    public static final int HIDDEN = 100;
    public static final int CLASSES = 10;
    public static final int BATCH = 64;
    /** One epoch of Fashion-MNIST's training split. */
    public static final int EPOCH = 60_000;
    public static final int POOL = 6_000;

    private final double[] images;
    private final double[] labels;
    private final int poolSize;
    private final int[] order;
    private final Sequential network;
    private final Optimizer optimizer;
    private final DMatrixRMaj batchX = new DMatrixRMaj(BATCH, PIXELS);
    private final DMatrixRMaj batchY = new DMatrixRMaj(BATCH, 1);
    private int cursor;

    /**
     * @param poolSize how many distinct images (at least {@link #BATCH})
     * @param optimizer sgd or momentum (0.9), at learning rate 0.01
     */
    public ImageWorkload(int poolSize, OptimizerKind optimizer, long seed) {
        Random random = new Random(seed);
        this.poolSize = poolSize;
        this.images = new double[poolSize * PIXELS];
        this.labels = new double[poolSize];
        double[] prototypes = new double[CLASSES * PIXELS];
        for (int i = 0; i < prototypes.length; i++) {
            prototypes[i] = random.nextDouble();
        }
        for (int n = 0; n < poolSize; n++) {
            int label = n % CLASSES;
            labels[n] = label;
            for (int p = 0; p < PIXELS; p++) {
                double v = prototypes[label * PIXELS + p] + 0.3 * random.nextGaussian();
                images[n * PIXELS + p] = Math.min(1, Math.max(0, v));
            }
        }
        this.order = new int[poolSize];
        for (int i = 0; i < poolSize; i++) {
            order[i] = i;
        }
        this.network = new Sequential(List.of(linear(PIXELS, HIDDEN, 1, random), new ActivationLayer(Activation.RELU),
                linear(HIDDEN, CLASSES, 2, random), new SoftmaxLayer()), Head.multiclass(CLASSES), FeatureSet.RAW);
        this.optimizer = optimizer.create(network.parameters(), 0.01);
    }

    /** PyTorch's nn.Linear default: W and b uniform in +-1/sqrt(in). */
    private static Linear linear(int in, int out, int index, Random random) {
        Linear l = new Linear(in, out, index);
        double bound = 1 / Math.sqrt(in);
        for (double[] a : new double[][] {l.weight().value().data, l.bias().value().data}) {
            for (int i = 0; i < a.length; i++) {
                a[i] = bound * (2 * random.nextDouble() - 1);
            }
        }
        return l;
    }

    public Sequential network() {
        return network;
    }

    /** One step on the next 64 images of a shuffled pass through the pool; returns the batch's mean loss. */
    public double step(Random shuffle) {
        if (cursor + BATCH > poolSize) {
            for (int i = poolSize - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            cursor = 0;
        }
        for (int k = 0; k < BATCH; k++) {
            int row = order[cursor + k];
            System.arraycopy(images, row * PIXELS, batchX.data, k * PIXELS, PIXELS);
            batchY.data[k] = labels[row];
        }
        cursor += BATCH;
        double loss = network.computeLoss(network.forward(batchX), batchY);
        network.backward();
        optimizer.step();
        return loss;
    }

    /** Steps through one epoch's worth of samples ({@link #EPOCH}, rounded down to whole batches); returns them. */
    public long epoch(Random shuffle, double fraction) {
        long steps = Math.max(1, (long) (EPOCH * fraction) / BATCH);
        for (long i = 0; i < steps; i++) {
            step(shuffle);
        }
        return steps * BATCH;
    }
}
