package dev.backprop.playground.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reproductions of issue 14 against model.json: each refused with a message naming what is wrong. */
class ModelJsonValidationTest {
    @TempDir
    Path dir;

    private static String linear(int in, int out) {
        StringBuilder w = new StringBuilder("[");
        for (int r = 0; r < in; r++) {
            w.append(r > 0 ? "," : "").append("[").append("0.5,".repeat(out - 1)).append("0.5]");
        }
        return "{\"type\":\"linear\",\"in\":" + in + ",\"out\":" + out + ",\"W\":" + w + "],\"b\":["
                + "0,".repeat(out - 1) + "0]}";
    }

    private static String message(String json) {
        return assertThrows(ModelFormatException.class, () -> ModelJson.fromJson(json)).getMessage();
    }

    @Test
    void layersThatDoNotChainAreNamed() {
        String json = "{\"layers\":[" + linear(2, 10) + ",{\"type\":\"relu\"}," + linear(20, 1)
                + ",{\"type\":\"sigmoid\"}],\"loss\":\"bce\"}";
        assertEquals("model.json: layer 3: in=20 but the previous layer outputs 10", message(json));
    }

    @Test
    void aHugeLayerDeclaredInAFewBytesIsRefusedBeforeAllocating() {
        String json = "{\"layers\":[{\"type\":\"linear\",\"in\":40000,\"out\":40000,\"W\":[],\"b\":[]}],\"loss\":\"bce\"}";
        assertTrue(json.length() < 100);
        assertTrue(message(json).contains("in=40000: must be a whole number from 1 to 4096"), message(json));
    }

    @Test
    void tenThousandNestedBracketsAreRefusedWithoutStackOverflow() {
        String json = "{\"layers\":" + "[".repeat(10_000) + "]".repeat(10_000) + ",\"loss\":\"bce\"}";
        assertTrue(message(json).startsWith("model.json: layer 1: must be an object"), message(json));
        String deepObjects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        assertTrue(message(deepObjects).contains("unknown field \"a\""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NaN                  | not strict JSON",
        "1e999                | JSON forbids NaN and infinities",
        "null                 | is null",
        "\"1\"                | must be a number, found a string",
        "[1]                  | must be a number, found an array"})
    void everyWeightMustBeAFiniteNumber(String weight, String expected) {
        String json = "{\"layers\":[{\"type\":\"linear\",\"in\":2,\"out\":1,\"W\":[[" + weight + "],[0]],\"b\":[0]},"
                + "{\"type\":\"sigmoid\"}],\"loss\":\"bce\"}";
        assertTrue(message(json).contains(expected), message(json));
    }

    @Test
    void onlyStrictJson() {
        String ok = "{\"layers\":[" + linear(2, 1) + ",{\"type\":\"sigmoid\"}],\"loss\":\"bce\"}";
        ModelJson.fromJson(ok);
        assertTrue(message("// a comment\n" + ok).contains("not strict JSON"));
        assertTrue(message(ok.replace("\"loss\":\"bce\"", "'loss':'bce'")).contains("not strict JSON"));
        assertTrue(message(ok + "{}").contains("not strict JSON"));
        assertTrue(message(ok.replace("\"in\":2", "\"in\":2.5")).contains("in=2.5"));
        assertTrue(message(ok.replace("\"b\":[0]", "\"b\":[0,1]")).contains("b has 2 values but out=1"));
        assertTrue(message(ok.replace("\"loss\":\"bce\"", "\"loss\":\"hinge\"")).contains("unknown loss"));
    }

    @Test
    void nonFiniteWeightsAreWrittenAsNullWithAFlagAndRefusedOnReading() {
        Sequential net = TrainingConfig.defaults().network().withHidden(3).build(new Random(1));
        net.parameters().get(0).value().data[0] = Double.NaN;
        String json = ModelJson.toJson(net);
        assertFalse(json.contains("NaN"));
        assertTrue(JsonParser.parseString(json).getAsJsonObject().get(JsonNumbers.FLAG).getAsBoolean());
        assertTrue(message(json).contains("non-finite weights"), message(json));
    }

    @Test
    void aFifoOrAHugeFileIsRefusedBeforeReading() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> ModelJson.read(dir));
        Path big = dir.resolve("big.json");
        Files.writeString(big, " ".repeat(2000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelJson.read(big, 1000, 10));
        assertTrue(e.getMessage().contains("at most 1,000"), e.getMessage());
    }
}
