package dev.backprop.playground.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * JSON has no NaN or infinity: such a number is written as null, and the document gets
 * {@code "nonFinite": true} so a reader knows the nulls were numbers that blew up.
 */
public final class JsonNumbers {
    /** The flag set on a document holding a null in place of a number. */
    public static final String FLAG = "nonFinite";

    private JsonNumbers() {
    }

    /** Adds {@code v}, or null if it is not finite; returns true in that case. */
    public static boolean add(JsonArray array, double v) {
        if (Double.isFinite(v)) {
            array.add(v);
            return false;
        }
        array.add(JsonNull.INSTANCE);
        return true;
    }

    /** Sets {@code key} to {@code v}, or to null if it is not finite; returns true in that case. */
    public static boolean put(JsonObject object, String key, double v) {
        if (Double.isFinite(v)) {
            object.addProperty(key, v);
            return false;
        }
        object.add(key, JsonNull.INSTANCE);
        return true;
    }
}
