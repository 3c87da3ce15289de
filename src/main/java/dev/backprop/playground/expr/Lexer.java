package dev.backprop.playground.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits a script into tokens. Newlines and ';' separate statements; '#' starts a comment. */
final class Lexer {
    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;

    Lexer(String src) {
        this.src = src;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= src.length()) {
                out.add(token(Token.Kind.EOF, "", pos));
                return out;
            }
            char c = src.charAt(pos);
            int start = pos;
            if (c == '\n' || c == ';') {
                out.add(token(Token.Kind.SEPARATOR, c == ';' ? ";" : "\\n", start));
                pos++;
                if (c == '\n') {
                    line++;
                    lineStart = pos;
                }
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                out.add(number());
            } else if (Character.isLetter(c) || c == '_') {
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                    pos++;
                }
                out.add(token(Token.Kind.NAME, src.substring(start, pos), start));
            } else if (c == '(' || c == ')') {
                pos++;
                out.add(token(c == '(' ? Token.Kind.LPAREN : Token.Kind.RPAREN, String.valueOf(c), start));
            } else if ("+-*/".indexOf(c) >= 0) {
                if (c == '*' && peek(1) == '*') {
                    pos += 2;
                    out.add(token(Token.Kind.OPERATOR, "**", start));
                } else if (peek(1) == '=') {
                    pos += 2;
                    out.add(token(Token.Kind.ASSIGN, c + "=", start));
                } else {
                    pos++;
                    out.add(token(Token.Kind.OPERATOR, String.valueOf(c), start));
                }
            } else if (c == '=') {
                pos++;
                out.add(token(Token.Kind.ASSIGN, "=", start));
            } else {
                throw new ExprException(line, column(start), "unexpected character '" + c + "'");
            }
        }
    }

    private Token number() {
        int start = pos;
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        String text = src.substring(start, pos);
        try {
            Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ExprException(line, column(start), "malformed number '" + text + "'");
        }
        return token(Token.Kind.NUMBER, text, start);
    }

    private void skipSpaceAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private char peek(int ahead) {
        return pos + ahead < src.length() ? src.charAt(pos + ahead) : '\0';
    }

    private int column(int offset) {
        return offset - lineStart + 1;
    }

    private Token token(Token.Kind kind, String text, int offset) {
        return new Token(kind, text, line, column(offset), offset);
    }
}
