package dev.backprop.playground.expr;

import dev.backprop.playground.engine.value.Numbers;
import dev.backprop.playground.engine.value.Value;
import dev.backprop.playground.expr.Ast.Call;
import dev.backprop.playground.expr.Ast.Expr;
import dev.backprop.playground.expr.Ast.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a script into a Value graph. Each assignment labels the value it makes with the name;
 * intermediate values are labelled with their source text ({@code a*b + c}) so the graph reads
 * like the script. {@code x += e} is {@code x = x + e}: a new node, the old x stays in the graph.
 * Each rebinding of a name is its own version with its own label, {@code a}, {@code a'}, {@code a''},
 * {@code a'''}, then {@code a'4}, {@code a'5}: so {@code a = 3; a += a} reads {@code da'/da}, never
 * {@code da/da}, and a name rebound thousands of times keeps a short label.
 */
public final class Evaluator {
    /** Longest source text used as an intermediate node's label. */
    private static final int MAX_LABEL = 24;

    private final Map<String, Value> bindings = new LinkedHashMap<>();
    /** Every binding in order under its version's name: a, b, a'. */
    private final Map<String, Value> versions = new LinkedHashMap<>();
    /** How many times each name has been bound so far. */
    private final Map<String, Integer> bindCounts = new java.util.HashMap<>();
    private Statement current;

    private Evaluator() {
    }

    /**
     * The outcome of a script: every name as bound at the end, every binding in order under its
     * version's name (a, a'), the output's name as asked and as its version.
     */
    public record Program(Map<String, Value> bindings, Map<String, Value> versions, String outputName,
                          String outputVersion, Value output) {
        public Program {
            bindings = Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
            versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        }
    }

    /**
     * Parses and evaluates {@code script}; the output is {@code outputName}, or the last name
     * assigned when it is null. Does not run backward.
     *
     * @throws ExprException for syntax errors, unknown names and functions, domain errors
     */
    public static Program run(String script, String outputName) {
        List<Statement> statements = new Parser(script).parse();
        Evaluator ev = new Evaluator();
        for (Statement s : statements) {
            ev.execute(s);
        }
        String out = outputName != null ? outputName : statements.get(statements.size() - 1).target().text();
        Value output = ev.bindings.get(out);
        if (output == null) {
            throw new ExprException(1, 0, "the output '" + out + "' is not assigned in the script (names: "
                    + String.join(", ", ev.bindings.keySet()) + ")");
        }
        String outVersion = versionName(out, ev.bindCounts.get(out) - 1);
        return new Program(ev.bindings, ev.versions, out, outVersion, output);
    }

    private void execute(Statement s) {
        current = s;
        String name = s.target().text();
        Value v = eval(s.value());
        if (!s.op().equals("=")) {
            Value old = bindings.get(name);
            if (old == null) {
                throw new ExprException(s.target().line(), s.target().column(),
                        "unknown name '" + name + "': " + s.op() + " needs a value to update");
            }
            v = apply(s.op().substring(0, 1), old, v, s.target());
        }
        String version = nextVersion(name);
        if (!(s.value() instanceof Ast.Name) || !s.op().equals("=")) {
            v.label(version); // `b = a` only aliases a, as in Python
        }
        bindings.put(name, v);
        versions.put(version, v);
    }

    /** The name of {@code name}'s next version: a, a', a'', a''', a'4, ... */
    private String nextVersion(String name) {
        return versionName(name, bindCounts.merge(name, 1, Integer::sum) - 1);
    }

    private static String versionName(String name, int rebindings) {
        return name + (rebindings <= 3 ? "'".repeat(rebindings) : "'" + rebindings);
    }

    private Value eval(Expr e) {
        if (e instanceof Ast.Num n) {
            return Value.of(n.value(), n.at().text());
        }
        if (isConstant(e)) {
            // -3 or 2*3 is a number, as Value(-3.0) is in micrograd: one leaf, not a little graph
            return Value.of(evalOps(e).data(), e.span().textUpTo(MAX_LABEL));
        }
        return evalOps(e);
    }

    private Value evalOps(Expr e) {
        if (e instanceof Ast.Num n) {
            return Value.of(n.value(), n.at().text());
        }
        if (e instanceof Ast.Name n) {
            Value v = bindings.get(n.name());
            if (v == null) {
                String known = bindings.isEmpty() ? "nothing is assigned yet" : "known: " + String.join(", ", bindings.keySet());
                throw new ExprException(n.at().line(), n.at().column(), "unknown name '" + n.name() + "' (" + known + ")");
            }
            return v;
        }
        if (e instanceof Ast.Neg n) {
            return labelled(eval(n.operand()).neg(), n.span());
        }
        if (e instanceof Call c) {
            Value arg = eval(c.argument());
            if (c.function().equals("log") && !(arg.data() > 0)) {
                throw domain("log of " + Numbers.compact(arg.data()) + ": log needs a positive number");
            }
            Value v = switch (c.function()) {
                case "tanh" -> arg.tanh();
                case "relu" -> arg.relu();
                case "sigmoid" -> arg.sigmoid();
                case "exp" -> arg.exp();
                default -> arg.log();
            };
            return checked(labelled(v, c.span()));
        }
        if (e instanceof Ast.Power p) {
            Value base = eval(p.base());
            if (!isConstant(p.exponent())) {
                throw new ExprException(p.at().line(), p.at().column(),
                        "the exponent of ** must be a number (as in micrograd), not an expression with names");
            }
            double exponent = eval(p.exponent()).data();
            return checked(labelled(base.pow(exponent), p.span()));
        }
        // a chain is folded left to right by a loop: a + b + c is (a + b) + c, labelled "a + b", then "a + b + c"
        Ast.Chain chain = (Ast.Chain) e;
        Value v = eval(chain.first());
        for (Ast.Link link : chain.links()) {
            v = apply(link.op().text(), v, eval(link.operand()), link.op());
            labelled(v, new Ast.Span(chain.span().src(), chain.span().begin(), link.end()));
        }
        return v;
    }

    /** left op right for op in + - * /, labelling the helper nodes of - and /. */
    private Value apply(String op, Value left, Value right, Token at) {
        return checked(switch (op) {
            case "+" -> left.add(right);
            case "*" -> left.mul(right);
            case "-" -> left.add(right.neg().label(helperLabel("-", right)));
            default -> {
                if (right.data() == 0) {
                    throw domain("division by zero (" + nameOf(right) + " is 0)");
                }
                yield left.mul(right.pow(-1).label(helperLabel("1/", right)));
            }
        });
    }

    private static String helperLabel(String prefix, Value operand) {
        String n = nameOf(operand);
        return n.isEmpty() ? "" : prefix + (n.matches("[A-Za-z_0-9.]+('+|'[0-9]+)?") ? n : "(" + n + ")");
    }

    private static String nameOf(Value v) {
        return v.label().isEmpty() ? Numbers.compact(v.data()) : v.label();
    }

    private static Value labelled(Value v, Ast.Span source) {
        return v.label(source.textUpTo(MAX_LABEL));
    }

    private Value checked(Value v) {
        if (!Double.isFinite(v.data())) {
            throw domain("the result is " + v.data() + " (" + v.op().symbol() + " of "
                    + Numbers.compact(v.operands().get(0).data()) + ")");
        }
        return v;
    }

    private ExprException domain(String message) {
        return new ExprException(current.target().line(), 0, "in `" + current.source().text() + "`: " + message);
    }

    private static boolean isConstant(Expr e) {
        if (e instanceof Ast.Num) {
            return true;
        }
        if (e instanceof Ast.Neg n) {
            return isConstant(n.operand());
        }
        if (e instanceof Ast.Power p) {
            return isConstant(p.base()) && isConstant(p.exponent());
        }
        if (e instanceof Ast.Chain c) {
            if (!isConstant(c.first())) {
                return false;
            }
            for (Ast.Link link : c.links()) {
                if (!isConstant(link.operand())) {
                    return false;
                }
            }
            return true;
        }
        return e instanceof Call c && isConstant(c.argument());
    }
}
