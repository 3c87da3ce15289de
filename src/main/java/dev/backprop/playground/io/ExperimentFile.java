package dev.backprop.playground.io;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.nn.Limits;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.TrainerState;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The experiment file ({@code .bpg.json}, version 2; docs/formats.md documents every field): writes an
 * {@link Experiment} atomically and reads one back strictly ({@link ExperimentReader}). Reading checks
 * everything, down to putting the state into a scratch trainer, before it returns: a bad file is
 * refused whole, with the field that is wrong. Numbers that are not finite (a diverged run) are written as null and the
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
        // pictures are read again from the shipped files (same test ratio and seed, same split): the data
        // block holds the plane's x1, x2 only
        if (e.data() != null && !e.config().dataset().fromFiles()) {
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
        if (t.samplesSeen() >= 0) {
            s.addProperty("samplesSeen", t.samplesSeen()); // the true epoch when a batch size changed on the way
        }
        return s;
    }

    private static JsonArray numbers(double[] values, boolean[] nonFinite) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            nonFinite[0] |= JsonNumbers.add(a, v);
        }
        return a;
    }

    // ---- reading: ExperimentReader ------------------------------------------------------------

    /**
     * Reads and checks {@code file}: at most {@code maxBytes} bytes and {@code maxPoints} points, a
     * network of at most {@link Limits#MAX_PARAMETERS} parameters.
     *
     * @throws IllegalArgumentException saying which field is wrong
     */
    public static Experiment read(Path file, long maxBytes, int maxPoints) throws IOException {
        return ExperimentReader.read(file, maxBytes, maxPoints, Limits.MAX_PARAMETERS);
    }

    /**
     * Reads and checks {@code file} with memory for what it declares: the settings come first and
     * bound the state's arrays to their network, {@code maxPoints} bounds the data's, and a file
     * breaking either is refused where it does, not after it has been read whole.
     *
     * @throws IllegalArgumentException saying which field is wrong
     */
    public static Experiment read(Path file, long maxBytes, int maxPoints, long maxParameters) throws IOException {
        return ExperimentReader.read(file, maxBytes, maxPoints, maxParameters);
    }
}
