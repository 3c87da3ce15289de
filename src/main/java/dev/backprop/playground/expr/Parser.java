package dev.backprop.playground.expr;

import dev.backprop.playground.expr.Ast.Call;
import dev.backprop.playground.expr.Ast.Expr;
import dev.backprop.playground.expr.Ast.Statement;
import dev.backprop.playground.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent over the grammar below, with a limit on nesting (parentheses, function calls,
 * unary minus and powers together: {@link #MAX_NESTING}) so no script can overflow the stack, and
 * sums and products parsed by loops into {@link Ast.Chain}s, so their length is limited only by
 * the script's ({@link #MAX_SCRIPT_CHARS}). Memory is linear in the script's length.
 * <pre>
 * script    = statement { separator statement }
 * statement = NAME ( "=" | "+=" | "-=" | "*=" | "/=" ) sum
 * sum       = product { ("+" | "-") product }
 * product   = unary { ("*" | "/") unary }         (sum and product: one Ast.Chain each)
 * unary     = "-" unary | power
 * power     = atom [ "**" unary ]          (right-associative; -a**2 is -(a**2), as in Python)
 * atom      = NUMBER | NAME | FUNCTION "(" sum ")" | "(" sum ")"
 * </pre>
 */
final class Parser {
    static final Set<String> FUNCTIONS = Set.of("tanh", "relu", "sigmoid", "exp", "log");
    static final int MAX_NESTING = ExprLimits.MAX_NESTING;
    static final int MAX_SCRIPT_CHARS = ExprLimits.MAX_SCRIPT_CHARS;

    private final String src;
    private final List<Token> tokens;
    private int pos;
    private int depth;

    Parser(String src) {
        if (src.length() > MAX_SCRIPT_CHARS) {
            throw new ExprException(1, 0, String.format(java.util.Locale.ROOT,
                    "the script has %,d characters: at most %,d", src.length(), MAX_SCRIPT_CHARS));
        }
        this.src = src;
        this.tokens = new Lexer(src).tokens();
    }

    List<Statement> parse() {
        List<Statement> statements = new ArrayList<>();
        while (true) {
            while (peek().kind() == Kind.SEPARATOR) {
                pos++;
            }
            if (peek().kind() == Kind.EOF) {
                break;
            }
            statements.add(statement());
            Token after = peek();
            if (after.kind() != Kind.SEPARATOR && after.kind() != Kind.EOF) {
                throw error(after, "expected an operator or the end of the statement, found " + after.describe());
            }
        }
        if (statements.isEmpty()) {
            Token end = peek();
            throw new ExprException(end.line(), end.column(), "the script has no statement (write e.g. L = a * b)");
        }
        return statements;
    }

    private Statement statement() {
        Token target = next();
        if (target.kind() != Kind.NAME) {
            throw error(target, "a statement starts with a name, as in x = 2, found " + target.describe());
        }
        if (FUNCTIONS.contains(target.text())) {
            throw error(target, "'" + target.text() + "' is a function and cannot be assigned to");
        }
        Token op = next();
        if (op.kind() != Kind.ASSIGN) {
            throw error(op, "expected '=' (or += -= *= /=) after '" + target.text() + "', found " + op.describe());
        }
        Expr value = sum();
        return new Statement(target, op.text(), value, spanFrom(target.offset()));
    }

    private Expr sum() {
        return chain("+", "-", true);
    }

    private Expr product() {
        return chain("*", "/", false);
    }

    /** {@code operand { (a | b) operand }} as one chain; a single operand is returned as it is. */
    private Expr chain(String a, String b, boolean ofProducts) {
        int begin = peek().offset();
        Token start = peek();
        Expr first = ofProducts ? product() : unary();
        List<Ast.Link> links = new ArrayList<>();
        while (peek().is(Kind.OPERATOR, a) || peek().is(Kind.OPERATOR, b)) {
            Token op = next();
            Expr operand = ofProducts ? product() : unary();
            links.add(new Ast.Link(op, operand, endOfPrevious()));
        }
        if (links.isEmpty()) {
            return first;
        }
        return new Ast.Chain(start, first, List.copyOf(links), spanFrom(begin));
    }

    private Expr unary() {
        if (peek().is(Kind.OPERATOR, "-")) {
            Token minus = next();
            enter(minus);
            Expr operand = unary();
            depth--;
            return new Ast.Neg(minus, operand, spanFrom(minus.offset()));
        }
        return power();
    }

    private Expr power() {
        int begin = peek().offset();
        Expr base = atom();
        if (peek().is(Kind.OPERATOR, "**")) {
            Token op = next();
            enter(op);
            Expr exponent = unary();
            depth--;
            return new Ast.Power(op, base, exponent, spanFrom(begin));
        }
        return base;
    }

    /** One level deeper; refuses to go past {@link #MAX_NESTING}, long before the stack would overflow. */
    private void enter(Token at) {
        if (++depth > MAX_NESTING) {
            throw error(at, "nested too deeply: at most " + MAX_NESTING
                    + " levels of parentheses, function calls, unary minus and ** together");
        }
    }

    private Expr atom() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
                return new Ast.Num(t, Double.parseDouble(t.text()), spanFrom(t.offset()));
            case NAME:
                if (peek().kind() == Kind.LPAREN) {
                    if (!FUNCTIONS.contains(t.text())) {
                        throw error(t, "unknown function '" + t.text() + "' (known: exp, log, relu, sigmoid, tanh)");
                    }
                    enter(next());
                    Expr arg = sum();
                    depth--;
                    expect(Kind.RPAREN, "')' to close " + t.text() + "(");
                    return new Call(t, t.text(), arg, spanFrom(t.offset()));
                }
                if (FUNCTIONS.contains(t.text())) {
                    throw error(t, "'" + t.text() + "' is a function: write " + t.text() + "(x)");
                }
                return new Ast.Name(t, t.text(), spanFrom(t.offset()));
            case LPAREN:
                enter(t);
                Expr inner = sum();
                depth--;
                expect(Kind.RPAREN, "')'");
                return inner;
            default:
                throw error(t, "expected a number, a name, a function or '(', found " + t.describe());
        }
    }

    private void expect(Kind kind, String what) {
        Token t = next();
        if (t.kind() != kind) {
            throw error(t, "expected " + what + ", found " + t.describe());
        }
    }

    /** The source from {@code begin} to the end of the last token consumed. */
    private Ast.Span spanFrom(int begin) {
        return new Ast.Span(src, begin, endOfPrevious());
    }

    private int endOfPrevious() {
        Token prev = tokens.get(pos - 1);
        return prev.offset() + prev.text().length();
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    private static ExprException error(Token at, String message) {
        return new ExprException(at.line(), at.column(), message);
    }
}
