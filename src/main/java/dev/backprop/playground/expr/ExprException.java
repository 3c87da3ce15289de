package dev.backprop.playground.expr;

/**
 * A problem in a script, with where it is: {@code line L, column C: message} for syntax errors,
 * unknown names and functions; {@code line L: in `stmt`: message} for domain errors.
 */
public final class ExprException extends RuntimeException {
    private final int line;
    private final int column;

    public ExprException(int line, int column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    /** 1-based column, or 0 when the error belongs to a whole statement. */
    public int column() {
        return column;
    }

    /** The message with its position, as the command line prints it. */
    public String describe() {
        return column > 0
                ? "line " + line + ", column " + column + ": " + getMessage()
                : "line " + line + ": " + getMessage();
    }

    @Override
    public String toString() {
        return describe();
    }
}
