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
    private final DMatrixRMaj rowInput = new DMatrixRMaj(1, 1);
    /** Cell coordinates of this grid (no values). */
    private final DecisionGrid layout;
    /** The pass using the buffers, or null. */
    private Pass pass;
    private double[] columnTerms = new double[0];
    private double[] rowTerm = new double[0];

    public DecisionGridEvaluator(int width, int height, double[] bounds) {
        this.width = width;
        this.height = height;
        this.bounds = bounds.clone();
        this.inputs = new DMatrixRMaj(width * height, 2);
        this.layout = new DecisionGrid(width, height, this.bounds, null);
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
        if (!data.inputs().isPlanar()) {
            throw new IllegalArgumentException("the decision grid covers the plane's two inputs x1, x2; the data has "
                    + data.inputs().describe());
        }
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

    /** The grid of {@code network}, computed in one go. */
    public DecisionGrid evaluate(Sequential network) {
        Pass whole = begin(network);
        whole.finish();
        return whole.grid();
    }

    /**
     * A grid of {@code network} to compute a band of rows at a time ({@link Pass#advanceUntil}), so a wide
     * network's grid need not hold its thread for longer than a frame. The network must not change until
     * the pass is done; one pass at a time per evaluator (they share its buffers): a new one ends the last.
     */
    public Pass begin(Sequential network) {
        network.features().requirePlanar("the decision grid");
        if (network.head().targets() > 1) {
            throw new IllegalArgumentException("the decision grid colours one output; the network predicts "
                    + network.head().targets() + " targets");
        }
        pass = new Pass(network);
        return pass;
    }

    /** Multiply-adds a grid of {@code network} takes: one per weight and cell (what its time goes by). */
    public long cost(Sequential network) {
        return network.parameterCount() * width * height;
    }

    /** {minX1, maxX1, minX2, maxX2} of the grid's rectangle. */
    public double[] bounds() {
        return bounds.clone();
    }

    public int width() {
        return width;
    }

    /** A grid being computed row by row; see {@link #begin}. */
    public final class Pass {
        private final Sequential network;
        private final Linear separableFirst;
        private final int outs;
        private final double[] values;
        private int nextRow;

        private Pass(Sequential network) {
            this.network = network;
            this.outs = network.head().outputs();
            this.values = new double[width * height * outs];
            this.separableFirst = network.features().isRaw() && network.layers().get(0) instanceof Linear first
                    ? first : null;
            if (separableFirst != null) {
                prepareColumns(separableFirst);
            }
        }

        /**
         * Computes rows until {@code deadline} (System.nanoTime) has passed, at least one; true once
         * every row is done.
         */
        public boolean advanceUntil(long deadline) {
            while (!done()) {
                computeRow();
                if (System.nanoTime() - deadline > 0) {
                    break;
                }
            }
            return done();
        }

        /** Computes every row left. */
        public void finish() {
            while (!done()) {
                computeRow();
            }
        }

        private void computeRow() {
            if (pass != this) {
                throw new IllegalStateException("another pass began on this evaluator since");
            }
            if (separableFirst != null) {
                separableRow(network, separableFirst, nextRow);
            } else {
                rowInput.reshape(width, 2);
                System.arraycopy(inputs.data, nextRow * width * 2, rowInput.data, 0, width * 2);
                network.predict(rowInput, outputs);
            }
            System.arraycopy(outputs.data, 0, values, nextRow * width * outs, width * outs);
            nextRow++;
        }

        public boolean done() {
            return nextRow == height;
        }

        /** Rows computed so far, of {@link DecisionGridEvaluator#height}. */
        public int rowsDone() {
            return nextRow;
        }

        /** The finished grid. */
        public DecisionGrid grid() {
            if (!done()) {
                throw new IllegalStateException(nextRow + " of " + height + " rows computed");
            }
            return new DecisionGrid(width, height, bounds, values, network.head());
        }
    }

    /**
     * The grid's own shortcut through the first layer: on a grid, x1 depends only on the column and
     * x2 only on the row, so z1[r, c] = (b + x2[r] W[1, :]) + x1[c] W[0, :]: both terms precomputed,
     * one add per element instead of two multiply-adds. The other layers run one grid row at a time.
     */
    private void prepareColumns(Linear first) {
        int h = first.outputSize(2);
        double[] w = first.weight().value().data;
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
    }

    /** Row {@code r} of the grid into {@link #outputs}, through the precomputed first-layer terms. */
    private void separableRow(Sequential network, Linear first, int r) {
        int h = first.outputSize(2);
        double[] w = first.weight().value().data;
        double[] b = first.bias().value().data;
        rowBlock.reshape(width, h);
        double[] z = rowBlock.data;
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
    }
}
