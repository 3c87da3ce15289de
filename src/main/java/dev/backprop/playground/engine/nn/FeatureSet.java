package dev.backprop.playground.engine.nn;

import dev.backprop.playground.engine.data.Inputs;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;

/**
 * The front stage of a network: which {@link Feature}s of (x1, x2) it sees, in the fixed order of
 * the enum, so one set always expands to the same columns. Training, the decision grid, stepping
 * and model.json all expand through {@link #expand}, so they cannot disagree. Data that is not the
 * plane's two inputs (a table, an image) goes in raw: the features are a 2-input stage only, and
 * such a set carries the data's {@link Inputs} (names, image shape) instead.
 */
public final class FeatureSet {
    /** Just x1 and x2: the network sees the raw point (and expansion is skipped). */
    public static final FeatureSet RAW = of(EnumSet.of(Feature.X1, Feature.X2));

    /** The plane's features; empty for raw inputs of another width. */
    private final Feature[] features;
    private final Inputs inputs;

    private FeatureSet(Feature[] features, Inputs inputs) {
        this.features = features;
        this.inputs = inputs;
    }

    /**
     * The data's inputs as they are: {@link #RAW} for the plane's two, else a set of {@code inputs.size()}
     * columns that keeps their names and image shape (for model.json and the views).
     */
    public static FeatureSet raw(Inputs inputs) {
        return inputs.isPlanar() ? RAW : new FeatureSet(new Feature[0], inputs);
    }

    /** The input stage of a network on raw inputs named x1..xd (d = 2: {@link #RAW}). */
    public static FeatureSet raw(int d) {
        return raw(d == 2 ? Inputs.PLANE : Inputs.numbered(d));
    }

    /** A set of at least one feature. */
    public static FeatureSet of(Set<Feature> chosen) {
        if (chosen == null || chosen.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one input feature");
        }
        return new FeatureSet(EnumSet.copyOf(chosen).toArray(new Feature[0]), Inputs.PLANE);
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

    /** Columns the first layer gets: one per feature, or one per raw input. */
    public int size() {
        return features.length == 0 ? inputs.size() : features.length;
    }

    /** What the data's columns are: x1, x2 for the plane, else the data's own names and shape. */
    public Inputs inputs() {
        return inputs;
    }

    /** True when the network sees the plane (x1, x2 and features of them): the 2-D views apply. */
    public boolean isPlanar() {
        return features.length > 0;
    }

    /** Refuses a network off the plane in a view of the plane ({@code what}: "the decision grid"). */
    public void requirePlanar(String what) {
        if (!isPlanar()) {
            throw new IllegalArgumentException(what + " covers the plane's two inputs x1, x2; the network takes "
                    + inputs.describe());
        }
    }

    /**
     * Refuses input features on data that is not the plane's two inputs, naming why; returns the set
     * that fits {@code data}: this one on the plane, the data's raw inputs otherwise.
     */
    public FeatureSet fitting(Inputs data) {
        if (data.isPlanar()) {
            return this;
        }
        if (!isRaw()) {
            throw new IllegalArgumentException("--features " + ids() + " are functions of the plane's two inputs x1, x2; "
                    + "the data has " + data.describe() + ": leave --features out");
        }
        return raw(data);
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

    /** True for x1, x2 alone, or raw inputs of another width: the input goes to the first layer as it is. */
    public boolean isRaw() {
        return features.length == 0 || features.length == 2 && features[0] == Feature.X1 && features[1] == Feature.X2;
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

    /** "x1,x2,x1sq": the --features form; for raw inputs of another width, their description. */
    public String ids() {
        return features.length == 0 ? inputs.describe() : list().stream().map(Feature::id).collect(Collectors.joining(","));
    }

    /** "x1, x2, x1²": the form the graph shows. */
    public String symbols() {
        return list().stream().map(Feature::symbol).collect(Collectors.joining(", "));
    }

    /** The feature ids, or the names of raw inputs of another width. */
    public List<String> idList() {
        if (features.length == 0) {
            return inputs.names();
        }
        List<String> out = new ArrayList<>();
        for (Feature f : features) {
            out.add(f.id());
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureSet s && java.util.Arrays.equals(s.features, features) && s.inputs.equals(inputs);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(features) * 31 + inputs.hashCode();
    }

    @Override
    public String toString() {
        return ids();
    }
}
