package dev.backprop.playground.engine;

/** Turns a Throwable into a sentence for a user: no class names of the JDK, no stack trace. */
public final class Failures {
    private Failures() {
    }

    public static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory (the input is too large for this Java heap)";
        }
        if (t instanceof StackOverflowError) {
            return "the input is nested too deeply (stack overflow)";
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return "internal error: " + t.getClass().getSimpleName();
        }
        if (t instanceof IllegalArgumentException || t instanceof java.io.IOException) {
            return message;
        }
        return message + " (" + t.getClass().getSimpleName() + ")";
    }
}
