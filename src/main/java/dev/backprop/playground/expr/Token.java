package dev.backprop.playground.expr;

/** One lexical unit with its 1-based position and its offset in the script. */
record Token(Kind kind, String text, int line, int column, int offset) {
    enum Kind {
        NUMBER, NAME, OPERATOR, LPAREN, RPAREN, ASSIGN, SEPARATOR, EOF
    }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    String describe() {
        return switch (kind) {
            case EOF -> "the end of the script";
            case SEPARATOR -> text.equals(";") ? "';'" : "the end of the line";
            default -> "'" + text + "'";
        };
    }
}
