package dev.backprop.playground.engine.nn;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;

/**
 * The front stage of a network: which {@link Feature}s of (x1, x2) it sees, in the fixed order of
 * the enum, so one set always expands to the same columns. Training, the decision grid, stepping
 * and model.json all expand through {@link #expand}, so they cannot disagree.
 */
public final class FeatureSet {
    /** Just x1 and x2: the network sees the raw point (and expansion is skipped). */
    public static final FeatureSet RAW = of(EnumSet.of(Feature.X1, Feature.X2));

    private final Feature[] features;

    private FeatureSet(Feature[] features) {
        this.features = features;
    }

    /** A set of at least one feature. */
    public static FeatureSet of(Set<Feature> chosen) {
        if (chosen == null || chosen.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one input feature");
        }
        return new FeatureSet(EnumSet.copyOf(chosen).toArray(new Feature[0]));
    }

    /** Parses "x1,x2,x1sq": names from {@link Feature}, each at most once. */
    public static FeatureSet parse(List<String> ids) {
        EnumSet<Feature> set = EnumSet.noneOf(Feature.class);
        for (String id : ids) {
            if (!set.add(Feature.fromId(id.trim()))) {
                throw new IllegalArgumentException("feature '" + id.trim() + "' is given twice");
            }
        }
        return of(set);
    }

    public int size() {
        return features.length;
    }

    public Feature get(int i) {
        return features[i];
    }

    public List<Feature> list() {
        return List.of(features);
    }

    public boolean contains(Feature f) {
        for (Feature g : features) {
            if (g == f) {
                return true;
            }
        }
        return false;
    }

    /** True for x1, x2 alone: the input goes to the first layer as it is. */
    public boolean isRaw() {
        return features.length == 2 && features[0] == Feature.X1 && features[1] == Feature.X2;
    }

    /** Points (rows of x1, x2) in, one column per feature out. Input: not modified. Output: reshaped and filled. */
    public void expand(DMatrixRMaj points, DMatrixRMaj out) {
        int n = points.numRows;
        int k = features.length;
        out.reshape(n, k);
        double[] p = points.data;
        double[] o = out.data;
        for (int r = 0; r < n; r++) {
            double x1 = p[2 * r];
            double x2 = p[2 * r + 1];
            for (int c = 0; c < k; c++) {
                o[r * k + c] = features[c].of(x1, x2);
            }
        }
    }

    /** "x1,x2,x1sq": the --features form. */
    public String ids() {
        return list().stream().map(Feature::id).collect(Collectors.joining(","));
    }

    /** "x1, x2, x1²": the form the graph shows. */
    public String symbols() {
        return list().stream().map(Feature::symbol).collect(Collectors.joining(", "));
    }

    public List<String> idList() {
        List<String> out = new ArrayList<>();
        for (Feature f : features) {
            out.add(f.id());
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureSet s && java.util.Arrays.equals(s.features, features);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(features);
    }

    @Override
    public String toString() {
        return ids();
    }
}
