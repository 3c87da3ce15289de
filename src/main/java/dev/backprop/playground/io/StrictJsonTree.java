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
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One JSON document read from a stream as strictly as model.json is: no comments, single quotes,
 * unquoted keys, '=' or ';' separators, NaN, trailing data or duplicate keys; nesting at most
 * {@link #MAX_DEPTH} deep. Numbers are kept as a double, or exactly (a long, a BigDecimal) when they
 * are whole or out of a double's range, so a whole field is checked against its range, not wrapped.
 * <p>
 * Memory follows what the document declares, not the file's size: the long arrays a {@link Plan}
 * names (points, weights) are read into primitive arrays no longer than the plan allows, and
 * everything else into a tree of at most {@link #MAX_TREE_VALUES} values and {@link #MAX_TREE_CHARS}
 * characters of keys and strings, none longer than {@link #MAX_STRING_CHARS}, each refused the moment
 * it breaks its limit.
 */
final class StrictJsonTree {
    /** Deeper than any document of this app (an experiment file nests three levels). */
    static final int MAX_DEPTH = 16;
    /** Longer than any name, id or version-1 generator (under 700 characters) a document holds. */
    static final int MAX_STRING_CHARS = 10_000;
    /** Values outside the planned arrays: settings, flags and names need a few hundred. */
    static final int MAX_TREE_VALUES = 10_000;
    /** Characters of all keys and strings together: 10,000 values of 10,000 would be 200 MB. */
    static final int MAX_TREE_CHARS = 1_000_000;

    /** Which arrays are read as {@link Numbers}, and how long each may be. */
    interface Plan {
        /** The rule for the array at {@code path} ("data.x1"), or null to read it into the tree. */
        ArrayRule array(String path);

        /** Called after each member of the root object is read, so a later rule can depend on it. */
        void rootMember(String key, JsonElement value);
    }

    /**
     * An array read as numbers (or as booleans, 1 and 0) of at most {@code maxLength} elements;
     * {@code tooLong} is the whole message when it has more.
     */
    record ArrayRule(long maxLength, boolean booleans, String tooLong) {
    }

    /** A planned array: null elements are NaN, the first of them at {@code firstNull} (-1: none). */
    record Numbers(double[] values, int firstNull) {
    }

    /** The tree without the planned arrays, and those arrays by path. */
    record Document(JsonElement root, Map<String, Numbers> arrays) {
    }

    private final JsonReader json;
    private final Plan plan;
    private final Map<String, Numbers> arrays = new HashMap<>();
    private int treeValues;
    private long treeChars;

    private StrictJsonTree(Reader in, Plan plan) {
        json = new JsonReader(new StringLengthReader(in));
        json.setStrictness(Strictness.STRICT);
        this.plan = plan;
    }

    /** @throws IllegalArgumentException saying what is not strict JSON or too long, without Gson's names or links */
    static Document read(Reader in, Plan plan) throws IOException {
        StrictJsonTree reader = new StrictJsonTree(in, plan);
        try {
            JsonElement root = reader.value(0, "");
            if (reader.json.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("not strict JSON: data after the document");
            }
            return new Document(root, Map.copyOf(reader.arrays));
        } catch (MalformedJsonException | EOFException | IllegalStateException | NumberFormatException e) {
            throw new IllegalArgumentException("not strict JSON: " + ModelJsonReader.firstSentence(e.getMessage()));
        }
    }

    private JsonElement value(int depth, String path) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH + " levels at " + json.getPath());
        }
        if (++treeValues > MAX_TREE_VALUES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "more than %,d values besides the points, weights and optimizer state (at %s)", MAX_TREE_VALUES,
                    json.getPath()));
        }
        return switch (json.peek()) {
            case BEGIN_OBJECT -> object(depth, path);
            case BEGIN_ARRAY -> array(depth, path);
            case STRING -> new JsonPrimitive(counted(json.nextString()));
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

    private JsonObject object(int depth, String path) throws IOException {
        JsonObject o = new JsonObject();
        json.beginObject();
        while (json.hasNext()) {
            String key = counted(json.nextName());
            String at = path.isEmpty() ? key : path + "." + key;
            if (o.has(key) || arrays.containsKey(at)) {
                throw new IllegalArgumentException("not strict JSON: the key \"" + shortened(key) + "\" twice at "
                        + json.getPath());
            }
            ArrayRule rule = json.peek() == JsonToken.BEGIN_ARRAY ? plan.array(at) : null;
            if (rule != null) {
                arrays.put(at, numbers(rule, at));
                continue;
            }
            JsonElement value = value(depth + 1, at);
            o.add(key, value);
            if (depth == 0) {
                plan.rootMember(key, value);
            }
        }
        json.endObject();
        return o;
    }

    private JsonArray array(int depth, String path) throws IOException {
        JsonArray a = new JsonArray();
        json.beginArray();
        while (json.hasNext()) {
            a.add(value(depth + 1, path + "[]"));
        }
        json.endArray();
        return a;
    }

    /** {@code text}, counted against {@link #MAX_TREE_CHARS}. */
    private String counted(String text) {
        treeChars += text.length();
        if (treeChars > MAX_TREE_CHARS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "more than %,d characters of names and text (at %s)", MAX_TREE_CHARS, json.getPath()));
        }
        return text;
    }

    /** A planned array, grown as it is read and never past its rule's length. */
    private Numbers numbers(ArrayRule rule, String path) throws IOException {
        double[] values = new double[(int) Math.min(rule.maxLength(), 1024)];
        int n = 0;
        int firstNull = -1;
        json.beginArray();
        while (json.hasNext()) {
            if (n == rule.maxLength()) {
                throw new IllegalArgumentException(rule.tooLong());
            }
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, (int) Math.min(rule.maxLength(), 2L * n));
            }
            JsonToken token = json.peek();
            if (token == JsonToken.NULL) {
                json.nextNull();
                values[n] = Double.NaN;
                firstNull = firstNull < 0 ? n : firstNull;
            } else if (rule.booleans() && token == JsonToken.BOOLEAN) {
                values[n] = json.nextBoolean() ? 1 : 0;
            } else if (!rule.booleans() && token == JsonToken.NUMBER) {
                values[n] = Double.parseDouble(json.nextString());
                if (!Double.isFinite(values[n])) {
                    throw new IllegalArgumentException(path + "[" + n + "] must be a finite number");
                }
            } else {
                throw new IllegalArgumentException(path + "[" + n + "] must be "
                        + (rule.booleans() ? "true or false" : "a number"));
            }
            n++;
        }
        json.endArray();
        return new Numbers(java.util.Arrays.copyOf(values, n), firstNull);
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

    /**
     * Refuses a string (or key) longer than {@link #MAX_STRING_CHARS} while it streams past, before
     * the JSON reader has gathered it: a 60 MB name never becomes a 120 MB String.
     */
    private static final class StringLengthReader extends java.io.FilterReader {
        private boolean inString;
        private boolean escaped;
        private int length;
        private long position;

        StringLengthReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            for (int i = off; i < off + n; i++) {
                position++;
                char c = buffer[i];
                if (!inString) {
                    inString = c == '"';
                    length = 0;
                } else if (escaped) {
                    escaped = false;
                    length++;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                } else if (++length > MAX_STRING_CHARS) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "a string longer than %,d characters (at character %,d of the file)", MAX_STRING_CHARS,
                            position));
                }
            }
            return n;
        }
    }
}
