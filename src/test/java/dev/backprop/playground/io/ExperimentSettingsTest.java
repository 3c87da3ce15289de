package dev.backprop.playground.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.playground.engine.nn.Epochs;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.OptimizerSettings;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An experiment keeps the init with its bias rule, the optimizer's settings and the epochs; old files get the defaults. */
class ExperimentSettingsTest {
    @TempDir
    Path dir;

    @Test
    void settingsRoundTrip() throws Exception {
        TrainingConfig d = TrainingConfig.defaults();
        TrainingConfig c = d.withNetwork(d.network().withInit(Initializer.fromId("normal:0.01")
                        .withBias(Initializer.BiasInit.SAME)))
                .withOptimizer(OptimizerKind.ADAM)
                .withOptimizerSettings(new OptimizerSettings(0.5, 0.8, 0.99, 1e-6))
                .withEpochs(new Epochs(12, false));
        Path file = dir.resolve("e.bpg.json");
        ExperimentFile.write(file, new Experiment(c, null, null, Map.of()));
        TrainingConfig back = ExperimentFile.read(file, 1_000_000, 1000).config();
        assertEquals(c, back);
    }

    @Test
    void aFileFromBeforeTheSettingsGetsTheDefaults() throws Exception {
        TrainingConfig d = TrainingConfig.defaults();
        Path file = dir.resolve("old.bpg.json");
        ExperimentFile.write(file, new Experiment(d, null, null, Map.of()));
        String json = Files.readString(file).replaceAll("\"(momentum|beta1|beta2|eps|epochs|shuffle|biasInit)\":[^,}]*,?", "");
        org.junit.jupiter.api.Assertions.assertFalse(json.contains("momentum") || json.contains("biasInit"), json);
        Files.writeString(file, json);
        TrainingConfig back = ExperimentFile.read(file, 1_000_000, 1000).config();
        assertEquals(OptimizerSettings.DEFAULTS, back.optimizerSettings());
        assertEquals(Epochs.NONE, back.epochs());
        assertEquals(Initializer.AUTO, back.network().init());
    }
}
