package dev.backprop.playground.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.ActivationLayer;
import dev.backprop.playground.engine.nn.Layer;
import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.Sequential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * model.json: {"layers":[{"type":"linear","in":2,"out":50,"W":[[..],..],"b":[..]},{"type":"relu"},
 * ...,{"type":"sigmoid"}],"loss":"bce"} with W as {@code in} rows of {@code out} values.
 */
public final class ModelJson {
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private ModelJson() {
    }

    public static String toJson(Sequential network) {
        JsonArray layers = new JsonArray();
        for (Layer layer : network.layers()) {
            JsonObject o = new JsonObject();
            o.addProperty("type", layer.kind());
            if (layer instanceof Linear linear) {
                DMatrixRMaj w = linear.weight().value();
                o.addProperty("in", w.numRows);
                o.addProperty("out", w.numCols);
                JsonArray rows = new JsonArray();
                for (int r = 0; r < w.numRows; r++) {
                    JsonArray row = new JsonArray();
                    for (int c = 0; c < w.numCols; c++) {
                        row.add(w.get(r, c));
                    }
                    rows.add(row);
                }
                o.add("W", rows);
                JsonArray b = new JsonArray();
                for (double v : linear.bias().value().data) {
                    b.add(v);
                }
                o.add("b", b);
            }
            layers.add(o);
        }
        JsonObject root = new JsonObject();
        root.add("layers", layers);
        root.addProperty("loss", network.loss().id());
        return GSON.toJson(root);
    }

    public static void write(Path file, Sequential network) throws IOException {
        AtomicFile.writeString(file, toJson(network));
    }

    public static Sequential read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses a model; a malformed file raises IllegalArgumentException saying what is wrong. */
    public static Sequential fromJson(String json) {
        try {
            JsonObject root = JsonParser.parseString(json).getAsJsonObject();
            List<Layer> layers = new ArrayList<>();
            int index = 1;
            for (JsonElement e : root.getAsJsonArray("layers")) {
                JsonObject o = e.getAsJsonObject();
                String type = o.get("type").getAsString();
                if (type.equals("linear")) {
                    layers.add(readLinear(o, index++));
                } else {
                    layers.add(new ActivationLayer(Activation.fromId(type)));
                }
            }
            return new Sequential(layers, Loss.fromId(root.get("loss").getAsString()));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException
                 | ClassCastException | IndexOutOfBoundsException e) {
            // Gson reports a wrong shape (a number where an array belongs...) with these
            throw new IllegalArgumentException("not a model.json file: " + e.getMessage(), e);
        }
    }

    private static Linear readLinear(JsonObject o, int index) {
        int in = o.get("in").getAsInt();
        int out = o.get("out").getAsInt();
        Linear layer = new Linear(in, out, index);
        JsonArray rows = o.getAsJsonArray("W");
        JsonArray b = o.getAsJsonArray("b");
        if (rows.size() != in || b.size() != out) {
            throw new IllegalArgumentException("layer " + index + ": W must have " + in + " rows and b "
                    + out + " values");
        }
        for (int r = 0; r < in; r++) {
            JsonArray row = rows.get(r).getAsJsonArray();
            if (row.size() != out) {
                throw new IllegalArgumentException("layer " + index + ": W row " + r + " must have " + out + " values");
            }
            for (int c = 0; c < out; c++) {
                layer.weight().value().set(r, c, row.get(c).getAsDouble());
            }
        }
        for (int c = 0; c < out; c++) {
            layer.bias().value().set(0, c, b.get(c).getAsDouble());
        }
        return layer;
    }
}
