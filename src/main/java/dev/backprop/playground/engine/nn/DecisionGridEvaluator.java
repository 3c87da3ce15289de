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
    private final DMatrixRMaj rowBlock = new DMatrixRMaj(1, 1);
    private double[] columnTerms = new double[0];
    private double[] rowTerm = new double[0];

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
        // no point (an emptied plane): the square around the origin where drawn points usually go
        double[] b = data.size() == 0 ? new double[] {-1, 1, -1, 1} : data.bounds();
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
        if (network.features().isRaw() && network.layers().get(0) instanceof Linear first) {
            return new DecisionGrid(width, height, bounds, separable(network, first), network.head());
        }
        network.predict(inputs, outputs);
        return new DecisionGrid(width, height, bounds, outputs.data.clone(), network.head());
    }

    /**
     * The grid's own shortcut through the first layer: on a grid, x1 depends only on the column and
     * x2 only on the row, so z1[r, c] = (b + x2[r] W[1, :]) + x1[c] W[0, :]: both terms precomputed,
     * one add per element instead of two multiply-adds. The other layers run one grid row at a time.
     */
    private double[] separable(Sequential network, Linear first) {
        int h = first.outputSize(2);
        double[] w = first.weight().value().data;
        double[] b = first.bias().value().data;
        DecisionGrid layout = new DecisionGrid(width, height, bounds, null);
        if (columnTerms.length != width * h) {
            columnTerms = new double[width * h];
            rowTerm = new double[h];
        }
        for (int c = 0; c < width; c++) {
            double x1 = layout.x1At(c);
            for (int j = 0; j < h; j++) {
                columnTerms[c * h + j] = x1 * w[j];
            }
        }
        rowBlock.reshape(width, h);
        double[] z = rowBlock.data;
        int outs = network.head().outputs();
        double[] values = new double[width * height * outs];
        for (int r = 0; r < height; r++) {
            double x2 = layout.x2At(r);
            for (int j = 0; j < h; j++) {
                rowTerm[j] = b[j] + x2 * w[h + j];
            }
            for (int c = 0, k = 0; c < width; c++) {
                for (int j = 0; j < h; j++, k++) {
                    z[k] = columnTerms[k] + rowTerm[j];
                }
            }
            network.predictFrom(1, rowBlock, outputs);
            System.arraycopy(outputs.data, 0, values, r * width * outs, width * outs);
        }
        return values;
    }
}
