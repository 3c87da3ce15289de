package dev.backprop.playground.train;

import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Limits;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.io.ModelJson;
import java.io.IOException;
import java.nio.file.Path;

/** The session's model I/O: a loaded model is checked completely, against the app's limits too, before it is adopted. */
final class ModelFiles {
    private ModelFiles() {
    }

    /** A network read from a file with the spec it has. */
    record Loaded(Sequential network, NetworkSpec spec) {
    }

    /**
     * Reads {@code file} within the app's limits (so a big file cannot stall the engine) and checks
     * that the app can train it.
     *
     * @throws IllegalArgumentException naming what is wrong ("model.json: layer 3: in=20 but ...")
     */
    static Loaded load(Path file, Initializer init) throws IOException {
        Sequential net = ModelJson.read(file, Limits.APP_MAX_MODEL_BYTES, Limits.APP_MAX_PARAMETERS);
        NetworkSpec spec;
        try {
            spec = NetworkSpec.describing(net, init);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model.json: " + e.getMessage(), e);
        }
        String problem = Command.appProblem(spec);
        if (problem != null) {
            throw new IllegalArgumentException("model.json: " + problem);
        }
        return new Loaded(net, spec);
    }

    static void save(Path file, Sequential network) throws IOException {
        ModelJson.write(file, network);
    }
}
