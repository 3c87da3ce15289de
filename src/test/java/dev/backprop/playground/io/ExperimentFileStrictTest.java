package dev.backprop.playground.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.backprop.playground.engine.nn.SamplingRandom;
import dev.backprop.playground.engine.nn.SamplingState;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 28's experiment files: sampling state as numbers, old files read safely, strict JSON, exact ranges. */
class ExperimentFileStrictTest {
    private static final long MAX_BYTES = 64_000_000;
    private static final int MAX_POINTS = 10_000;

    @TempDir
    Path dir;

    private static byte[] payload(String name) throws Exception {
        return ExperimentFileStrictTest.class.getResourceAsStream("/dev/backprop/playground/issue28/" + name).readAllBytes();
    }

    /** A saved experiment of a few trained steps, as its JSON object. */
    private JsonObject saved() throws Exception {
        TrainingConfig c = TrainingConfig.defaults();
        c = new TrainingConfig(c.dataset(), 60, c.noise(), c.testRatio(), c.seed(), c.network().withHidden(new int[] {3}),
                c.optimizer(), c.learningRate(), c.batchSize(), 100, c.snapshotEvery(), c.classes(), c.regularization(),
                c.regularizationRate());
        Trainer t = Trainer.fromConfig(c);
        for (int i = 0; i < 7; i++) {
            t.step();
        }
        Path file = dir.resolve("saved.bpg.json");
        ExperimentFile.write(file, new Experiment(c, null, t.capture(null), Map.of()));
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private String refusal(String text) throws Exception {
        Path file = write("bad.bpg.json", text);
        return assertThrows(IllegalArgumentException.class, () -> ExperimentFile.read(file, MAX_BYTES, MAX_POINTS))
                .getMessage();
    }

    /** A version-1 file whose sampling is {@code serialized}. */
    private String versionOne(byte[] serialized) throws Exception {
        JsonObject root = saved();
        root.addProperty("version", 1);
        root.getAsJsonObject("state").addProperty("sampling", Base64.getEncoder().encodeToString(serialized));
        return root.toString();
    }

    @Test
    void theGeneratorIsJavaUtilRandomBitForBitAndItsStateRoundTrips() {
        Random reference = new Random(42);
        SamplingRandom mine = new SamplingRandom(42);
        for (int i = 0; i < 1000; i++) {
            assertEquals(reference.nextInt(97), mine.nextInt(97));
            assertEquals(reference.nextDouble(), mine.nextDouble());
            assertEquals(reference.nextGaussian(), mine.nextGaussian());
        }
        reference.nextGaussian(); // one cached Gaussian left in both
        mine.nextGaussian();
        SamplingRandom resumed = SamplingRandom.of(mine.state());
        assertTrue(resumed.state().haveNextNextGaussian());
        for (int i = 0; i < 100; i++) {
            assertEquals(reference.nextGaussian(), resumed.nextGaussian());
            assertEquals(reference.nextLong(), resumed.nextLong());
        }
    }

    @Test
    void aSavedRunWritesItsSamplingAsNumbersAndResumesExactly() throws Exception {
        JsonObject root = saved();
        assertEquals(2, root.get("version").getAsInt());
        JsonObject sampling = root.getAsJsonObject("state").getAsJsonObject("sampling");
        assertTrue(sampling.get("seed").getAsLong() >= 0 && sampling.get("seed").getAsLong() < 1L << 48);
        Experiment e = ExperimentFile.read(write("again.bpg.json", root.toString()), MAX_BYTES, MAX_POINTS);
        assertEquals(sampling.get("seed").getAsLong(), e.state().sampling().seed());
    }

    @Test
    void aVersionOneFileStillOpensWithTheSameGeneratorState() throws Exception {
        Random original = new Random(7);
        original.nextGaussian();
        Experiment e = ExperimentFile.read(write("old.bpg.json", versionOne(payload("random-seed7-one-gaussian.ser"))),
                MAX_BYTES, MAX_POINTS);
        SamplingState s = e.state().sampling();
        assertTrue(s.haveNextNextGaussian(), "the cached second Gaussian is kept");
        SamplingRandom resumed = SamplingRandom.of(s);
        for (int i = 0; i < 50; i++) {
            assertEquals(original.nextGaussian(), resumed.nextGaussian());
            assertEquals(original.nextInt(1000), resumed.nextInt(1000));
        }
    }

    @Test
    void hostileSerializedPayloadsAreRefusedBeforeTheyAllocate() throws Exception {
        Runtime rt = Runtime.getRuntime();
        for (String name : new String[] {"random-with-double-array.ser", "random-with-small-long-array.ser",
                                         "random-then-another-object.ser"}) {
            long before = rt.totalMemory() - rt.freeMemory();
            String why = refusal(versionOne(payload(name)));
            assertTrue(why.contains("state.sampling"), name + ": " + why);
            // a double[500000000] would be 4 GB: refused by the filter's maxarray before it is made
            assertTrue(rt.totalMemory() - rt.freeMemory() - before < 1_000_000_000L, name);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.ArrayList<>(java.util.List.of(1, 2)));
        }
        assertTrue(refusal(versionOne(bytes.toByteArray())).contains("not a saved generator"));
    }

