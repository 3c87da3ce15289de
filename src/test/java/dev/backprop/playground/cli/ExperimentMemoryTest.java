package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.io.Experiment;
import dev.backprop.playground.io.ExperimentFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28: an experiment file costs memory for what it declares, not for its size. Each payload is
 * 60 MB (under the app's 64 MB cap) and goes to {@code train --experiment} in a child JVM of 64 MB
 * heap, where reading it whole into a JSON tree ran out of memory: it must be refused with exit 2
 * and a message naming what is wrong.
 */
class ExperimentMemoryTest {
    private static final long PAYLOAD_BYTES = 60_000_000;
    private static final String HEAP = "-Xmx64m";

    @TempDir
    static Path dir;
    /** {@code "format":...,"version":2,"settings":{...}} of a saved 2-3-1 experiment, without braces. */
    private static String head;

    @BeforeAll
    static void savedSettings() throws IOException {
        TrainingConfig c = TrainingConfig.defaults();
        c = c.withNetwork(c.network().withHidden(new int[] {3}));
        Path saved = dir.resolve("saved.bpg.json");
        ExperimentFile.write(saved, new Experiment(c, null, Trainer.fromConfig(c).capture(null), Map.of()));
        var root = JsonParser.parseString(Files.readString(saved)).getAsJsonObject();
        head = "\"format\":\"" + ExperimentFile.FORMAT + "\",\"version\":" + ExperimentFile.VERSION + ",\"settings\":"
                + root.get("settings");
    }

    /** {@code before}, then {@code unit} repeated to about 60 MB, then {@code after}, as one file. */
    private static Path payload(String name, String before, String unit, String after) throws IOException {
        String chunk = unit.repeat((1 << 16) / unit.length());
        return payload(name, before, i -> chunk, after);
    }

    /** {@code before}, then {@code units} 0, 1, 2... to about 60 MB, then {@code after}, as one file. */
    private static Path payload(String name, String before, IntFunction<String> units, String after)
            throws IOException {
        Path file = dir.resolve(name);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(before);
            long written = 0;
            for (int i = 0; written < PAYLOAD_BYTES; i++) {
                String unit = units.apply(i);
                out.write(unit);
                written += unit.length();
            }
            out.write(after);
        }
        return file;
    }

    /** Runs {@code train --experiment file} in a small child JVM; returns its stderr, after checking exit 2. */
    private static String refusal(Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, HEAP, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "dev.backprop.playground.Main", "train", "--experiment",
                file.toString(), "--steps", "1"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(false).start();
        String stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM ends");
        assertEquals(2, child.exitValue(), stderr);
        assertFalse(stderr.contains("memory"), stderr);
        assertFalse(stderr.toLowerCase().contains("gson") || stderr.contains("http"), stderr);
        return stderr;
    }

    @Test
    void moreDataPointsThanAllowedStopAtTheLimit() throws Exception {
        String stderr = refusal(payload("points.bpg.json", "{" + head + ",\"data\":{\"x1\":[0", ",0", "]}}"));
        assertTrue(stderr.contains("data.x1: more than 1,000,000 points"), stderr);
    }

    @Test
    void moreWeightsThanTheSettingsNetworkHasStopAtItsSize() throws Exception {
        // 2-3-1: 2*3 + 3 + 3*1 + 1 = 13 parameters
        String stderr = refusal(payload("weights.bpg.json", "{" + head + ",\"state\":{\"weights\":[0", ",0", "]}}"));
        assertTrue(stderr.contains("state.weights: more than the 13 the settings' network has"), stderr);
    }

    @Test
    void aHugeArrayUnderAnUnknownKeyStopsAtTheValueBudget() throws Exception {
        String stderr = refusal(payload("unknown.bpg.json", "{" + head + ",\"extra\":[0", ",0", "]}"));
        assertTrue(stderr.contains("more than 10,000 values besides the points, weights and optimizer state"), stderr);
    }

    @Test
    void manyKeysStopAtTheValueBudget() throws Exception {
        String stderr = refusal(payload("keys.bpg.json", "{" + head + ",\"shown\":{\"a\":true",
                i -> ",\"k" + i + "\":true", "}}"));
        assertTrue(stderr.contains("more than 10,000 values besides the points"), stderr);
    }

    @Test
    void aLongStringStopsAtItsLengthLimit() throws Exception {
        String stderr = refusal(payload("string.bpg.json", "{\"format\":\"", "a", "\"}"));
        assertTrue(stderr.contains("a string longer than 10,000 characters (at character 10,012 of the file)"),
                stderr);
    }

    @Test
    void deepNestingStopsAtItsDepthLimit() throws Exception {
        String stderr = refusal(payload("deep.bpg.json", "{" + head + ",\"extra\":", "[", ""));
        assertTrue(stderr.contains("nested deeper than 16 levels"), stderr);
    }

    @Test
    void stateBeforeSettingsIsRefusedByName() throws Exception {
        String stderr = refusal(payload("order.bpg.json", "{\"state\":{\"weights\":[0", ",0", "]}," + head + "}"));
        assertTrue(stderr.contains("\"settings\" must come before \"state\""), stderr);
    }
}
