package dev.backprop.playground.io;

/** A model.json that cannot be adopted; the message starts with "model.json: " and names what is wrong. */
public final class ModelFormatException extends IllegalArgumentException {
    public ModelFormatException(String what) {
        super("model.json: " + what);
    }
}
