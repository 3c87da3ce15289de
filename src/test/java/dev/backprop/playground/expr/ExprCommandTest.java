package dev.backprop.playground.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.backprop.playground.cli.PlaygroundCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExprCommandTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = PlaygroundCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void jsonHasEveryNameWithDataAndGrad() {
        String[] r = run("expr", "--json", "a = 2; b = -3; c = 10; f = -2; L = (a*b + c) * f");
        assertEquals("0", r[0], r[2]);
        JsonObject root = JsonParser.parseString(r[1]).getAsJsonObject();
        assertEquals("L", root.get("output").getAsString());
        JsonObject v = root.getAsJsonObject("values");
        assertEquals(5, v.size());
        assertEquals(6.0, v.getAsJsonObject("a").get("grad").getAsDouble());
        assertEquals(-8.0, v.getAsJsonObject("L").get("data").getAsDouble());
        assertEquals(1.0, v.getAsJsonObject("L").get("grad").getAsDouble());
    }

    @Test
    void ofPicksTheOutputAndFileReadsTheScript() throws Exception {
        Path script = dir.resolve("s.txt");
        Files.writeString(script, "a = 2\nb = a * a\nc = b + a\n");
        String[] r = run("expr", "--json", "--of", "b", "--file", script.toString());
        JsonObject v = JsonParser.parseString(r[1]).getAsJsonObject().getAsJsonObject("values");
        assertEquals(4.0, v.getAsJsonObject("a").get("grad").getAsDouble());
        assertEquals(0.0, v.getAsJsonObject("c").get("grad").getAsDouble(), "c is not below b");
    }

    @Test
    void traceHasOneLinePerNode() {
        String[] r = run("expr", "--trace", "a = 3; b = a + a");
        assertEquals("1/2 db/db = 1\n2/2 db/da = db/db * 1 + db/db * 1 = 1 * 1 + 1 * 1 = 2\n", r[1]);
    }

    @Test
    void syntaxErrorExitsTwoWithLineAndColumn() {
        String[] r = run("expr", "a = 2\nb = a +* 3");
        assertEquals("2", r[0]);
        assertEquals("line 2, column 8: expected a number, a name, a function or '(', found '*'", r[2].strip());
    }

    @Test
    void svgIsWritten() throws Exception {
        Path svg = dir.resolve("g.svg");
        assertEquals("0", run("expr", "--svg", svg.toString(), "a = 2; b = a * 3")[0]);
        assertTrue(Files.readString(svg).contains("<svg"));
    }

    @Test
    void missingScriptIsAUsageError() {
        String[] r = run("expr");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("Usage:"));
    }

    private JsonObject values(String... args) {
        String[] r = run(args);
        assertEquals("0", r[0], r[2]);
        return JsonParser.parseString(r[1]).getAsJsonObject().getAsJsonObject("values");
    }

    private static double grad(JsonObject values, String name) {
        return values.getAsJsonObject(name).get("grad").getAsDouble();
    }

    @Test
    void overwriteRuleGivesSeed001sWrongGradient() {
        assertEquals(1.0, grad(values("expr", "--json", "--rule", "overwrite", "a = 3; b = a + a"), "a"));
        assertEquals(2.0, grad(values("expr", "--json", "a = 3; b = a + a"), "a"));
    }

    @Test
    void backwardThreeTimesTriplesEveryGradient() {
        String script = "a = 2; b = -3; c = 10; f = -2; L = tanh(a*b + c) * f";
        JsonObject once = values("expr", "--json", script);
        JsonObject thrice = values("expr", "--json", "--backward", "3", script);
        for (String name : new String[] {"a", "b", "c", "f", "L"}) {
            assertEquals(3 * grad(once, name), grad(thrice, name), 1e-12, name);
        }
        assertEquals(1.0, grad(once, "L"));
    }

    @Test
    void nudgeMovesTheOutputAsTheFirstOrderTermSays() {
        String[] r = run("expr", "--json", "--nudge", "1e-4", "a = 2; b = -3; c = 10; f = -2; L = (a*b + c) * f");
        JsonObject n = JsonParser.parseString(r[1]).getAsJsonObject().getAsJsonObject("nudge");
        // grads 6, -4, -2, 4: the first-order change is -1e-4 * (36 + 16 + 4 + 16)
        assertEquals(-0.0072, n.get("predictedChange").getAsDouble(), 1e-12);
        double change = n.get("after").getAsDouble() - n.get("before").getAsDouble();
        assertEquals(-0.0072, change, 1e-6);
        JsonObject v = JsonParser.parseString(r[1]).getAsJsonObject().getAsJsonObject("values");
        assertEquals(2 - 6e-4, v.getAsJsonObject("a").get("data").getAsDouble(), 1e-12);
        String[] text = run("expr", "--nudge", "-0.01", "a = 2; b = a * a");
        assertTrue(text[1].contains("nudge b: 4 \u2192 4.1616"), text[1]);
    }

    @Test
    void rebindingIsItsOwnVersionInTheJsonAndTheTrace() {
        String[] r = run("expr", "--json", "a = 3; a += a");
        JsonObject root = JsonParser.parseString(r[1]).getAsJsonObject();
        assertEquals("a'", root.get("output").getAsString());
        JsonObject v = root.getAsJsonObject("values");
        assertEquals(3.0, v.getAsJsonObject("a").get("data").getAsDouble());
        assertEquals(2.0, grad(v, "a"));
        assertEquals(6.0, v.getAsJsonObject("a'").get("data").getAsDouble());
        String trace = run("expr", "--trace", "a = 3; a += a")[1];
        assertTrue(trace.contains("da'/da = da'/da' * 1 + da'/da' * 1 = 1 * 1 + 1 * 1 = 2"), trace);
        assertFalse(trace.contains("da/da"), trace);
    }

    @Test
    void badPassesEtaAndRuleExitTwoWithUsage() {
        for (String[] args : new String[][] {{"--backward", "0"}, {"--backward", "1001"}, {"--nudge", "NaN"},
            {"--nudge", "1e9"}, {"--rule", "sum"}}) {
            String[] r = run("expr", args[0], args[1], "a = 1");
            assertEquals("2", r[0], String.join(" ", args));
            assertTrue(r[2].contains("Usage:"), r[2]);
        }
    }
}
