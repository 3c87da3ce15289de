package dev.backprop.playground.engine.nn;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How a Linear layer's W and b start: a scheme for the weights, with its scale where it takes one,
 * and whether the biases are zero or drawn like the weights.
 *
 * <ul>
 *   <li>{@code auto}: He for a layer feeding ReLU, Xavier for tanh and the output layer, and 4 x Xavier for
 *       sigmoid (Glorot and Bengio's sigmoid form: sigmoid'(0) = 1/4 shrinks every layer's signal and
 *       gradient fourfold); the default, as it learns at any depth;</li>
 *   <li>{@code normal}: seed 000's np.random.randn for W and b (std 1, biases drawn too);</li>
 *   <li>{@code normal:SIGMA}: W ~ N(0, SIGMA^2) with zero biases, seeds 002 and 004's N(0, 0.01);</li>
 *   <li>{@code uniform:A}: W ~ U(-A, A) with zero biases, micrograd's U(-1, 1);</li>
 *   <li>{@code zeros}: every weight 0 (a single neuron learns from it; a hidden layer stays symmetric);</li>
 *   <li>{@code xavier}: Glorot normal, N(0, 2 / (in + out)), zero biases;</li>
 *   <li>{@code he}: He normal, N(0, 2 / in), zero biases.</li>
 * </ul>
 *
 * @param scale the std of {@code normal}, the half-width of {@code uniform}; 1 for the other schemes
 */
public record Initializer(Scheme scheme, double scale, BiasInit bias) {
    /** The largest std or half-width accepted: beyond it every unit saturates at once. */
    public static final double MAX_SCALE = 100;

    public static final Initializer AUTO = new Initializer(Scheme.AUTO, 1, BiasInit.ZEROS);
    /** Seed 000's init: standard normal W and b. */
    public static final Initializer NORMAL = new Initializer(Scheme.NORMAL, 1, BiasInit.SAME);
    public static final Initializer XAVIER = new Initializer(Scheme.XAVIER, 1, BiasInit.ZEROS);
    public static final Initializer HE = new Initializer(Scheme.HE, 1, BiasInit.ZEROS);
    public static final Initializer ZEROS = new Initializer(Scheme.ZEROS, 1, BiasInit.ZEROS);

    /** The inits the app offers, the seeds' choices among them. */
    public static final List<Initializer> CHOICES = List.of(AUTO, NORMAL, normal(0.01), uniform(1), ZEROS, XAVIER, HE);

    public enum Scheme { AUTO, NORMAL, UNIFORM, ZEROS, XAVIER, HE }

    /** Biases start at zero (seeds 001, 002, 004) or drawn like the weights (seed 000). */
    public enum BiasInit {
        ZEROS("zeros"), SAME("same");

        private final String id;

        BiasInit(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static BiasInit fromId(String id) {
            for (BiasInit b : values()) {
                if (b.id.equals(id)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("unknown bias init '" + id + "' (choose zeros, same)");
        }
    }

    public Initializer {
        if (scheme == null || bias == null) {
            throw new IllegalArgumentException("an init needs a scheme and a bias rule");
        }
        if (!(scale > 0 && scale <= MAX_SCALE)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the init's scale must be above 0 and at most %s, got %s", (int) MAX_SCALE, scale));
        }
    }

    /** W ~ N(0, sigma^2), zero biases. */
    public static Initializer normal(double sigma) {
        return new Initializer(Scheme.NORMAL, sigma, BiasInit.ZEROS);
    }

    /** W ~ U(-a, a), zero biases. */
    public static Initializer uniform(double a) {
        return new Initializer(Scheme.UNIFORM, a, BiasInit.ZEROS);
    }

    /** This init with its biases set by {@code b}. */
    public Initializer withBias(BiasInit b) {
        return new Initializer(scheme, scale, b);
    }

    /**
     * The weights' part as the command line names it: auto, zeros, xavier, he, normal (seed 000's:
     * std 1 and drawn biases), normal:SIGMA, uniform:A. The biases are {@link #bias()}.
     */
    public String id() {
        return switch (scheme) {
            case NORMAL -> scale == 1 && bias == BiasInit.SAME ? "normal" : "normal:" + number(scale);
            case UNIFORM -> "uniform:" + number(scale);
            default -> scheme.name().toLowerCase(Locale.ROOT);
        };
    }

    /** The id, and the biases when they are not the id's own rule: "normal:0.01, biases same". */
    public String describe() {
        return bias == fromId(id()).bias ? id() : id() + ", biases " + bias.id();
    }

    /**
     * A label for a menu, short enough for its 150 px box (what each is for is the menu's tooltip): the id,
     * and for the default and seed 000's draw, which they are.
     */
    public String label() {
        return switch (scheme) {
            case AUTO -> "auto (He, Xavier)";
            case NORMAL -> id().equals("normal") ? "normal (seed 000)" : id();
            case UNIFORM, ZEROS, XAVIER, HE -> id();
        };
    }

    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e9 ? Long.toString((long) x) : Double.toString(x);
    }

    /**
     * Parses an id ({@link #id()}); biases as that id has them (drawn for plain {@code normal}, zero otherwise).
     *
     * @throws IllegalArgumentException naming the choices, or the bad scale
     */
    public static Initializer fromId(String id) {
        String text = id == null ? "" : id.trim();
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        if (colon >= 0 && (name.equals("normal") || name.equals("uniform"))) {
            double scale = scale(text.substring(colon + 1), name);
            return name.equals("normal") ? normal(scale) : uniform(scale);
        }
        return switch (text) {
            case "auto" -> AUTO;
            case "normal" -> NORMAL;
            case "zeros" -> ZEROS;
            case "xavier" -> XAVIER;
            case "he" -> HE;
            default -> throw new IllegalArgumentException("unknown init '" + id
                    + "' (choose auto, normal, normal:SIGMA, uniform:A, zeros, xavier, he)");
        };
    }

    private static double scale(String text, String name) {
        double x;
        try {
            x = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--init " + name + ":" + text + ": '" + text + "' is not a number");
        }
        if (!(x > 0 && x <= MAX_SCALE)) {
            throw new IllegalArgumentException("--init " + name + ":" + text + ": the "
                    + (name.equals("normal") ? "std" : "half-width") + " must be above 0 and at most "
                    + (int) MAX_SCALE);
        }
        return x;
    }

    /**
     * Draws {@code layer}'s W and then b from {@code random} (seed 000's order: every weight, then
     * every bias). {@code next} is the activation that reads the layer's output, which {@code auto}
     * picks by.
     */
    public void initialize(Linear layer, Activation next, Random random) {
        double[] w = layer.weight().value().data;
        double[] b = layer.bias().value().data;
        int in = layer.inputSize();
        int out = layer.outputSize(in);
        Scheme s = scheme == Scheme.AUTO ? (next == Activation.RELU ? Scheme.HE : Scheme.XAVIER) : scheme;
        double gain = scheme == Scheme.AUTO && next == Activation.SIGMOID ? 4 : 1;
        double std = switch (s) {
            case XAVIER -> gain * Math.sqrt(2.0 / (in + out));
            case HE -> Math.sqrt(2.0 / in);
            default -> scale;
        };
        for (int i = 0; i < w.length; i++) {
            w[i] = draw(s, std, random);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = bias == BiasInit.SAME ? draw(s, std, random) : 0.0;
        }
    }

    private static double draw(Scheme s, double scale, Random random) {
        return switch (s) {
            case ZEROS -> 0.0;
            case UNIFORM -> scale * (2 * random.nextDouble() - 1);
            default -> scale * random.nextGaussian();
        };
    }
}
