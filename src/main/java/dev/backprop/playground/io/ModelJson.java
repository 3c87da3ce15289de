package dev.backprop.playground.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.backprop.playground.engine.data.Inputs;
import dev.backprop.playground.engine.nn.Layer;
import dev.backprop.playground.engine.nn.Limits;
import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.engine.nn.StepLayer;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;

/**
 * model.json: {"layers":[{"type":"linear","in":2,"out":50,"W":[[..],..],"b":[..]},{"type":"relu"},
 * ...,{"type":"sigmoid"}],"loss":"bce","features":["x1","x2"]} with W as {@code in} rows of {@code out}
 * values; the last layer is the head's output: sigmoid (bce or mse), softmax (ce) or identity (mse,
 * one unit per target). A network on data other than the plane records its inputs instead of
 * "features": {@code "inputs":{"names":["px0_0",...],"shape":[8,8]}} (shape for images only). A file
 * with neither (from before them) is a network on x1, x2. A weight
 * that is NaN or infinite (a diverged run) is written as null with {"nonFinite":true}, so the file
 * stays valid JSON; reading refuses such a file.
 */
public final class ModelJson {
    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    private ModelJson() {
    }

    public static String toJson(Sequential network) {
        JsonArray layers = new JsonArray();
        boolean nonFinite = false;
        for (Layer layer : network.layers()) {
            JsonObject o = new JsonObject();
            o.addProperty("type", layer.kind());
            if (layer instanceof StepLayer step) {
                o.addProperty("threshold", step.threshold());
            }
            if (layer instanceof Linear linear) {
                DMatrixRMaj w = linear.weight().value();
                o.addProperty("in", w.numRows);
                o.addProperty("out", w.numCols);
                JsonArray rows = new JsonArray();
                for (int r = 0; r < w.numRows; r++) {
                    JsonArray row = new JsonArray();
                    for (int c = 0; c < w.numCols; c++) {
                        nonFinite |= JsonNumbers.add(row, w.get(r, c));
                    }
                    rows.add(row);
                }
                o.add("W", rows);
                JsonArray b = new JsonArray();
                for (double v : linear.bias().value().data) {
                    nonFinite |= JsonNumbers.add(b, v);
                }
                o.add("b", b);
            }
            layers.add(o);
        }
        JsonObject root = new JsonObject();
        root.add("layers", layers);
        root.addProperty("loss", network.loss().id());
        if (network.features().isPlanar()) {
            JsonArray features = new JsonArray();
            network.features().idList().forEach(features::add);
            root.add("features", features);
        } else {
            root.add("inputs", inputs(network.features().inputs()));
        }
        if (nonFinite) {
            root.addProperty(JsonNumbers.FLAG, true); // the weights that are null were NaN or infinite
        }
        return GSON.toJson(root);
    }

    /** "inputs":{"names":[...],"shape":[rows,cols]} (shape only for images): what the first layer's columns are. */
    private static JsonObject inputs(Inputs inputs) {
        JsonObject o = new JsonObject();
        JsonArray names = new JsonArray();
        inputs.names().forEach(names::add);
        o.add("names", names);
        if (inputs.isImage()) {
            JsonArray shape = new JsonArray();
            for (int side : inputs.shape()) {
                shape.add(side);
            }
            o.add("shape", shape);
        }
        return o;
    }

    public static void write(Path file, Sequential network) throws IOException {
        AtomicFile.writeString(file, toJson(network));
    }

    /** Reads a model of at most {@link Limits#MAX_MODEL_BYTES} and {@link Limits#MAX_PARAMETERS}. */
    public static Sequential read(Path file) throws IOException {
        return read(file, Limits.MAX_MODEL_BYTES, Limits.MAX_PARAMETERS);
    }

    /**
     * Reads and checks a model completely before building it. Refuses anything but a regular file
     * (a FIFO would block) and files over {@code maxBytes}, before reading a byte.
     *
     * @throws ModelFormatException naming what is wrong, for any file that is not a valid model
     */
    public static Sequential read(Path file, long maxBytes, long maxParameters) throws IOException {
        return read(file, maxBytes, maxParameters, chars -> { });
    }

    /** As {@link #read(Path, long, long)}, telling {@code progress} how many characters it has read so far. */
    public static Sequential read(Path file, long maxBytes, long maxParameters, java.util.function.LongConsumer progress)
            throws IOException {
        try (Reader in = new CountingReader(InputLimits.open(file, maxBytes, Integer.MAX_VALUE, "model.json"), progress)) {
            return ModelJsonReader.read(in, maxParameters);
        } catch (TextLimitException e) {
            throw new ModelFormatException(e.detail());
        }
    }

    /** Counts what passes through, for a progress report. */
    private static final class CountingReader extends java.io.FilterReader {
        private final java.util.function.LongConsumer progress;
        private long count;

        CountingReader(Reader in, java.util.function.LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0 && (++count & 0xFFFF) == 0) {
                progress.accept(count);
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count += n;
                progress.accept(count);
            }
            return n;
        }
    }

    /** Parses a model; a malformed one raises {@link ModelFormatException} saying what is wrong. */
    public static Sequential fromJson(String json) {
        try {
            return ModelJsonReader.read(new StringReader(json), Limits.MAX_PARAMETERS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringReader does not fail
        }
    }
}
