package dev.backprop.playground.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelJsonTest {
    @Test
    void roundTripKeepsEveryWeight() {
        Sequential net = TrainingConfig.defaults().network().withHidden(4, 3).build(new Random(3));
        Sequential back = ModelJson.fromJson(ModelJson.toJson(net));
        assertEquals(net.parameters().size(), back.parameters().size());
        for (int i = 0; i < net.parameters().size(); i++) {
            assertArrayEquals(net.parameters().get(i).value().data, back.parameters().get(i).value().data);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{\"layers\": 3}", "{\"layers\": [{\"type\": \"linear\"}], \"loss\": \"bce\"}",
        "{\"layers\": [{\"type\": \"gelu\"}], \"loss\": \"bce\"}", "{\"layers\": [], \"loss\": \"hinge\"}",
        "{\"layers\": [{\"type\":\"linear\",\"in\":2,\"out\":1,\"W\":[[1],[2,3]],\"b\":[0]}], \"loss\": \"bce\"}"})
    void malformedFilesRaiseAClearError(String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelJson.fromJson(json));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }
}
