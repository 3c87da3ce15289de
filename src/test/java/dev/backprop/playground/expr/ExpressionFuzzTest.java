package dev.backprop.playground.expr;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.backprop.playground.engine.value.BackwardStepper;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated scripts, seeded: well-formed ones, mutated ones, and deep nesting past the
 * limit. Each must evaluate or fail with an {@link ExprException} (line, column, message); nothing
 * else may escape, a StackOverflowError least of all.
 */
class ExpressionFuzzTest {
    private static final String[] FUNCTIONS = {"tanh", "relu", "sigmoid", "exp", "log"};
    private static final String[] OPERATORS = {"+", "-", "*", "/", "**"};
    private static final String NOISE = "()+-*/=;\n#.e,@ abx1";

    private static String expr(Random r, int depth) {
        int pick = depth <= 0 ? r.nextInt(2) : r.nextInt(7);
        return switch (pick) {
            case 0 -> String.valueOf(r.nextInt(5) - 1 + r.nextInt(10) / 10.0);
            case 1 -> new String[] {"a", "b", "c"}[r.nextInt(3)];
            case 2 -> "(" + expr(r, depth - 1) + ")";
            case 3 -> "-" + expr(r, depth - 1);
            case 4 -> FUNCTIONS[r.nextInt(FUNCTIONS.length)] + "(" + expr(r, depth - 1) + ")";
            default -> expr(r, depth - 1) + " " + OPERATORS[r.nextInt(OPERATORS.length)] + " " + expr(r, depth - 1);
        };
    }

    private static String script(Random r) {
        StringBuilder sb = new StringBuilder("a = 0.5; b = -1.5; c = 2\n");
        int statements = 1 + r.nextInt(4);
        for (int i = 0; i < statements; i++) {
            sb.append(new String[] {"a", "b", "c", "L"}[r.nextInt(4)])
              .append(new String[] {" = ", " += ", " *= ", " -= ", " /= "}[r.nextInt(5)])
              .append(expr(r, r.nextInt(6))).append(r.nextBoolean() ? "\n" : "; ");
        }
        return sb.append("L = a + b * c").toString();
    }

    private static String mutate(String s, Random r) {
        StringBuilder sb = new StringBuilder(s);
        for (int k = r.nextInt(4); k >= 0 && sb.length() > 0; k--) {
            int at = r.nextInt(sb.length());
            switch (r.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, NOISE.charAt(r.nextInt(NOISE.length())));
                default -> sb.setCharAt(at, NOISE.charAt(r.nextInt(NOISE.length())));
            }
        }
        return sb.toString();
    }

    private static String deep(Random r) {
        int n = ExprLimits.MAX_NESTING - 20 + r.nextInt(3000);
        String open = new String[] {"(", "-", "tanh(", "2 ** "}[r.nextInt(4)];
        String close = open.endsWith("(") ? ")" : "";
        return "a = 0.5; L = " + open.repeat(n) + "a" + close.repeat(n);
    }

    private static void check(String script) {
        try {
            Evaluator.Program p = Evaluator.run(script, null);
            BackwardStepper stepper = new BackwardStepper(p.output());
            while (stepper.hasNext()) {
                stepper.next();
            }
        } catch (ExprException e) {
            assertTrue(e.describe().startsWith("line "), e.describe());
        } catch (Throwable t) {
            fail("script escaped with " + t + ":\n" + (script.length() > 300 ? script.substring(0, 300) + "..." : script));
        }
    }

    @Test
    void generatedScriptsEvaluateOrFailWithALineAndColumn() {
        Random r = new Random(14);
        for (int i = 0; i < 3000; i++) {
            String s = script(r);
            check(s);
            check(mutate(s, r));
        }
    }

    @Test
    void deepNestingOfEveryKindIsRefusedOrEvaluated() {
        Random r = new Random(1414);
        for (int i = 0; i < 200; i++) {
            check(deep(r));
        }
    }

    @Test
    void longFlatScriptsWork() {
        check("a = 1; L = " + "a + ".repeat(100_000) + "a");
        check("a = 1\n" + "a = a * 1.0001 + 0.5\n".repeat(5_000));
    }
}
