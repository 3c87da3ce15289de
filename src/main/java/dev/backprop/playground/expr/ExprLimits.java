package dev.backprop.playground.expr;

/** What a script may be, checked before it is evaluated: no script can overflow the stack or exhaust the memory. */
public final class ExprLimits {
    /** Deepest nesting of parentheses, function calls, unary minus signs and powers together. */
    public static final int MAX_NESTING = 200;
    /** Longest script, in characters (a sum of 100,000 terms is 200,000). */
    public static final int MAX_SCRIPT_CHARS = 1_000_000;

    private ExprLimits() {
    }
}
