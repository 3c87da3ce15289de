package dev.backprop.playground.graph;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.data.ImageSets;
import dev.backprop.playground.engine.nn.FeatureSet;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.io.IOException;
import java.util.Random;

/** A digits network (64-16-10, batch 1) after one step, built as the CLI builds one: for the graph's image tests. */
public final class ImageNetworks {
    private ImageNetworks() {
    }

    public static Trainer digitsAfterOneStep() throws IOException {
        ImageSets.Loaded data = ImageSets.digits(300, 0.2, new Random(1));
        TrainingConfig defaults = TrainingConfig.defaults();
        TrainingConfig config = defaults.withData(DatasetKind.DIGITS, 300, 0, 1, 10)
                .withNetwork(defaults.network().withFeatures(FeatureSet.raw(data.split().all().inputs()))
                        .withHead(Head.of(Head.defaultLoss(10), 10, 1)).withHidden(16))
                .withBatchSize(1);
        Trainer t = new Trainer(data.split(), config);
        t.step();
        return t;
    }

    public static GraphModel digitsGraph() throws IOException {
        Trainer t = digitsAfterOneStep();
        return NetworkGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), t.lastLoss());
    }
}
