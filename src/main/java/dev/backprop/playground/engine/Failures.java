package dev.backprop.playground.engine;

/** Turns a Throwable into a sentence for a user: no class names of the JDK, no stack trace. */
public final class Failures {
    /**
     * Characters of a message shown to a user: a message quoting its input (a 20 MB layer name) is cut
     * here, and its whole text goes to the log at DEBUG (java.util.logging's FINE): not printed unless asked
     * for, so a hostile file does not put megabytes on the terminal either.
     */
    public static final int MAX_MESSAGE_CHARS = 1_000;
    private static final System.Logger LOG = System.getLogger(Failures.class.getName());

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
            return cut(message);
        }
        return cut(message) + " (" + t.getClass().getSimpleName() + ")";
    }

    /** {@code message}, or its start and how much was left out when it is longer than {@link #MAX_MESSAGE_CHARS}. */
    public static String cut(String message) {
        if (message.length() <= MAX_MESSAGE_CHARS) {
            return message;
        }
        LOG.log(System.Logger.Level.DEBUG, "a message cut for display, in full: {0}", message);
        return message.substring(0, MAX_MESSAGE_CHARS) + String.format(java.util.Locale.ROOT,
                "... (%,d more characters)", message.length() - MAX_MESSAGE_CHARS);
    }

    /**
     * {@code future}'s value; what its work threw, as it threw it (a RuntimeException or an Error, not
     * wrapped in a CompletionException), so a caller handles it as if the work had run on its own thread.
     */
    public static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
