package dev.backprop.playground.graph;

/**
 * The weight an edge of the neuron view carries: its name ({@code W1[2,5]}: from unit 2 of the
 * layer before to unit 5 of layer 1), its value and dL/dw (NaN until backprop reaches it).
 */
public record EdgeWeight(String name, double weight, double grad) {
    /** TF Playground's mapping: |w| up to 5 gives 1 to 10 pixels (graph units) of width. */
    public double width() {
        double a = Math.min(5, Math.abs(weight));
        return Double.isFinite(a) ? 1 + 9 * a / 5 : 1;
    }
}
