package dev.backprop.playground.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.playground.engine.value.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTest {

    private static Map<String, Value> run(String script) {
        Evaluator.Program p = Evaluator.run(script, null);
        p.output().backward();
        return p.bindings();
    }

    @Test
    void seedGraphPreset() {
        Map<String, Value> v = run(Presets.SEED_GRAPH.script());
        assertEquals(-8, v.get("L").data());
        assertEquals(6, v.get("a").grad());
        assertEquals(-4, v.get("b").grad());
        assertEquals(-2, v.get("c").grad());
        assertEquals(4, v.get("f").grad());
    }

    @Test
    void inlineSeedGraphGivesTheSameGrads() {
        Map<String, Value> v = run("a = 2; b = -3; c = 10; f = -2; L = (a*b + c) * f");
        assertEquals(-8, v.get("L").data());
        assertEquals(6, v.get("a").grad());
        assertEquals(-4, v.get("b").grad());
        assertEquals(-2, v.get("c").grad());
        assertEquals(4, v.get("f").grad());
        assertEquals(7, v.get("L").topologicalOrder().size(), "-3 is a number, not a negation node");
    }

    @Test
    void tanhNeuronPreset() {
        Map<String, Value> v = run(Presets.TANH_NEURON.script());
        assertEquals(0.7071, v.get("o").data(), 1e-4);
        assertEquals(0.5, v.get("n").grad(), 1e-6);
        assertEquals(1.0, v.get("w1").grad(), 1e-6);
        assertEquals(-1.5, v.get("x1").grad(), 1e-6);
    }

    @Test
    void accumulationPresets() {
        assertEquals(2, run(Presets.SAME_VALUE_TWICE.script()).get("a").grad());
        Map<String, Value> v = run(Presets.PRODUCT_OF_SUM.script());
        assertEquals(-6, v.get("f").data()); // (-6) * (1)
        assertEquals(-3, v.get("a").grad());
        assertEquals(-8, v.get("b").grad());
    }

    @Test
    void tinyMlpPresetMatchesHandComputedForward() {
        Map<String, Value> v = run(Presets.TINY_MLP.script());
        double h1 = Math.tanh(2 * 0.5 + -1 * -0.4 + 0.1);
        double h2 = Math.tanh(2 * -0.3 + -1 * 0.8 - 0.2);
        double out = Math.tanh(h1 * 1.2 + h2 * -0.7 + 0.05);
        assertEquals((out - 1) * (out - 1), v.get("loss").data(), 1e-12);
        // dloss/dc = 2 (out - y) (1 - out^2)
        assertEquals(2 * (out - 1) * (1 - out * out), v.get("c").grad(), 1e-12);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x = 2 ** 3 ** 2           | 512",
        "x = -2 ** 2               | -4",
        "x = 2 * 3 + 4             | 10",
        "x = 2 * (3 + 4)           | 14",
        "x = 10 / 4 / 5            | 0.5",
        "x = 10 - 4 - 3            | 3",
        "a = 3; a += 2; a *= 4     | 20",
        "a = 3; a -= 5; a /= 4     | -0.5",
        "x = exp(log(5))           | 5",
        "x = relu(-3) + sigmoid(0) | 0.5",
        "x = 1.5e2 + .5            | 150.5",
    })
    void arithmetic(String script, double expected) {
        assertEquals(expected, Evaluator.run(script, null).output().data(), 1e-12, script);
    }

    @Test
    void compoundAssignmentKeepsTheOldNodeInTheGraph() {
        Evaluator.Program p = Evaluator.run("a = 3\nb = a\nb *= a", null);
        p.output().backward();
        assertEquals(9, p.output().data());
        assertEquals(6, p.bindings().get("a").grad(), "b = a aliases: b *= a is a * a");
    }

    @Test
    void outputByName() {
        Evaluator.Program p = Evaluator.run("a = 2; b = a * 3; c = b + 1", "b");
        assertEquals("b", p.outputName());
        assertEquals(6, p.output().data());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a = 2 +             | line 1, column 8: expected a number, a name, a function or '(', found the end of the script",
        "a = 2\\nb = a * * 3  | line 2, column 9: expected a number, a name, a function or '(', found '*'",
        "a = 1; b = q + 1    | line 1, column 12: unknown name 'q' (known: a)",
        "a = foo(2)          | line 1, column 5: unknown function 'foo' (known: exp, log, relu, sigmoid, tanh)",
        "a = (2 + 3          | line 1, column 11: expected ')', found the end of the script",
        "2 = a               | line 1, column 1: a statement starts with a name, as in x = 2, found '2'",
        "a = 2 $ 3           | line 1, column 7: unexpected character '$'",
        "a = 2 3             | line 1, column 7: expected an operator or the end of the statement, found '3'",
        "b += 1              | line 1, column 1: unknown name 'b': += needs a value to update",
        "a = 2; b = a ** a   | line 1, column 14: the exponent of ** must be a number (as in micrograd), not an expression with names",
    })
    void syntaxErrorsNameLineAndColumn(String script, String message) {
        ExprException e = assertThrows(ExprException.class, () -> Evaluator.run(script.replace("\\n", "\n"), null));
        assertEquals(message, e.describe());
    }

    @Test
    void domainErrorsNameTheStatement() {
        ExprException log = assertThrows(ExprException.class, () -> Evaluator.run("a = 2\nb = log(a - 3)", null));
        assertEquals("line 2: in `b = log(a - 3)`: log of -1: log needs a positive number", log.describe());
        ExprException div = assertThrows(ExprException.class, () -> Evaluator.run("z = 0\nq = 1 / z", null));
        assertEquals("line 2: in `q = 1 / z`: division by zero (z is 0)", div.describe());
    }

    @Test
    void intermediateNodesAreLabelledWithTheirSource() {
        Evaluator.Program p = Evaluator.run("a = 2; b = 3; L = a*b + a", null);
        assertEquals("a*b", p.output().operands().get(0).label());
        assertEquals("L", p.output().label());
    }

    @Test
    void eachRebindingIsItsOwnLabelledNode() {
        Evaluator.Program p = Evaluator.run("a = 3; a += a; b = a; a = a * 2", null);
        assertEquals(java.util.List.of("a", "a'", "b", "a''"), java.util.List.copyOf(p.versions().keySet()));
        assertEquals("a'", p.versions().get("a'").label());
        assertEquals("a'", p.versions().get("b").label(), "b = a aliases a' and makes no node");
        assertEquals("a''", p.outputVersion());
        assertEquals("a", p.outputName());
        assertEquals(12, p.output().data());
        assertSame(p.output(), p.bindings().get("a"), "bindings keep the name's last version");
        Evaluator.Program many = Evaluator.run("x = 1" + "; x += 1".repeat(5), null);
        assertEquals("x'5", many.outputVersion());
        assertEquals("x'4", many.output().operands().get(0).label(), "after x''' the count is written out");
    }
}
