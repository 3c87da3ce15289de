package dev.backprop.playground.expr;

import dev.backprop.playground.expr.Ast.Binary;
import dev.backprop.playground.expr.Ast.Call;
import dev.backprop.playground.expr.Ast.Expr;
import dev.backprop.playground.expr.Ast.Statement;
import dev.backprop.playground.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent over the grammar
 * <pre>
 * script    = statement { separator statement }
 * statement = NAME ( "=" | "+=" | "-=" | "*=" | "/=" ) sum
 * sum       = product { ("+" | "-") product }
 * product   = unary { ("*" | "/") unary }
 * unary     = "-" unary | power
 * power     = atom [ "**" unary ]          (right-associative; -a**2 is -(a**2), as in Python)
 * atom      = NUMBER | NAME | FUNCTION "(" sum ")" | "(" sum ")"
 * </pre>
 */
final class Parser {
    static final Set<String> FUNCTIONS = Set.of("tanh", "relu", "sigmoid", "exp", "log");

    private final String src;
    private final List<Token> tokens;
    private int pos;

    Parser(String src) {
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
        return new Statement(target, op.text(), value, textFrom(target.offset()));
    }

    private Expr sum() {
        int begin = peek().offset();
        Expr left = product();
        while (peek().is(Kind.OPERATOR, "+") || peek().is(Kind.OPERATOR, "-")) {
            Token op = next();
            Expr right = product();
            left = new Binary(op, op.text(), left, right, textFrom(begin));
        }
        return left;
    }

    private Expr product() {
        int begin = peek().offset();
        Expr left = unary();
        while (peek().is(Kind.OPERATOR, "*") || peek().is(Kind.OPERATOR, "/")) {
            Token op = next();
            Expr right = unary();
            left = new Binary(op, op.text(), left, right, textFrom(begin));
        }
        return left;
    }

    private Expr unary() {
        if (peek().is(Kind.OPERATOR, "-")) {
            Token minus = next();
            Expr operand = unary();
            return new Ast.Neg(minus, operand, textFrom(minus.offset()));
        }
        return power();
    }

    private Expr power() {
        int begin = peek().offset();
        Expr base = atom();
        if (peek().is(Kind.OPERATOR, "**")) {
            Token op = next();
            Expr exponent = unary();
            return new Binary(op, "**", base, exponent, textFrom(begin));
        }
        return base;
    }

    private Expr atom() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
                return new Ast.Num(t, Double.parseDouble(t.text()), t.text());
            case NAME:
                if (peek().kind() == Kind.LPAREN) {
                    if (!FUNCTIONS.contains(t.text())) {
                        throw error(t, "unknown function '" + t.text() + "' (known: exp, log, relu, sigmoid, tanh)");
                    }
                    next();
                    Expr arg = sum();
                    expect(Kind.RPAREN, "')' to close " + t.text() + "(");
                    return new Call(t, t.text(), arg, textFrom(t.offset()));
                }
                if (FUNCTIONS.contains(t.text())) {
                    throw error(t, "'" + t.text() + "' is a function: write " + t.text() + "(x)");
                }
                return new Ast.Name(t, t.text(), t.text());
            case LPAREN:
                Expr inner = sum();
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

    /** Source text from {@code begin} to the end of the last token consumed. */
    private String textFrom(int begin) {
        return src.substring(begin, endOfPrevious()).strip();
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
