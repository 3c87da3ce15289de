package dev.backprop.playground.expr;

import java.util.List;

/**
 * The parsed form of a script. Every node keeps the token where it starts, for error positions, and
 * a {@link Span} of the source (not the text itself: copying each node's text would make a long
 * script cost memory quadratic in its length).
 */
final class Ast {
    private Ast() {
    }

    /** A stretch of the script, turned into text only when asked. */
    record Span(String src, int begin, int end) {
        String text() {
            return src.substring(begin, end).strip();
        }

        /** The text if it has at most {@code max} characters, else empty, without copying a long stretch. */
        String textUpTo(int max) {
            if (end - begin > 4 * max) {
                return "";
            }
            String t = text();
            return t.length() <= max ? t : "";
        }
    }

    /** An expression; {@code span} is its source, used to label the value it makes. */
    sealed interface Expr permits Num, Name, Neg, Power, Chain, Call {
        Token at();

        Span span();

        default String text() {
            return span().text();
        }
    }

    record Num(Token at, double value, Span span) implements Expr {
    }

    record Name(Token at, String name, Span span) implements Expr {
    }

    record Neg(Token at, Expr operand, Span span) implements Expr {
    }

    /** {@code base ** exponent}; {@code at} is the operator token. */
    record Power(Token at, Expr base, Expr exponent, Span span) implements Expr {
    }

    /**
     * {@code first op1 e1 op2 e2 ...} with every op of one precedence (+ - or * /), applied left to
     * right. A list, not a left-deep tree, so a sum of 100,000 terms is evaluated by a loop.
     */
    record Chain(Token at, Expr first, List<Link> links, Span span) implements Expr {
    }

    /** One {@code op operand} of a chain; {@code end} is where the partial result's source ends. */
    record Link(Token op, Expr operand, int end) {
    }

    record Call(Token at, String function, Expr argument, Span span) implements Expr {
    }

    /** {@code target op expr} with op one of = += -= *= /=; {@code source} is the statement's text. */
    record Statement(Token target, String op, Expr value, Span source) {
    }
}
