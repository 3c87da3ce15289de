package dev.backprop.playground.engine.nn;

import dev.backprop.playground.engine.data.Dataset;
import org.ejml.data.DMatrixRMaj;

/**
 * Evaluates a network on a width x height grid. The input grid is built once per rectangle and
 * reused, so a boundary frame costs one batched forward pass plus one copy of the result.
 */
public final class DecisionGridEvaluator {
    /** Margin around the data, in input units, so points never sit on the plot's edge. */
    public static final double MARGIN = 0.5;

    private final int width;
    private final int height;
    private final double[] bounds;
    private final DMatrixRMaj inputs;
    private final DMatrixRMaj outputs = new DMatrixRMaj(1, 1);

    public DecisionGridEvaluator(int width, int height, double[] bounds) {
        this.width = width;
        this.height = height;
        this.bounds = bounds.clone();
        this.inputs = new DMatrixRMaj(width * height, 2);
        DecisionGrid layout = new DecisionGrid(width, height, this.bounds, null);
        for (int row = 0, k = 0; row < height; row++) {
            for (int col = 0; col < width; col++, k++) {
                inputs.data[2 * k] = layout.x1At(col);
                inputs.data[2 * k + 1] = layout.x2At(row);
            }
        }
    }

    /**
     * A grid covering {@code data} with {@link #MARGIN} on every side, widened along one axis so a
     * unit of x1 and a unit of x2 take the same number of cells (circles stay round).
     */
    public static DecisionGridEvaluator around(Dataset data, int width, int height) {
        return new DecisionGridEvaluator(width, height, equalAspectBounds(data, (double) width / height));
    }

    /** {minX1, maxX1, minX2, maxX2} around the data, with x-range / y-range = {@code aspect}. */
    public static double[] equalAspectBounds(Dataset data, double aspect) {
        double[] b = data.bounds();
        double cx = (b[0] + b[1]) / 2;
        double cy = (b[2] + b[3]) / 2;
        double halfW = (b[1] - b[0]) / 2 + MARGIN;
        double halfH = (b[3] - b[2]) / 2 + MARGIN;
        if (halfW / halfH < aspect) {
            halfW = halfH * aspect;
        } else {
            halfH = halfW / aspect;
        }
        return new double[] {cx - halfW, cx + halfW, cy - halfH, cy + halfH};
    }

    public DecisionGrid evaluate(Sequential network) {
        network.predict(inputs, outputs);
        return new DecisionGrid(width, height, bounds, outputs.data.clone());
    }
}
