package dev.backprop.playground.lesson;

import dev.backprop.playground.engine.NumberText;
import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.Tensor;
import dev.backprop.playground.train.Snapshot;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What marks a lesson step done, as written in a lesson file and evaluated on a {@link LessonState}:
 * <ul>
 *   <li>{@code QUANTITY OP NUMBER}, with OP one of {@code >= <= > < ==}, and for {@code ==} an optional
 *       tolerance {@code ± TOL} (or {@code +- TOL}): {@code accuracy >= 0.99}, {@code errors == 0};</li>
 *   <li>{@code grad NODE == NUMBER ± TOL} and {@code data NODE ...}: a node of the lesson's graph, found by
 *       id or label, its first value or {@code NODE[i]}: {@code grad a == 6}, {@code data W1 == 1.969 ± 0.005};</li>
 *   <li>{@code NAME == WORD} for a setting: {@code optimizer == adam};</li>
 *   <li>{@code lit NODE}: the step-through has lit that node;</li>
 *   <li>several of these joined by {@code and}: {@code zero-first == 0 and lab-epochs >= 20}.</li>
 * </ul>
 * {@link #QUANTITIES} lists the numbers; a number the state does not have yet (no graph, no test
 * set) fails the check rather than passing it.
 */
public final class LessonCheck {
    /** The numbers a check can read, with what each is. */
    public static final Map<String, ToDoubleFunction<LessonState>> QUANTITIES = Map.ofEntries(
            Map.entry("step", s -> s.network().step()),
            Map.entry("accuracy", s -> s.network().latest().trainAccuracy()),
            Map.entry("test-accuracy", s -> s.network().latest().testAccuracy()),
            Map.entry("loss", s -> s.network().latest().trainLoss()),
            Map.entry("test-loss", s -> s.network().latest().testLoss()),
            Map.entry("errors", LessonCheck::errors),
            Map.entry("lr", s -> s.network().config().learningRate()),
            Map.entry("batch", s -> s.network().config().batchSize()),
            Map.entry("layers", s -> s.network().config().network().hidden().length),
            Map.entry("hidden", s -> {
                int[] h = s.network().config().network().hidden();
                return h.length == 0 ? 0 : h[0];
            }),
            Map.entry("classes", s -> s.network().config().classes()),
            Map.entry("neurons", s -> s.network().graph().isNeuronView() ? 1 : 0),
            Map.entry("stepped", s -> s.network().stepping() == null ? 0 : s.network().stepping().position()),
            Map.entry("lab-epochs", s -> s.lab() == null ? Double.NaN : s.lab().epochs().size()),
            Map.entry("lab-loss", s -> s.lab() == null || s.lab().epochs().isEmpty() ? Double.NaN
                    : s.lab().epochs().get(s.lab().epochs().size() - 1).loss()),
            Map.entry("zero-first", s -> s.lab() == null ? Double.NaN : s.lab().zeroFirst() ? 1 : 0));

    /** The settings a check can compare by name. */
    public static final List<String> NAMES = List.of("optimizer", "activation", "dataset", "init");

    private static final List<String> OPS = List.of(">=", "<=", "==", ">", "<");

    private String text;
    private final String quantity;
    private final String node;
    private final int index;
    private final String op;
    private final double value;
    private final double tolerance;
    private final String word;
    /** The next condition of an {@code and}, or null. */
    private LessonCheck next;

    private LessonCheck(String text, String quantity, String node, int index, String op, double value,
                        double tolerance, String word) {
        this.text = text;
        this.quantity = quantity;
        this.node = node;
        this.index = index;
        this.op = op;
        this.value = value;
        this.tolerance = tolerance;
        this.word = word;
    }

