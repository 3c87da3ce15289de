package dev.backprop.playground.io;

import static dev.backprop.playground.io.JsonFields.array;
import static dev.backprop.playground.io.JsonFields.finite;
import static dev.backprop.playground.io.JsonFields.named;
import static dev.backprop.playground.io.JsonFields.number;
import static dev.backprop.playground.io.JsonFields.object;
import static dev.backprop.playground.io.JsonFields.string;
import static dev.backprop.playground.io.JsonFields.whole;
import static dev.backprop.playground.io.JsonFields.whole32;
import static dev.backprop.playground.io.JsonFields.wholeIn;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.data.Inputs;
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
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads an experiment file strictly, as a stream, with memory for what it declares
 * ({@link StrictJsonTree} with a {@link ReadPlan}), and checks everything, down to putting the state
 * into a scratch trainer, before it returns: a bad file is refused whole, with the field that is wrong.
 * Whole numbers out of their field's range are refused, not wrapped; version 1's Java-serialized
 * generator is read through {@link LegacySampling}.
 */
final class ExperimentReader {
    private ExperimentReader() {
    }

    /**
     * Reads and checks {@code file} with memory for what it declares: the settings come first and
     * bound the state's arrays to their network, {@code maxPoints} bounds the data's, and a file
     * breaking either is refused where it does, not after it has been read whole.
     *
     * @throws IllegalArgumentException saying which field is wrong
     */
    static Experiment read(Path file, long maxBytes, int maxPoints, long maxParameters) throws IOException {
        ReadPlan plan = new ReadPlan(maxPoints, maxParameters);
        StrictJsonTree.Document document;
        try (java.io.Reader in = InputLimits.open(file, maxBytes, Integer.MAX_VALUE, "the experiment file")) {
            document = StrictJsonTree.read(in, plan);
        } catch (TextLimitException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!document.root().isJsonObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonObject root = document.root().getAsJsonObject();
        format(root);
        long version = version(root);
        boolean nullsAllowed = root.has(JsonNumbers.FLAG) && root.get(JsonNumbers.FLAG).isJsonPrimitive()
                && root.get(JsonNumbers.FLAG).getAsBoolean();
        if (plan.config == null) {
            plan.rootMember("settings", root.get("settings"));
        }
        TrainingConfig config = plan.config;
        Map<String, StrictJsonTree.Numbers> arrays = document.arrays();
        DataSplit data = root.has("data") && object(root, "data") != null ? data(arrays, config, maxPoints) : null;
        TrainerState state = root.has("state") ? state(object(root, "state"), arrays, config.network(), nullsAllowed,
                version == ExperimentFile.VERSION_SERIALIZED_SAMPLING) : null;
        Map<String, Boolean> shown = new LinkedHashMap<>();
        if (root.has("shown")) {
            for (Map.Entry<String, JsonElement> e : object(root, "shown").entrySet()) {
                if (!e.getValue().isJsonPrimitive() || !e.getValue().getAsJsonPrimitive().isBoolean()) {
                    throw new IllegalArgumentException("shown." + e.getKey() + " must be true or false");
                }
                shown.put(e.getKey(), e.getValue().getAsBoolean());
            }
        }
        // pictures are not in the file: the session checks the state once it has read them
        if (state != null && (data != null || !config.dataset().fromFiles())) {
            // the final check: the state must fit a trainer on this data (shape, optimizer, order)
            try {
                new Trainer(data != null ? data : Trainer.split(config), config).restore(state);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("state does not fit the settings and data: " + e.getMessage(), e);
            }
        }
        return new Experiment(config, data, state, shown);
    }

    private static void format(JsonObject root) {
        if (!ExperimentFile.FORMAT.equals(string(root, "format"))) {
            throw new IllegalArgumentException("\"format\" must be \"" + ExperimentFile.FORMAT + "\"");
        }
    }

    private static long version(JsonObject root) {
        long version = whole(root, "version");
        if (version != ExperimentFile.VERSION && version != ExperimentFile.VERSION_SERIALIZED_SAMPLING) {
            throw new IllegalArgumentException("version " + version + " is not known (this app reads version " + ExperimentFile.VERSION + ")");
        }
        return version;
    }

    /**
     * What the reader may hold: the data's arrays up to the point limit, the state's up to what the
     * settings' network needs (Adam's state, the largest, is two numbers a parameter and a step count).
     */
    private static final class ReadPlan implements StrictJsonTree.Plan {
        private final int maxPoints;
        private final long maxParameters;
        private TrainingConfig config;

        ReadPlan(int maxPoints, long maxParameters) {
            this.maxPoints = maxPoints;
            this.maxParameters = maxParameters;
        }

        @Override
        public StrictJsonTree.ArrayRule array(String path) {
            return switch (path) {
                case "data.x1", "data.x2", "data.label", "data.test", "state.order" ->
                        new StrictJsonTree.ArrayRule(maxPoints, path.equals("data.test"), String.format(Locale.ROOT,
                                "%s: more than %,d points; 2 to %,d are allowed here", path, maxPoints, maxPoints));
                case "state.weights" -> new StrictJsonTree.ArrayRule(parameters(), false, String.format(Locale.ROOT,
                        "state.weights: more than the %,d the settings' network has", parameters()));
                case "state.optimizerState" -> new StrictJsonTree.ArrayRule(1 + 2 * parameters(), false,
                        String.format(Locale.ROOT, "state.optimizerState: more than %,d numbers (Adam's state for the "
                                + "settings' network of %,d parameters)", 1 + 2 * parameters(), parameters()));
                default -> null;
            };
        }

        private long parameters() {
            if (config == null) {
                throw new IllegalArgumentException("\"settings\" must come before \"state\"");
            }
            return config.network().parameterCount();
        }

        /** Checks format, version and settings as soon as they are read: a bad file stops there. */
        @Override
        public void rootMember(String key, JsonElement value) {
            JsonObject member = new JsonObject();
            member.add(key, value);
            switch (key) {
                case "format" -> format(member);
                case "version" -> version(member);
                case "settings" -> {
                    try {
                        config = settings(object(member, "settings"));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("settings: " + e.getMessage(), e);
                    }
                    if (config.network().parameterCount() > maxParameters) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT,
                                "settings: the network has %,d parameters; at most %,d here",
                                config.network().parameterCount(), maxParameters));
                    }
                }
                default -> { }
            }
        }
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
                : dataset.fromFiles() ? FeatureSet.raw(pictureInputs(featureIds))
                : FeatureSet.parse(featureIds);
        NetworkSpec network = new NetworkSpec(features, hidden, named(Activation.class, s, "activation"),
                head, init(s));
        return new TrainingConfig(dataset, whole32(s, "samples"), number(s, "noise"), number(s, "testRatio"),
                whole(s, "seed"), network, named(OptimizerKind.class, s, "optimizer"), number(s, "learningRate"),
                whole32(s, "batch"), whole(s, "steps"), whole32(s, "snapshotEvery"), classes,
                named(Regularization.class, s, "regularization"), number(s, "regularizationRate"),
                optimizerSettings(s), epochs(s));
    }

    /**
     * The raw inputs of a picture dataset as the writer names them (px{row}_{col}, row by row), with the
     * picture's shape read off the last name; other names are taken as they are, without a shape.
     */
    private static Inputs pictureInputs(List<String> names) {
        java.util.regex.Matcher last = names.isEmpty() ? null
                : java.util.regex.Pattern.compile("px(\\d{1,4})_(\\d{1,4})").matcher(names.get(names.size() - 1));
        if (last != null && last.matches()) {
            Inputs image = Inputs.image(Integer.parseInt(last.group(1)) + 1, Integer.parseInt(last.group(2)) + 1);
            if (image.names().equals(names)) {
                return image;
            }
        }
        return new Inputs(names, null);
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

    private static DataSplit data(Map<String, StrictJsonTree.Numbers> arrays, TrainingConfig config, int maxPoints) {
        double[] x1 = planned(arrays, "data.x1", false);
        double[] x2 = planned(arrays, "data.x2", false);
        double[] label = planned(arrays, "data.label", false);
        double[] test = planned(arrays, "data.test", false);
        int n = x1.length;
        if (n < 2 || n > maxPoints) {
            throw new IllegalArgumentException("data: " + n + " points; 2 to " + maxPoints + " are allowed here");
        }
        if (x2.length != n || label.length != n || test.length != n) {
            throw new IllegalArgumentException("data: x1, x2, label and test must have the same length");
        }
        double[] xs = new double[2 * n];
        boolean[] isTest = new boolean[n];
        int classes = config.classes();
        for (int i = 0; i < n; i++) {
            xs[2 * i] = x1[i];
            xs[2 * i + 1] = x2[i];
            if (classes > 0 && !(label[i] == Math.rint(label[i]) && label[i] >= 0 && label[i] < classes)) {
                throw new IllegalArgumentException("data.label[" + i + "] " + label[i] + " is not a class index (0 to "
                        + (classes - 1) + ")");
            }
            isTest[i] = test[i] == 1;
        }
        DataSplit split = DataSplit.of(new Dataset(new DMatrixRMaj(n, 2, true, xs), new DMatrixRMaj(n, 1, true, label)),
                isTest);
        if (split.train().size() == 0) {
            throw new IllegalArgumentException("data: no training point (every point is a test point)");
        }
        return split;
    }

    private static TrainerState state(JsonObject s, Map<String, StrictJsonTree.Numbers> arrays, NetworkSpec spec,
            boolean nullsAllowed, boolean serializedSampling) {
        double[] weights = planned(arrays, "state.weights", nullsAllowed);
        double[] optimizerState = planned(arrays, "state.optimizerState", nullsAllowed);
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
        if (s.has("order") || arrays.containsKey("state.order")) {
            double[] o = planned(arrays, "state.order", false);
            order = new int[o.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = o[i] == Math.rint(o[i]) && Math.abs(o[i]) <= o.length ? (int) o[i] : -1;
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
        // absent (older files): -1, taken as step x batch
        long samplesSeen = s.has("samplesSeen") ? whole(s, "samplesSeen") : -1;
        if (s.has("samplesSeen") && samplesSeen < 0) {
            throw new IllegalArgumentException("state.samplesSeen must be 0 or more");
        }
        return new TrainerState(step, spec, weights, named(OptimizerKind.class, s, "optimizer"), optimizerState,
                number(s, "learningRate"), whole32(s, "batch"), sampling, order, whole32(s, "cursor"), lastLoss,
                samplesSeen);
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

    /** An array the reader held as numbers ({@link ReadPlan}); null elements only where allowed. */
    private static double[] planned(Map<String, StrictJsonTree.Numbers> arrays, String path, boolean nullsAllowed) {
        StrictJsonTree.Numbers numbers = arrays.get(path);
        if (numbers == null) {
            throw new IllegalArgumentException("\"" + path.substring(path.indexOf('.') + 1) + "\" must be an array");
        }
        if (numbers.firstNull() >= 0 && !nullsAllowed) {
            throw new IllegalArgumentException(path + "[" + numbers.firstNull() + "] must be "
                    + (path.equals("data.test") ? "true or false" : "a number"));
        }
        return numbers.values();
    }
}
