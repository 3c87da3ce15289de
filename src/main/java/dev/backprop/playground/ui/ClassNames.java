package dev.backprop.playground.ui;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.data.ImageSets;
import java.util.List;

/** What a class is called in the data views: Fashion-MNIST's garments, iris's species, else its index. */
final class ClassNames {
    private static final List<String> IRIS = List.of("setosa", "versicolor", "virginica");

    private ClassNames() {
    }

    /** The name of class {@code k} of {@code kind}'s data. */
    static String of(DatasetKind kind, int k) {
        if (kind == DatasetKind.FASHION && k >= 0 && k < ImageSets.FASHION_CLASSES.size()) {
            return ImageSets.FASHION_CLASSES.get(k);
        }
        if (kind == DatasetKind.IRIS && k >= 0 && k < IRIS.size()) {
            return IRIS.get(k);
        }
        return Integer.toString(k);
    }
}