    /**
     * Reads a check as a lesson file writes it.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static LessonCheck parse(String text) {
        String[] parts = text.strip().split("\\s+and\\s+");
        LessonCheck first = condition(parts[0]);
        LessonCheck last = first;
        for (int i = 1; i < parts.length; i++) {
            last.next = condition(parts[i]);
            last = last.next;
        }
        first.text = text.strip().replace("+-", "\u00b1");
        return first;
    }

    private static LessonCheck condition(String text) {
        String t = text.strip().replace("+-", "\u00b1");
        String[] words = t.split("\\s+");
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the check is empty");
        }
        if (words[0].equals("lit")) {
            if (words.length != 2) {
                throw new IllegalArgumentException("'lit' takes one node id or label: lit dL/dz2");
            }
            return new LessonCheck(t, "lit", words[1], 0, "", 0, 0, null);
        }
        String quantity = words[0];
        String node = null;
        int index = 0;
        int at = 1;
        if (quantity.equals("grad") || quantity.equals("data")) {
            if (words.length < 2) {
                throw new IllegalArgumentException("'" + quantity + "' takes a node: " + quantity + " a == 6");
            }
            node = words[1];
            int bracket = node.indexOf('[');
            if (bracket > 0 && node.endsWith("]")) {
                try {
                    index = Integer.parseInt(node.substring(bracket + 1, node.length() - 1));
                } catch (NumberFormatException e) {
                    index = -1;
                }
                if (index < 0) {
                    throw new IllegalArgumentException("the index in " + node + " must be a whole number 0 or more");
                }
                node = node.substring(0, bracket);
            }
            at = 2;
        } else if (!QUANTITIES.containsKey(quantity) && !NAMES.contains(quantity)) {
            throw new IllegalArgumentException("'" + quantity + "' is not something a check reads; it reads "
                    + String.join(", ", new java.util.TreeSet<>(QUANTITIES.keySet())) + ", " + String.join(", ", NAMES)
                    + ", grad NODE, data NODE or lit NODE");
        }
        if (words.length < at + 2 || !OPS.contains(words[at])) {
            throw new IllegalArgumentException("expected '" + String.join(" ", List.of(words).subList(0, at))
                    + " OP VALUE' with OP one of " + String.join(" ", OPS) + ", got '" + t + "'");
        }
        String op = words[at];
        if (NAMES.contains(quantity)) {
            if (!op.equals("==") || words.length != at + 2) {
                throw new IllegalArgumentException("a setting is compared by name: " + quantity + " == NAME");
            }
            return new LessonCheck(t, quantity, null, 0, op, 0, 0, words[at + 1]);
        }
        double value = number(words[at + 1], "the value");
        double tolerance = 0;
        if (words.length == at + 4 && words[at + 2].equals("\u00b1") && op.equals("==")) {
            tolerance = number(words[at + 3], "the tolerance");
            if (tolerance < 0) {
                throw new IllegalArgumentException("the tolerance must be 0 or more");
            }
        } else if (words.length != at + 2) {
            throw new IllegalArgumentException("unexpected '" + String.join(" ", List.of(words).subList(at + 2, words.length))
                    + "' (only == takes a tolerance: == 6 \u00b1 0.01)");
        }
        return new LessonCheck(t, quantity, node, index, op, value, tolerance, null);
    }

    private static double number(String s, String what) {
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(what + " '" + s + "' is not a finite number");
    }

    /** True when the state meets the check (each condition of an {@code and}). */
    public boolean passes(LessonState s) {
        return passesOne(s) && (next == null || next.passes(s));
    }

    private boolean passesOne(LessonState s) {
        if (quantity.equals("lit")) {
            GraphNode n = find(s.graph(), node);
            return n != null && n.highlighted();
        }
        if (word != null) {
            return word.equalsIgnoreCase(name(s));
        }
        double v = read(s);
        if (Double.isNaN(v)) {
            return false;
        }
        return switch (op) {
            case ">=" -> v >= value;
            case "<=" -> v <= value;
            case ">" -> v > value;
            case "<" -> v < value;
            default -> Math.abs(v - value) <= tolerance;
        };
    }

    /** What the check reads now, as the panel shows it: "0.873", "adam", "not lit"; "–" when there is nothing yet. */
    public String now(LessonState s) {
        return next == null ? nowOne(s) : nowOne(s) + "; " + next.now(s);
    }

    private String nowOne(LessonState s) {
        if (quantity.equals("lit")) {
            GraphModel g = s.graph();
            GraphNode lit = g == null ? null : g.nodes().stream().filter(GraphNode::highlighted).findFirst().orElse(null);
            return lit == null ? "nothing lit" : lit.label().isEmpty() ? lit.id() : lit.label() + " lit";
        }
        if (word != null) {
            String n = name(s);
            return n == null ? "\u2013" : n;
        }
        double v = read(s);
        return Double.isNaN(v) ? "\u2013" : NumberText.short4(v);
    }

    /** The check as written (with ± for +-). */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    /** The number the check compares, NaN when the state does not have it. */
    double read(LessonState s) {
        if (node != null) {
            GraphNode n = find(s.graph(), node);
            Tensor t = n == null ? null : quantity.equals("grad") ? n.grad() : n.data();
            return t == null || t.isPending() || index >= t.values().length ? Double.NaN : t.values()[index];
        }
        boolean readsLab = quantity.startsWith("lab-") || quantity.equals("zero-first");
        if (s.network() == null && !readsLab) {
            return Double.NaN;
        }
        return QUANTITIES.get(quantity).applyAsDouble(s);
    }

    private String name(LessonState s) {
        if (s.network() == null) {
            return null;
        }
        var c = s.network().config();
        return switch (quantity) {
            case "optimizer" -> c.optimizer().id();
            case "activation" -> c.network().activation().id();
            case "dataset" -> c.dataset().id();
            default -> c.network().init().id();
        };
    }

    /** A node by id, else by label; null when the graph has none. */
    static GraphNode find(GraphModel g, String idOrLabel) {
        if (g == null) {
            return null;
        }
        if (g.contains(idOrLabel)) {
            return g.node(idOrLabel);
        }
        return g.nodes().stream().filter(n -> n.label().equals(idOrLabel)).findFirst().orElse(null);
    }

    /** Training points the network gets wrong at the last measured step (the perceptron's errors). */
    private static double errors(LessonState s) {
        Snapshot n = s.network();
        Metrics m = n.latest();
        return Double.isNaN(m.trainAccuracy()) ? Double.NaN
                : Math.round((1 - m.trainAccuracy()) * n.data().train().size());
    }

    /** For messages: the check with what it reads now. */
    public String describe(LessonState s) {
        return String.format(Locale.ROOT, "%s (now %s)", text, now(s));
    }
}
