package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.backprop.playground.cli.TrainCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14's command-line reproductions: each a usage error with a stated limit, exit 2, no stack trace. */
class HostileArgumentsTest {
    @TempDir
    Path dir;

    private static Result run(String... args) {
        return TrainCommandTest.run(args);
    }

    private static void assertUsageError(Result r, String expected) {
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void trainRefusesWhatItCannotDo() {
        assertUsageError(run("train", "--samples", "2", "--test-ratio", "0.9"), "leaves no training point");
        assertUsageError(run("train", "--samples", "400000000"), "--samples must be 2 to 1000000");
        assertUsageError(run("train", "--hidden", "300000000"), "hidden layer sizes must be 1 to 4096");
        assertUsageError(run("train", "--hidden", String.join(",", java.util.Collections.nCopies(1500, "1"))),
                "1500 hidden layers: at most 64");
        assertUsageError(run("train", "--hidden", "4000,4000"), "parameters: at most 5,000,000");
        assertUsageError(run("train", "--hidden", "5", "--hidden", "6"), "--hidden is given more than once");
    }

    @Test
    void aRunReplacesTheWholeOutputSetAndLeavesNoPartFiles() throws Exception {
        Files.writeString(dir.resolve("graph.svg"), "an older run's graph");
        Files.writeString(dir.resolve("notes.txt"), "the user's own file");
        Result r = run("train", "--steps", "10", "--samples", "50", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.readString(dir.resolve("graph.svg")).contains("older run"));
        assertTrue(Files.exists(dir.resolve("notes.txt")), "other files are left alone");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("boundary.png", "dataset.csv", "graph.svg", "metrics.csv", "model.json", "notes.txt"),
                    names);
        }
    }

    @Test
    void evalPrintsLossAndAccuracyOfASavedModel() throws Exception {
        assertEquals(0, run("train", "--steps", "500", "--samples", "200", "--out", dir.toString()).exit());
        Result generated = run("eval", "--model", dir.resolve("model.json").toString(), "--samples", "200");
        assertEquals(0, generated.exit(), generated.err());
        assertTrue(generated.out().matches("net=2-50-1 points=200 loss=\\d\\.\\d{4} accuracy=\\d\\.\\d{4} test_points=40 "
                + "test_loss=\\d\\.\\d{4} test_acc=\\d\\.\\d{4}\\s*"), generated.out());
        Result fromCsv = run("eval", "--model", dir.resolve("model.json").toString(),
                "--data", dir.resolve("dataset.csv").toString());
        assertEquals(generated.out(), fromCsv.out(), "the CSV holds the same points and split");
    }

    @Test
    void evalOfABadModelSaysWhatIsWrong() throws Exception {
        Path bad = dir.resolve("model.json");
        Files.writeString(bad, "{\"layers\":[{\"type\":\"linear\",\"in\":2,\"out\":10,\"W\":[[1,1,1,1,1,1,1,1,1,1],"
                + "[1,1,1,1,1,1,1,1,1,1]],\"b\":[0,0,0,0,0,0,0,0,0,0]},{\"type\":\"relu\"},"
                + "{\"type\":\"linear\",\"in\":20,\"out\":1,\"W\":[],\"b\":[0]},{\"type\":\"sigmoid\"}],\"loss\":\"bce\"}");
        Result r = run("eval", "--model", bad.toString());
        assertEquals(2, r.exit());
        assertEquals("model.json: layer 3: in=20 but the previous layer outputs 10", r.err().strip());
        Files.writeString(bad, "{\"layers\":[{\"type\":\"relu\"}],\"loss\":\"bce\"}");
        assertTrue(run("eval", "--model", bad.toString()).err().startsWith("model.json: "));
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "x1,x2,label\n1,2,7\n");
        assertEquals(2, run("eval", "--model", bad.toString(), "--data", csv.toString()).exit());
    }

    @Test
    void exprRefusesDeepNestingAndDrawsNoGiantGraph() throws Exception {
        for (String deep : List.of("(".repeat(1540) + "a" + ")".repeat(1540), "-".repeat(2490) + "a",
                "tanh(".repeat(1560) + "a" + ")".repeat(1560))) {
            Result r = run("expr", "a = 1; L = " + deep);
            assertUsageErrorOfScript(r);
        }
        Result sum = run("expr", "--json", "a = 1; L = " + String.join("+", java.util.Collections.nCopies(2590, "a")));
        assertEquals(0, sum.exit(), sum.err());
        Path svg = dir.resolve("g.svg");
        Result big = run("expr", "--svg", svg.toString(), "a = 1; L = "
                + String.join("+", java.util.Collections.nCopies(1000, "a")));
        assertEquals(2, big.exit());
        assertTrue(big.err().contains("too many to lay out"), big.err());
        assertFalse(Files.exists(svg));
    }

    private static void assertUsageErrorOfScript(Result r) {
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("nested too deeply"), r.err());
    }

    @Test
    void exprJsonIsValidWithNonFiniteNumbers() {
        // d log(x)/dx = 1/x overflows for a subnormal x
        Result r = run("expr", "--json", "x = 1e-320; L = log(x)");
        assertEquals(0, r.exit(), r.err());
        JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
        assertTrue(root.getAsJsonObject("values").getAsJsonObject("x").get("grad").isJsonNull(), r.out());
        assertTrue(root.get("nonFinite").getAsBoolean());
    }

    @Test
    void exprFileMustBeARegularFile() {
        Result r = run("expr", "--file", dir.toString());
        assertUsageError(r, "is not a regular file");
    }
}
