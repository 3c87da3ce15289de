package dev.backprop.playground.engine.nn;

import dev.backprop.playground.engine.Named;

import java.util.Random;

/** How a Linear layer's W and b start. */
public enum Initializer implements Named {
    /** Standard normal W and b, seed 000's np.random.randn. */
    NORMAL("normal"),
    /** Glorot normal: W ~ N(0, 2 / (in + out)), b = 0. Keeps variance steady for tanh/sigmoid. */
    XAVIER("xavier"),
    /** He normal: W ~ N(0, 2 / in), b = 0. Keeps variance steady for ReLU. */
    HE("he");

    private final String id;

    Initializer(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public void initialize(Linear layer, Random random) {
        double[] w = layer.weight().value().data;
        double[] b = layer.bias().value().data;
        int in = layer.inputSize();
        int out = layer.outputSize(in);
        double std = switch (this) {
            case NORMAL -> 1.0;
            case XAVIER -> Math.sqrt(2.0 / (in + out));
            case HE -> Math.sqrt(2.0 / in);
        };
        for (int i = 0; i < w.length; i++) {
            w[i] = std * random.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = this == NORMAL ? random.nextGaussian() : 0.0;
        }
    }

    public static Initializer fromId(String id) {
        return Named.fromId(Initializer.class, id, "init");
    }
}
