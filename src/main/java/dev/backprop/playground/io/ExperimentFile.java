package dev.backprop.playground.io;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.backprop.playground.engine.Named;
import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.FeatureSet;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Epochs;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.OptimizerSettings;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.Regularization;
import dev.backprop.playground.engine.nn.SamplingState;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainerState;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The experiment file ({@code .bpg.json}, version 2; docs/formats.md documents every field): writes an
 * {@link Experiment} atomically and reads one back strictly. Reading checks everything, down to
 * putting the state into a scratch trainer, before it returns: a bad file is refused whole, with
 * the field that is wrong. Numbers that are not finite (a diverged run) are written as null and the
 * document gets {@code "nonFinite": true}, as model.json does. The file is read strictly and as a
 * stream ({@link StrictJsonTree}); whole numbers out of their field's range are refused, not wrapped.
 * Version 2 writes the sampling generator's state as numbers; version 1's Java-serialized generator
 * is still read, through {@link LegacySampling}.
 */
public final class ExperimentFile {
    public static final String FORMAT = "backprop-playground-experiment";
    public static final int VERSION = 2;
    /** The first version, whose sampling state was a Java-serialized Random. */
    static final int VERSION_SERIALIZED_SAMPLING = 1;
    /** The file name ending the app offers. */
    public static final String SUFFIX = ".bpg.json";

    private ExperimentFile() {
    }

    /** @throws IllegalArgumentException for points the reader would refuse: a saved file always opens again */
    public static void write(Path file, Experiment e) throws IOException {
        if (e.data() != null && (e.data().all().size() < 2 || e.data().train().size() == 0)) {
            throw new IllegalArgumentException("an experiment needs at least 2 points, one of them a training point; "
                    + "there are " + e.data().all().size() + " (" + e.data().train().size() + " training)");
        }
        boolean[] nonFinite = {false};
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("version", VERSION);
        root.add("settings", settings(e.config()));
        if (e.data() != null) {
            root.add("data", data(e.data()));
        }
        if (e.state() != null) {
            root.add("state", state(e.state(), nonFinite));
        }
        JsonObject shown = new JsonObject();
        new java.util.TreeMap<>(e.shown()).forEach(shown::addProperty);
        root.add("shown", shown);
        if (nonFinite[0]) {
            root.addProperty(JsonNumbers.FLAG, true);
        }
        AtomicFile.writeString(file, new GsonBuilder().serializeNulls().create().toJson(root) + "\n");
    }

    private static JsonObject settings(TrainingConfig c) {
        JsonObject s = new JsonObject();
        s.addProperty("dataset", c.dataset().id());
        s.addProperty("samples", c.samples());
        s.addProperty("noise", c.noise());
        s.addProperty("testRatio", c.testRatio());
        s.addProperty("seed", c.seed());
        s.addProperty("classes", c.classes());
        NetworkSpec n = c.network();
        JsonArray features = new JsonArray();
        n.features().idList().forEach(features::add);
        s.add("features", features);
        JsonArray hidden = new JsonArray();
        for (int h : n.hidden()) {
            hidden.add(h);
        }
        s.add("hidden", hidden);
        s.addProperty("activation", n.activation().id());
        s.addProperty("loss", n.loss().id());
        s.addProperty("threshold", n.head().threshold());
        s.addProperty("init", n.init().id());
        s.addProperty("biasInit", n.init().bias().id());
        s.addProperty("optimizer", c.optimizer().id());
        s.addProperty("momentum", c.optimizerSettings().momentum());
        s.addProperty("beta1", c.optimizerSettings().beta1());
        s.addProperty("beta2", c.optimizerSettings().beta2());
        s.addProperty("eps", c.optimizerSettings().eps());
        s.addProperty("epochs", c.epochs().count());
        s.addProperty("shuffle", c.epochs().shuffle());
        s.addProperty("learningRate", c.learningRate());
        s.addProperty("batch", c.batchSize());
        s.addProperty("steps", c.steps());
        s.addProperty("snapshotEvery", c.snapshotEvery());
        s.addProperty("regularization", c.regularization().id());
        s.addProperty("regularizationRate", c.regularizationRate());
        return s;
    }

    private static JsonObject data(DataSplit split) {
        JsonObject d = new JsonObject();
        Dataset all = split.all();
        JsonArray x1 = new JsonArray();
        JsonArray x2 = new JsonArray();
        JsonArray label = new JsonArray();
        JsonArray test = new JsonArray();
        for (int i = 0; i < all.size(); i++) {
            x1.add(all.x1(i));
            x2.add(all.x2(i));
            label.add(all.labels().get(i));
            test.add(split.isTest(i));
        }
        d.add("x1", x1);
        d.add("x2", x2);
        d.add("label", label);
        d.add("test", test);
        return d;
    }