    @Test
    void lenientJsonIsRefusedWithoutGsonsNamesOrLinks() throws Exception {
        String good = saved().toString();
        for (String bad : new String[] {
            "// a comment\n" + good,
            good.replaceFirst("\"format\"", "format"),
            good.replaceFirst("\"format\":", "\"format\"="),
            good.replaceFirst(",\"version\"", ";\"version\""),
            good.replace("\"backprop-playground-experiment\"", "'backprop-playground-experiment'"),
            good + " {}",
        }) {
            String why = refusal(bad);
            assertTrue(why.contains("not strict JSON"), why);
            assertFalse(why.contains("gson") || why.contains("http") || why.contains("Exception"), why);
        }
        assertTrue(refusal(good.replaceFirst("\\{", "{\"shown\":{},")).contains("the key \"shown\" twice"));
    }

    @Test
    void wholeNumbersOutOfRangeAreRefusedNotWrapped() throws Exception {
        JsonObject root = saved();
        root.getAsJsonObject("settings").addProperty("samples", 4294968298L);
        assertTrue(refusal(root.toString()).contains("\"samples\" must be a whole number from"));
        root = saved();
        root.getAsJsonObject("settings").getAsJsonArray("hidden").set(0, new com.google.gson.JsonPrimitive(4294967346L));
        assertTrue(refusal(root.toString()).contains("hidden[0] must be a whole number from"));
        root = saved();
        root.getAsJsonObject("state").addProperty("cursor", -5);
        assertTrue(refusal(root.toString()).contains("cursor -5 is not a place in the epoch"));
    }

    @Test
    void aSeedOfTwoToTheSixtySavesAndOpensAgain() throws Exception {
        JsonObject root = saved();
        root.getAsJsonObject("settings").addProperty("seed", 1L << 60);
        root.remove("state");
        Path file = write("seed.bpg.json", root.toString());
        Experiment e = ExperimentFile.read(file, MAX_BYTES, MAX_POINTS);
        assertEquals(1L << 60, e.config().seed());
        ExperimentFile.write(file, e);
        assertEquals(1L << 60, ExperimentFile.read(file, MAX_BYTES, MAX_POINTS).config().seed());
    }

    @Test
    void theStatesArraysAreCheckedAgainstTheSettingsWhileTheyAreRead() throws Exception {
        JsonObject root = saved(); // 2-3-1: 13 parameters, SGD
        root.getAsJsonObject("state").getAsJsonArray("weights").add(0.5);
        assertEquals("state.weights: more than the 13 the settings' network has", refusal(root.toString()));
        root = saved();
        root.getAsJsonObject("state").getAsJsonArray("weights").set(4, com.google.gson.JsonNull.INSTANCE);
        assertEquals("state.weights[4] must be a number", refusal(root.toString()));
        root = saved();
        root.getAsJsonObject("state").getAsJsonArray("weights").set(2, new com.google.gson.JsonPrimitive("x"));
        assertEquals("state.weights[2] must be a number", refusal(root.toString()));
        Path file = write("small.bpg.json", saved().toString());
        String why = assertThrows(IllegalArgumentException.class, () -> ExperimentFile.read(file, MAX_BYTES, MAX_POINTS, 12))
                .getMessage();
        assertEquals("settings: the network has 13 parameters; at most 12 here", why);
        assertEquals(13, ExperimentFile.read(file, MAX_BYTES, MAX_POINTS, 13).state().weights().length);
    }

    @Test
    void manyLongStringsStopAtTheTextBudget() throws Exception {
        JsonObject root = saved();
        JsonObject shown = new JsonObject();
        for (int i = 0; i < 101; i++) {
            shown.addProperty(i + "x".repeat(9_990), true); // each under the 10,000-character limit
        }
        root.add("shown", shown);
        assertTrue(refusal(root.toString()).startsWith("more than 1,000,000 characters of names and text (at $.shown"));
    }
}
