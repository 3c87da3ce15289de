package dev.backprop.playground.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;

/**
 * One JSON document read from a stream as strictly as model.json is: no comments, single quotes,
 * unquoted keys, '=' or ';' separators, NaN, trailing data or duplicate keys; nesting at most
 * {@link #MAX_DEPTH} deep. Numbers are kept as a double, or exactly (a long, a BigDecimal) when they
 * are whole or out of a double's range, so a whole field is checked against its range, not wrapped.
 * Memory grows with the document read, never with the file's size before it is read.
 */
final class StrictJsonTree {
    /** Deeper than any document of this app (an experiment file nests three levels). */
    static final int MAX_DEPTH = 16;

    private final JsonReader json;

    private StrictJsonTree(Reader in) {
        json = new JsonReader(in);
        json.setStrictness(Strictness.STRICT);
    }

    /** @throws IllegalArgumentException saying what is not strict JSON, without Gson's names or links */
    static JsonElement read(Reader in) throws IOException {
        StrictJsonTree reader = new StrictJsonTree(in);
        try {
            JsonElement root = reader.value(0);
            if (reader.json.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("not strict JSON: data after the document");
            }
            return root;
        } catch (MalformedJsonException | EOFException | IllegalStateException | NumberFormatException e) {
            throw new IllegalArgumentException("not strict JSON: " + ModelJsonReader.firstSentence(e.getMessage()));
        }
    }

    private JsonElement value(int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH + " levels at " + json.getPath());
        }
        return switch (json.peek()) {
            case BEGIN_OBJECT -> object(depth);
            case BEGIN_ARRAY -> array(depth);
            case STRING -> new JsonPrimitive(json.nextString());
            case NUMBER -> new JsonPrimitive(number(json.nextString()));
            case BOOLEAN -> new JsonPrimitive(json.nextBoolean());
            case NULL -> {
                json.nextNull();
                yield JsonNull.INSTANCE;
            }
            default -> throw new IllegalArgumentException("not strict JSON: unexpected " + json.peek() + " at "
                    + json.getPath());
        };
    }

    private JsonObject object(int depth) throws IOException {
        JsonObject o = new JsonObject();
        json.beginObject();
        while (json.hasNext()) {
            String key = json.nextName();
            if (o.has(key)) {
                throw new IllegalArgumentException("not strict JSON: the key \"" + shortened(key) + "\" twice at "
                        + json.getPath());
            }
            o.add(key, value(depth + 1));
        }
        json.endObject();
        return o;
    }

    private JsonArray array(int depth) throws IOException {
        JsonArray a = new JsonArray();
        json.beginArray();
        while (json.hasNext()) {
            a.add(value(depth + 1));
        }
        json.endArray();
        return a;
    }

    /** A fraction as a double (8 bytes, not its text); a whole number exactly. */
    private static Number number(String text) {
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return new BigDecimal(text);
            }
        }
        double v = Double.parseDouble(text);
        return Double.isFinite(v) ? v : new BigDecimal(text);
    }

    /** A key as quoted in a message: its start when it is long. */
    private static String shortened(String key) {
        return key.length() <= 80 ? key : key.substring(0, 80) + "...";
    }
}
