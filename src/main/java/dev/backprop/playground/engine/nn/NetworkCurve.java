package dev.backprop.playground.engine.nn;

import dev.backprop.playground.engine.data.Dataset;
import org.ejml.data.DMatrixRMaj;

/**
 * A one-input network drawn as a curve: its output at {@code xs}, evenly spaced over the data's x
 * with a margin, the way a notebook plots {@code model(x_grid)} over its points. Immutable once made.
 */
public final class NetworkCurve {
    /** Points along x: a smooth line at any plot width the app has. */
    public static final int POINTS = 400;
    /** Share of the data's x range added on each side, so the curve reaches past the outermost points. */
    public static final double MARGIN = 0.05;
    public static final NetworkCurve NONE = new NetworkCurve(new double[0], new double[0], -1);

    private final double[] xs;
    private final double[] ys;
    private final long step;

    private NetworkCurve(double[] xs, double[] ys, long step) {
        this.xs = xs;
        this.ys = ys;
        this.step = step;
    }

    /** {min, max} of x the curve spans for {@code data}: its points' range and {@link #MARGIN} either side. */
    public static double[] span(Dataset data) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.size(); i++) {
            lo = Math.min(lo, data.x1(i));
            hi = Math.max(hi, data.x1(i));
        }
        if (!(hi >= lo)) {
            return new double[] {-1, 1};
        }
        double pad = hi > lo ? MARGIN * (hi - lo) : 1;
        return new double[] {lo - pad, hi + pad};
    }

    /** {@code network}'s output at {@code points} x evenly from {@code span[0]} to {@code span[1]}, after {@code step} steps. */
    public static NetworkCurve of(Sequential network, double[] span, int points, long step) {
        if (network.inputSize() != 1) {
            throw new IllegalArgumentException("a curve is the output against one input; the network takes "
                    + network.inputSize());
        }
        if (points < 2) {
            throw new IllegalArgumentException("a curve needs at least 2 points, got " + points);
        }
        DMatrixRMaj x = new DMatrixRMaj(points, 1);
        for (int i = 0; i < points; i++) {
            x.data[i] = span[0] + (span[1] - span[0]) * i / (points - 1);
        }
        DMatrixRMaj out = new DMatrixRMaj(points, network.head().outputs());
        network.predict(x, out);
        double[] ys = new double[points];
        int k = out.numCols;
        for (int i = 0; i < points; i++) {
            ys[i] = out.data[i * k]; // the first output: the one target of the notebooks' regressions
        }
        return new NetworkCurve(x.data.clone(), ys, step);
    }

    public int size() {
        return xs.length;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    /** The step whose weights drew it; -1 for {@link #NONE}. */
    public long step() {
        return step;
    }

    public boolean isEmpty() {
        return xs.length == 0;
    }
}
