package dev.backprop.playground.io;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import dev.backprop.playground.engine.data.Inputs;
import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.ActivationLayer;
import dev.backprop.playground.engine.nn.Feature;
import dev.backprop.playground.engine.nn.FeatureSet;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Layer;
import dev.backprop.playground.engine.nn.Limits;
import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.engine.nn.SoftmaxLayer;
import dev.backprop.playground.engine.nn.StepLayer;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads model.json as a stream of tokens, checking each against the one shape a model can have, so
 * a hostile file is refused before anything big is allocated: strict JSON (no NaN, comments or
 * single quotes), finite numbers, layer sizes within {@link Limits}, W and b of the declared shape,
 * and layers that chain (each linear layer's {@code in} is what the layer before it outputs).
 * Nesting cannot go deeper than the format's four levels: a '[' where a number belongs is an error.
 */
final class ModelJsonReader {
    /** Longest input name accepted (a CSV header's names are short). */
    private static final int MAX_NAME_CHARS = 200;
    private final JsonReader json;
    private final long maxParameters;
    private long parametersSeen;
    private String where = "";

    private ModelJsonReader(Reader in, long maxParameters) {
        this.json = new JsonReader(in);
        this.json.setStrictness(Strictness.STRICT);
        this.maxParameters = maxParameters;
    }

    /** Parses a whole model; throws {@link ModelFormatException} naming what is wrong. */
    static Sequential read(Reader in, long maxParameters) throws IOException {
        ModelJsonReader reader = new ModelJsonReader(in, maxParameters);
        try {
            Sequential net = reader.model();
            if (reader.json.peek() != JsonToken.END_DOCUMENT) {
                throw new ModelFormatException("unexpected data after the model object");
            }
            return net;
        } catch (MalformedJsonException | EOFException | IllegalStateException | NumberFormatException e) {
            throw new ModelFormatException(reader.where + "not strict JSON: " + firstSentence(e.getMessage()));
        }
    }

    private Sequential model() throws IOException {
        expect(JsonToken.BEGIN_OBJECT, "the file must hold one JSON object {\"layers\":[...],\"loss\":...}");
        json.beginObject();
        List<LayerFields> layers = null;
        Loss loss = null;
        FeatureSet features = null; // files from before input features: x1, x2
        while (json.hasNext()) {
            String name = json.nextName();
            switch (name) {
                case "layers" -> layers = layers();
                case "loss" -> loss = named(Loss.class, "loss", text("\"loss\""));
                case "features", "inputs" -> {
                    if (features != null) {
                        throw new ModelFormatException("\"features\" and \"inputs\" both describe the input: give one");
                    }
                    features = name.equals("features") ? features() : inputs();
                }
                case "nonFinite" -> {
                    if (bool("\"nonFinite\"")) {
                        throw new ModelFormatException("the model was saved with non-finite weights (NaN or "
                                + "infinity): it diverged and cannot be trained or evaluated");
                    }
                }
                default -> throw new ModelFormatException("unknown field \"" + name + "\"");
            }
        }
        json.endObject();
        where = "";
        if (layers == null) {
            throw new ModelFormatException("\"layers\" is missing");
        }
        if (loss == null) {
            throw new ModelFormatException("\"loss\" is missing");
        }
        return build(layers, loss, features != null ? features : FeatureSet.RAW);
    }

    /** "inputs":{"names":[...],"shape":[rows,cols]}: 1 to {@link Inputs#MAX_INPUTS} distinct names, shape optional. */
    private FeatureSet inputs() throws IOException {
        expect(JsonToken.BEGIN_OBJECT, "\"inputs\" must be an object {\"names\":[...]}");
        json.beginObject();
        List<String> names = null;
        int[] shape = null;
        while (json.hasNext()) {
            String name = json.nextName();
            switch (name) {
                case "names" -> {
                    expect(JsonToken.BEGIN_ARRAY, "\"inputs\".\"names\" must be an array of names");
                    json.beginArray();
                    names = new ArrayList<>();
                    while (json.hasNext()) {
                        if (names.size() >= Inputs.MAX_INPUTS) {
                            throw new ModelFormatException("\"inputs\" has more than " + Inputs.MAX_INPUTS + " names");
                        }
                        String n = text("an input name");
                        if (n.isEmpty() || n.length() > MAX_NAME_CHARS) {
                            throw new ModelFormatException("input name " + (names.size() + 1) + " must have 1 to "
                                    + MAX_NAME_CHARS + " characters");
                        }
                        names.add(n);
                    }
                    json.endArray();
                }
                case "shape" -> {
                    double[] sides = vector("\"inputs\".\"shape\"");
                    shape = new int[sides.length];
                    for (int i = 0; i < sides.length; i++) {
                        if (sides[i] != Math.rint(sides[i]) || sides[i] < 1 || sides[i] > Inputs.MAX_INPUTS) {
                            throw new ModelFormatException("\"inputs\".\"shape\" must be two whole numbers [rows, cols]");
                        }
                        shape[i] = (int) sides[i];
                    }
                }
                default -> throw new ModelFormatException("\"inputs\": unknown field \"" + name + "\"");
            }
        }
        json.endObject();
        if (names == null) {
            throw new ModelFormatException("\"inputs\" has no \"names\"");
        }
        try {
            return FeatureSet.raw(new Inputs(names, shape));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("\"inputs\": " + e.getMessage());
        }
    }

    /** "features":["x1","x2","x1sq",...]: known names, each once. */
    private FeatureSet features() throws IOException {
        expect(JsonToken.BEGIN_ARRAY, "\"features\" must be an array of names");
        json.beginArray();
        List<String> ids = new ArrayList<>();
        while (json.hasNext()) {
            if (ids.size() >= Feature.values().length) {
                throw new ModelFormatException("\"features\" has more than " + Feature.values().length + " names");
            }
            ids.add(text("a feature"));
        }
        json.endArray();
        try {
            return FeatureSet.parse(ids);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("\"features\": " + e.getMessage());
        }
    }

    /** The step layer's threshold (seed 004's 0.5 when the file has none: files before --threshold). */
    private double stepThreshold = StepLayer.THRESHOLD;

    /** A layer as read, before the network is built: weights stay flat arrays until everything checked out. */
    private record LayerFields(int index, String type, int in, int out, double[] weights, double[] bias) {
    }

    private List<LayerFields> layers() throws IOException {
        expect(JsonToken.BEGIN_ARRAY, "\"layers\" must be an array");
        json.beginArray();
        List<LayerFields> layers = new ArrayList<>();
        Integer width = null; // what the previous layer outputs; unknown before the first linear layer
        while (json.hasNext()) {
            int index = layers.size() + 1;
            where = "layer " + index + ": ";
            if (index > 2 * Limits.MAX_HIDDEN_LAYERS + 2) {
                throw new ModelFormatException("more than " + (2 * Limits.MAX_HIDDEN_LAYERS + 2) + " layers");
            }
            LayerFields layer = layer(index, width);
            if (layer.type().equals("linear")) {
                width = layer.out();
            }
            layers.add(layer);
        }
        json.endArray();
        where = "";
        return layers;
    }

    /** One layer; {@code width} is what the layer before outputs (null before the first linear layer). */
    private LayerFields layer(int index, Integer width) throws IOException {
        expect(JsonToken.BEGIN_OBJECT, "must be an object {\"type\":...}");
        json.beginObject();
        String type = null;
        int in = -1;
        int out = -1;
        double[][] weights = null;
        double[] bias = null;
        Double threshold = null;
        while (json.hasNext()) {
            String name = json.nextName();
            switch (name) {
                case "type" -> type = text("\"type\"");
                case "in" -> in = size("in");
                case "out" -> out = size("out");
                case "W" -> weights = matrix();
                case "b" -> bias = vector("b");
                case "threshold" -> threshold = number("\"threshold\"");
                default -> throw new ModelFormatException(where + "unknown field \"" + name + "\"");
            }
        }
        json.endObject();
        if (type == null) {
            throw new ModelFormatException(where + "\"type\" is missing");
        }
        if (!type.equals("linear")) {
            if (!type.equals("softmax") && !type.equals("step")) {
                named(Activation.class, "layer type", type);
            }
            if (in >= 0 || out >= 0 || weights != null || bias != null) {
                throw new ModelFormatException(where + "a " + type + " layer has no in, out, W or b");
            }
            if (threshold != null && !type.equals("step")) {
                throw new ModelFormatException(where + "only a step layer has a threshold");
            }
            if (threshold != null) {
                stepThreshold = threshold;
            }
            return new LayerFields(index, type, 0, 0, null, null);
        }
        if (in < 0 || out < 0 || weights == null || bias == null) {
            throw new ModelFormatException(where + "a linear layer needs \"in\", \"out\", \"W\" and \"b\"");
        }
        if (width != null && in != width) {
            throw new ModelFormatException(where + "in=" + in + " but the previous layer outputs " + width);
        }
        if (weights.length != in) {
            throw new ModelFormatException(where + "W has " + weights.length + " rows but in=" + in);
        }
        double[] flat = new double[in * out];
        for (int r = 0; r < in; r++) {
            if (weights[r].length != out) {
                throw new ModelFormatException(where + "W row " + (r + 1) + " has " + weights[r].length
                        + " values but out=" + out);
            }
            System.arraycopy(weights[r], 0, flat, r * out, out);
        }
        if (bias.length != out) {
            throw new ModelFormatException(where + "b has " + bias.length + " values but out=" + out);
        }
        return new LayerFields(index, type, in, out, flat, bias);
    }

    private Sequential build(List<LayerFields> fields, Loss loss, FeatureSet features) {
        if (fields.stream().noneMatch(f -> f.type().equals("linear"))) {
            throw new ModelFormatException("the model has no linear layer");
        }
        LayerFields first = fields.stream().filter(f -> f.type().equals("linear")).findFirst().orElseThrow();
        if (first.in() != features.size()) {
            throw new ModelFormatException("layer " + first.index() + ": in=" + first.in() + " but there are "
                    + features.size() + " input features (" + features.ids() + ")");
        }
        String outputType = fields.get(fields.size() - 1).type();
        for (LayerFields f : fields.subList(0, fields.size() - 1)) {
            if (f.type().equals("softmax") || f.type().equals("step")) { // identity is a hidden activation too
                throw new ModelFormatException("layer " + f.index() + ": " + f.type() + " can only be the last layer");
            }
        }
        int outputs = 0;
        for (LayerFields f : fields) {
            if (f.type().equals("linear")) {
                outputs = f.out();
            }
        }
        Head head;
        try {
            head = switch (outputType) {
                case "softmax" -> Head.of(loss, outputs);
                case "identity" -> loss == Loss.ADALINE ? Head.of(loss, 2) : Head.of(loss, 0, outputs);
                case "step" -> Head.of(loss, 2).withThreshold(stepThreshold);
                case "sigmoid" -> Head.of(loss, 2);
                default -> throw new IllegalArgumentException("the last layer must be sigmoid, softmax, identity or step, "
                        + "found " + outputType);
            };
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("a " + outputType + " output with the " + loss.id() + " loss: "
                    + e.getMessage().replace("--loss ", ""));
        }
        if (head.outputs() != outputs) {
            throw new ModelFormatException("a " + outputType + " output needs " + head.outputs()
                    + " output units, the last linear layer has " + outputs);
        }
        List<Layer> layers = new ArrayList<>();
        int linearIndex = 1;
        for (LayerFields f : fields) {
            if (f.type().equals("linear")) {
                Linear layer = new Linear(f.in(), f.out(), linearIndex++);
                System.arraycopy(f.weights(), 0, layer.weight().value().data, 0, f.weights().length);
                System.arraycopy(f.bias(), 0, layer.bias().value().data, 0, f.bias().length);
                layers.add(layer);
            } else if (f.type().equals("softmax")) {
                layers.add(new SoftmaxLayer());
            } else if (f.type().equals("step")) {
                layers.add(new StepLayer(head.threshold()));
            } else {
                layers.add(new ActivationLayer(Activation.fromId(f.type())));
            }
        }
        return new Sequential(layers, head, features);
    }

    /** A layer size: a whole number from 1 to the width limit. */
    private int size(String field) throws IOException {
        double v = number("\"" + field + "\"");
        if (v != Math.rint(v) || v < 1 || v > Limits.MAX_LAYER_WIDTH) {
            throw new ModelFormatException(where + field + "=" + compact(v) + ": must be a whole number from 1 to "
                    + Limits.MAX_LAYER_WIDTH);
        }
        return (int) v;
    }

    private double[][] matrix() throws IOException {
        expect(JsonToken.BEGIN_ARRAY, "W must be an array of rows");
        json.beginArray();
        List<double[]> rows = new ArrayList<>();
        while (json.hasNext()) {
            if (rows.size() >= Limits.MAX_LAYER_WIDTH) {
                throw new ModelFormatException(where + "W has more than " + Limits.MAX_LAYER_WIDTH + " rows");
            }
            rows.add(vector("W row " + (rows.size() + 1)));
        }
        json.endArray();
        return rows.toArray(new double[0][]);
    }

    /** An array of finite numbers, counted against the model's parameter limit as it is read. */
    private double[] vector(String what) throws IOException {
        expect(JsonToken.BEGIN_ARRAY, what + " must be an array of numbers");
        json.beginArray();
        double[] values = new double[8];
        int n = 0;
        while (json.hasNext()) {
            if (n >= Limits.MAX_LAYER_WIDTH) {
                throw new ModelFormatException(where + what + " has more than " + Limits.MAX_LAYER_WIDTH + " values");
            }
            if (++parametersSeen > maxParameters) {
                throw new ModelFormatException(String.format(Locale.ROOT, "more than %,d parameters", maxParameters));
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = number(what + " value " + (n));
        }
        json.endArray();
        return Arrays.copyOf(values, n);
    }

    private double number(String what) throws IOException {
        JsonToken t = json.peek();
        if (t == JsonToken.NULL) {
            throw new ModelFormatException(where + what + " is null, not a finite number (a model saved with "
                    + "non-finite weights, after it diverged, cannot be loaded)");
        }
        if (t != JsonToken.NUMBER) {
            throw new ModelFormatException(where + what + " must be a number, found " + describe(t));
        }
        double v = json.nextDouble();
        if (!Double.isFinite(v)) {
            throw new ModelFormatException(where + what + " is " + v + " (not a finite number)");
        }
        return v;
    }

    private String text(String what) throws IOException {
        expect(JsonToken.STRING, what + " must be a string");
        return json.nextString();
    }

    private boolean bool(String what) throws IOException {
        expect(JsonToken.BOOLEAN, what + " must be true or false");
        return json.nextBoolean();
    }

    private <E extends Enum<E> & dev.backprop.playground.engine.Named> E named(Class<E> type, String what, String id) {
        try {
            return dev.backprop.playground.engine.Named.fromId(type, id, what);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(where + e.getMessage());
        }
    }

    private void expect(JsonToken token, String message) throws IOException {
        JsonToken t = json.peek();
        if (t != token) {
            throw new ModelFormatException(where + message + ", found " + describe(t));
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case BEGIN_ARRAY -> "an array";
            case BEGIN_OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case NULL -> "null";
            case END_DOCUMENT -> "the end of the file";
            default -> "'" + t.name().toLowerCase(Locale.ROOT) + "'";
        };
    }

    private static String compact(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Gson's messages end with a troubleshooting link; the position is what a user needs. */
    static String firstSentence(String message) {
        if (message == null) {
            return "the file ends too early";
        }
        int link = message.indexOf("\nSee ");
        String sentence = (link >= 0 ? message.substring(0, link) : message).strip();
        return sentence.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON",
                "malformed JSON (comments, single quotes, NaN and trailing data are not JSON)");
    }
}
