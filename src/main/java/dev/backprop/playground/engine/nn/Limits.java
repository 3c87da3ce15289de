package dev.backprop.playground.engine.nn;

/**
 * The sizes every input is held to, checked before anything is allocated: a number typed by a
 * user or read from a file must not be able to exhaust the memory or stall the machine. docs/formats.md
 * lists them. The app's engine keeps to tighter limits than the headless commands because it
 * recomputes a 200x200 boundary grid and the graph while the user watches.
 */
public final class Limits {
    /** Points in a dataset (the command line; a CSV file too). */
    public static final int MAX_SAMPLES = 1_000_000;
    /** Units in one layer. */
    public static final int MAX_LAYER_WIDTH = 4_096;
    /** Hidden layers in a network. */
    public static final int MAX_HIDDEN_LAYERS = 64;
    /** Weights and biases in a network (40 MB of doubles). */
    public static final long MAX_PARAMETERS = 5_000_000;
    /** Size of a model.json file: about 40 characters per parameter at the largest network. */
    public static final long MAX_MODEL_BYTES = 200_000_000;

    /**
     * Parameters of a network the app trains live: an image network 784-512-10 has 407,050 (the hidden
     * slider reaches 512 units).
     */
    public static final long APP_MAX_PARAMETERS = 500_000;
    /** Hidden layers of a network the app trains live (its spinner reaches 4; a deep graph is laid out live). */
    public static final int APP_MAX_HIDDEN_LAYERS = 16;
    /** Points the app trains on live: the full Fashion-MNIST's 70,000 images fit (its field reaches 5,000). */
    public static final int APP_MAX_SAMPLES = 100_000;
    /** A model.json the app loads: about 40 characters per parameter at {@link #APP_MAX_PARAMETERS}. */
    public static final long APP_MAX_MODEL_BYTES = 20_000_000;

    private Limits() {
    }
}