    private static JsonObject state(TrainerState t, boolean[] nonFinite) {
        JsonObject s = new JsonObject();
        s.addProperty("step", t.step());
        s.add("weights", numbers(t.weights(), nonFinite));
        s.add("optimizerState", numbers(t.optimizerState(), nonFinite));
        s.addProperty("optimizer", t.optimizer().id());
        s.addProperty("learningRate", t.learningRate());
        s.addProperty("batch", t.batchSize());
        if (t.sampling() != null) {
            JsonObject sampling = new JsonObject();
            sampling.addProperty("seed", t.sampling().seed());
            if (t.sampling().haveNextNextGaussian()) {
                sampling.addProperty("nextGaussian", t.sampling().nextNextGaussian());
            } else {
                sampling.add("nextGaussian", com.google.gson.JsonNull.INSTANCE);
            }
            s.add("sampling", sampling);
        }
        if (t.order() != null) {
            JsonArray order = new JsonArray();
            for (int i : t.order()) {
                order.add(i);
            }
            s.add("order", order);
        }
        s.addProperty("cursor", t.cursor());
        nonFinite[0] |= JsonNumbers.put(s, "lastLoss", t.lastLoss());
        return s;
    }

    private static JsonArray numbers(double[] values, boolean[] nonFinite) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            nonFinite[0] |= JsonNumbers.add(a, v);
        }
        return a;
    }

    // ---- reading ------------------------------------------------------------------------------

    /**
     * Reads and checks {@code file}: at most {@code maxBytes} bytes and {@code maxPoints} points.
     *
     * @throws IllegalArgumentException saying which field is wrong
     */
    public static Experiment read(Path file, long maxBytes, int maxPoints) throws IOException {
        JsonElement parsed;
        try (java.io.Reader in = InputLimits.open(file, maxBytes, Integer.MAX_VALUE, "the experiment file")) {
            parsed = StrictJsonTree.read(in);
        } catch (TextLimitException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!parsed.isJsonObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonObject root = parsed.getAsJsonObject();
        if (!FORMAT.equals(string(root, "format"))) {
            throw new IllegalArgumentException("\"format\" must be \"" + FORMAT + "\"");
        }
        long version = whole(root, "version");
        if (version != VERSION && version != VERSION_SERIALIZED_SAMPLING) {
            throw new IllegalArgumentException("version " + version + " is not known (this app reads version " + VERSION + ")");
        }
        boolean nullsAllowed = root.has(JsonNumbers.FLAG) && root.get(JsonNumbers.FLAG).isJsonPrimitive()
                && root.get(JsonNumbers.FLAG).getAsBoolean();
        TrainingConfig config;
        try {
            config = settings(object(root, "settings"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("settings: " + e.getMessage(), e);
        }
        DataSplit data = root.has("data") ? data(object(root, "data"), config, maxPoints) : null;
        TrainerState state = root.has("state") ? state(object(root, "state"), config.network(), nullsAllowed,
                version == VERSION_SERIALIZED_SAMPLING) : null;
        Map<String, Boolean> shown = new LinkedHashMap<>();
        if (root.has("shown")) {
            for (Map.Entry<String, JsonElement> e : object(root, "shown").entrySet()) {
                if (!e.getValue().isJsonPrimitive() || !e.getValue().getAsJsonPrimitive().isBoolean()) {
                    throw new IllegalArgumentException("shown." + e.getKey() + " must be true or false");
                }
                shown.put(e.getKey(), e.getValue().getAsBoolean());
            }
        }
        if (state != null) {
            // the final check: the state must fit a trainer on this data (shape, optimizer, order)
            try {
                new Trainer(data != null ? data : Trainer.split(config), config).restore(state);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("state does not fit the settings and data: " + e.getMessage(), e);
            }
        }
        return new Experiment(config, data, state, shown);
    }

    private static TrainingConfig settings(JsonObject s) {
        DatasetKind dataset = named(DatasetKind.class, s, "dataset");
        int classes = whole32(s, "classes");
        List<String> featureIds = new ArrayList<>();
        for (JsonElement f : array(s, "features")) {
            featureIds.add(f.isJsonPrimitive() ? f.getAsString() : "?");
        }
        JsonArray hiddenJson = array(s, "hidden");
        int[] hidden = new int[hiddenJson.size()];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = whole32(hiddenJson.get(i), "hidden[" + i + "]");
        }
        Head head = Head.of(named(Loss.class, s, "loss"), classes);
        if (s.has("threshold")) { // files before --threshold have seed 004's 0.5
            head = head.withThreshold(number(s, "threshold"));
        }
        // line and quadratic take their one input x (the file names it "x", which is no feature of the plane)
        FeatureSet features = dataset.hasOneInput() ? FeatureSet.raw(dev.backprop.playground.engine.data.OneInputData.X)
                : FeatureSet.parse(featureIds);
        NetworkSpec network = new NetworkSpec(features, hidden, named(Activation.class, s, "activation"),
                head, init(s));
        return new TrainingConfig(dataset, whole32(s, "samples"), number(s, "noise"), number(s, "testRatio"),
                whole(s, "seed"), network, named(OptimizerKind.class, s, "optimizer"), number(s, "learningRate"),
                whole32(s, "batch"), whole(s, "steps"), whole32(s, "snapshotEvery"), classes,
                named(Regularization.class, s, "regularization"), number(s, "regularizationRate"),
                optimizerSettings(s), epochs(s));
    }

    /** The optimizer's momentum, betas and eps; a file from before they existed has the defaults. */
    private static OptimizerSettings optimizerSettings(JsonObject s) {
        OptimizerSettings d = OptimizerSettings.DEFAULTS;
        return new OptimizerSettings(s.has("momentum") ? number(s, "momentum") : d.momentum(),
                s.has("beta1") ? number(s, "beta1") : d.beta1(), s.has("beta2") ? number(s, "beta2") : d.beta2(),
                s.has("eps") ? number(s, "eps") : d.eps());
    }

    /** Training by epochs; a file from before they existed trains by steps. */
    private static Epochs epochs(JsonObject s) {
        if (!s.has("epochs")) {
            return Epochs.NONE;
        }
        JsonElement shuffle = s.get("shuffle");
        return new Epochs(whole(s, "epochs"), shuffle == null || !shuffle.isJsonPrimitive()
                || !shuffle.getAsJsonPrimitive().isBoolean() || shuffle.getAsBoolean());
    }

    /** "init" and, in files from before it existed, no "biasInit": the init's own bias rule. */
    private static Initializer init(JsonObject s) {
        Initializer init = Initializer.fromId(string(s, "init"));
        return s.has("biasInit") ? init.withBias(Initializer.BiasInit.fromId(string(s, "biasInit"))) : init;
    }

    private static DataSplit data(JsonObject d, TrainingConfig config, int maxPoints) {
        JsonArray x1 = array(d, "x1");
        JsonArray x2 = array(d, "x2");
        JsonArray label = array(d, "label");
        JsonArray test = array(d, "test");
        int n = x1.size();
        if (n < 2 || n > maxPoints) {
            throw new IllegalArgumentException("data: " + n + " points; 2 to " + maxPoints + " are allowed here");
        }
        if (x2.size() != n || label.size() != n || test.size() != n) {
            throw new IllegalArgumentException("data: x1, x2, label and test must have the same length");
        }
        double[] xs = new double[2 * n];
        double[] ys = new double[n];
        boolean[] isTest = new boolean[n];
        int classes = config.classes();
        for (int i = 0; i < n; i++) {
            xs[2 * i] = finite(x1.get(i), "data.x1[" + i + "]");
            xs[2 * i + 1] = finite(x2.get(i), "data.x2[" + i + "]");
            ys[i] = finite(label.get(i), "data.label[" + i + "]");
            if (classes > 0 && !(ys[i] == Math.rint(ys[i]) && ys[i] >= 0 && ys[i] < classes)) {
                throw new IllegalArgumentException("data.label[" + i + "] " + ys[i] + " is not a class index (0 to "
                        + (classes - 1) + ")");
            }
            JsonElement t = test.get(i);
            if (!t.isJsonPrimitive() || !t.getAsJsonPrimitive().isBoolean()) {
                throw new IllegalArgumentException("data.test[" + i + "] must be true or false");
            }
            isTest[i] = t.getAsBoolean();
        }
        DataSplit split = DataSplit.of(new Dataset(new DMatrixRMaj(n, 2, true, xs), new DMatrixRMaj(n, 1, true, ys)), isTest);
        if (split.train().size() == 0) {
            throw new IllegalArgumentException("data: no training point (every point is a test point)");
        }
        return split;
    }

    private static TrainerState state(JsonObject s, NetworkSpec spec, boolean nullsAllowed, boolean serializedSampling) {
        double[] weights = doubles(array(s, "weights"), "state.weights", nullsAllowed);
        double[] optimizerState = doubles(array(s, "optimizerState"), "state.optimizerState", nullsAllowed);
        SamplingState sampling = null;
        if (s.has("sampling") && serializedSampling) {
            String base64 = string(s, "sampling");
            if (base64.length() > 4 * LegacySampling.MAX_BYTES / 3 + 4) {
                throw new IllegalArgumentException("state.sampling is longer than a saved generator");
            }
            try {
                sampling = LegacySampling.read(Base64.getDecoder().decode(base64));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith("state.") ? e.getMessage()
                        : "state.sampling is not base64", e);
            }
        } else if (s.has("sampling")) {
            JsonObject o = object(s, "sampling");
            JsonElement gaussian = o.get("nextGaussian");
            boolean cached = gaussian != null && !gaussian.isJsonNull();
            sampling = new SamplingState(wholeIn(o.get("seed"), "state.sampling.seed", 0, (1L << 48) - 1), cached,
                    cached ? finite(gaussian, "state.sampling.nextGaussian") : 0);
        }
        int[] order = null;
        if (s.has("order")) {
            JsonArray o = array(s, "order");
            order = new int[o.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = whole32(o.get(i), "state.order[" + i + "]");
            }
            if (!isPermutation(order)) {
                throw new IllegalArgumentException("state.order must hold each row index 0 to " + (order.length - 1) + " once");
            }
        }
        // null: no step taken yet (or a diverged one)
        double lastLoss = !s.has("lastLoss") || s.get("lastLoss").isJsonNull() ? Double.NaN : number(s, "lastLoss");
        long step = whole(s, "step");
        if (step < 0) {
            throw new IllegalArgumentException("state.step must be 0 or more");
        }
        return new TrainerState(step, spec, weights, named(OptimizerKind.class, s, "optimizer"), optimizerState,
                number(s, "learningRate"), whole32(s, "batch"), sampling, order, whole32(s, "cursor"), lastLoss);
    }

    private static boolean isPermutation(int[] order) {
        boolean[] seen = new boolean[order.length];
        for (int i : order) {
            if (i < 0 || i >= order.length || seen[i]) {
                return false;
            }
            seen[i] = true;
        }
        return true;
    }

    // ---- field readers: each names the field that is wrong -------------------------------------

    private static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("\"" + key + "\" must be an object");
        }
        return e.getAsJsonObject();
    }

    private static JsonArray array(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException("\"" + key + "\" must be an array");
        }
        return e.getAsJsonArray();
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a string");
        }
        return e.getAsString();
    }

    private static <E extends Enum<E> & Named> E named(Class<E> type, JsonObject o, String key) {
        return Named.fromId(type, string(o, key), key);
    }

    private static double number(JsonObject o, String key) {
        return finite(o.get(key), "\"" + key + "\"");
    }

    private static long whole(JsonObject o, String key) {
        return whole(o.get(key), "\"" + key + "\"");
    }

    /** A whole number read exactly (a long's range): never rounded through a double, never wrapped. */
    private static long whole(JsonElement e, String what) {
        return wholeIn(e, what, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static int whole32(JsonObject o, String key) {
        return whole32(o.get(key), "\"" + key + "\"");
    }

    /** A whole number that fits an int: 4294968298 is refused, not read as 1002. */
    private static int whole32(JsonElement e, String what) {
        return (int) wholeIn(e, what, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private static long wholeIn(JsonElement e, String what, long min, long max) {
        finite(e, what);
        long v;
        try {
            v = e.getAsBigDecimal().longValueExact();
        } catch (ArithmeticException | NumberFormatException ex) {
            throw new IllegalArgumentException(what + " must be a whole number from " + min + " to " + max);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " must be a whole number from " + min + " to " + max + ", got " + v);
        }
        return v;
    }

    private static double finite(JsonElement e, String what) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(what + " must be a number");
        }
        double v = e.getAsDouble();
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number");
        }
        return v;
    }

    private static double[] doubles(JsonArray a, String what, boolean nullsAllowed) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement e = a.get(i);
            out[i] = e.isJsonNull() && nullsAllowed ? Double.NaN : finite(e, what + "[" + i + "]");
        }
        return out;
    }
}
