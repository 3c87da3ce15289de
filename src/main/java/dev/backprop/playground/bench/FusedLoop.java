package dev.backprop.playground.bench;

import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.Sequential;
import java.util.Random;

/**
 * The practical limit for per-sample SGD on a 2-H-1 ReLU network with a sigmoid + BCE head: the
 * whole step written as one loop over primitive arrays, no layers, no matrices, no calls. It does
 * the work the engine does (forward, the loss value, backward, the update) from the same initial
 * weights and with the same sampling, so the bench can print the engine's speed as a share of it.
 * It is a yardstick, not a second engine: nothing but the bench uses it.
 */
public final class FusedLoop {
    private final double[] features;
    private final double[] labels;
    private final int samples;
    private final int hidden;
    private final double[] w1;
    private final double[] b1;
    private final double[] w2;
    private double b2;
    private final double[] z1;
    private final double[] h;
    private final Random sampling;
    private final double learningRate;
    private double lastLoss;

    /**
     * Copies the weights of {@code net} (a 2-H-1 network: Linear, ReLU, Linear, sigmoid) and samples
     * {@code train} with {@code sampling}, as {@link dev.backprop.playground.engine.nn.Trainer} would.
     */
    public FusedLoop(Sequential net, Dataset train, Random sampling, double learningRate) {
        Linear first = (Linear) net.layers().get(0);
        Linear second = (Linear) net.layers().get(2);
        this.hidden = first.outputSize(2);
        this.w1 = first.weight().value().data.clone();
        this.b1 = first.bias().value().data.clone();
        this.w2 = second.weight().value().data.clone();
        this.b2 = second.bias().value().data[0];
        this.features = train.features().data;
        this.labels = train.labels().data;
        this.samples = train.size();
        this.z1 = new double[hidden];
        this.h = new double[hidden];
        this.sampling = sampling;
        this.learningRate = learningRate;
    }

    /** One per-sample step; returns its loss. */
    public double step() {
        int j = sampling.nextInt(samples);
        double x0 = features[2 * j];
        double x1 = features[2 * j + 1];
        double y = labels[j];
        double z2 = b2;
        for (int c = 0; c < hidden; c++) {
            double z = b1[c] + x0 * w1[c] + x1 * w1[hidden + c];
            z1[c] = z;
            double a = Math.max(z, 0.0);
            h[c] = a;
            z2 += a * w2[c];
        }
        double o = 1 / (1 + Math.exp(-z2));
        double eps = Loss.EPSILON;
        lastLoss = -(y * Math.log(o + eps) + (1 - y) * Math.log(1 - o + eps));
        double dz2 = (-y / (o + eps) + (1 - y) / (1 - o + eps)) * (o * (1 - o));
        double lr = learningRate;
        for (int c = 0; c < hidden; c++) {
            // dz1 uses W2 before its update, as backward-then-step does
            double dz1 = z1[c] > 0 ? dz2 * w2[c] : 0;
            w2[c] -= lr * (h[c] * dz2);
            w1[c] -= lr * (x0 * dz1);
            w1[hidden + c] -= lr * (x1 * dz1);
            b1[c] -= lr * dz1;
        }
        b2 -= lr * dz2;
        return lastLoss;
    }

    public double lastLoss() {
        return lastLoss;
    }

    /** The first layer's weights (2 x H, row-major), for comparing with the engine. */
    public double[] firstWeights() {
        return w1;
    }

    /** The second layer's weights (H x 1). */
    public double[] secondWeights() {
        return w2;
    }
}
