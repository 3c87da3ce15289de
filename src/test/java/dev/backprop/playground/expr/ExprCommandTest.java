package dev.backprop.playground.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
