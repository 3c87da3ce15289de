package dev.backprop.playground.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.backprop.playground.engine.Named;

/** Fields of a JSON tree read as what they must be: each refusal names the field that is wrong. */
final class JsonFields {
    private JsonFields() {
    }

    static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("\"" + key + "\" must be an object");
        }
        return e.getAsJsonObject();
    }

    static JsonArray array(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException("\"" + key + "\" must be an array");
        }
        return e.getAsJsonArray();
    }

    static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a string");
        }
        return e.getAsString();
    }

    static <E extends Enum<E> & Named> E named(Class<E> type, JsonObject o, String key) {
        return Named.fromId(type, string(o, key), key);
    }

    static double number(JsonObject o, String key) {
        return finite(o.get(key), "\"" + key + "\"");
    }

    static long whole(JsonObject o, String key) {
        return whole(o.get(key), "\"" + key + "\"");
    }

    /** A whole number read exactly (a long's range): never rounded through a double, never wrapped. */
    static long whole(JsonElement e, String what) {
        return wholeIn(e, what, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    static int whole32(JsonObject o, String key) {
        return whole32(o.get(key), "\"" + key + "\"");
    }

    /** A whole number that fits an int: 4294968298 is refused, not read as 1002. */
    static int whole32(JsonElement e, String what) {
        return (int) wholeIn(e, what, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    static long wholeIn(JsonElement e, String what, long min, long max) {
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

    static double finite(JsonElement e, String what) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(what + " must be a number");
        }
        double v = e.getAsDouble();
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number");
        }
        return v;
    }

}
