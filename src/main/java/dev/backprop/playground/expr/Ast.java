package dev.backprop.playground.expr;

/** The parsed form of a script. Every node keeps the token where it starts, for error positions. */
final class Ast {
    private Ast() {
    }

    /** An expression; {@code text} is its source, used to label the value it makes. */
    sealed interface Expr permits Num, Name, Neg, Binary, Call {
        Token at();

        String text();
    }

    record Num(Token at, double value, String text) implements Expr {
    }

    record Name(Token at, String name, String text) implements Expr {
    }

    record Neg(Token at, Expr operand, String text) implements Expr {
    }

    /** op is one of + - * / **; {@code at} is the operator token. */
    record Binary(Token at, String op, Expr left, Expr right, String text) implements Expr {
    }

    record Call(Token at, String function, Expr argument, String text) implements Expr {
    }

    /** {@code target op expr} with op one of = += -= *= /=; {@code source} is the statement's text. */
    record Statement(Token target, String op, Expr value, String source) {
    }
}
