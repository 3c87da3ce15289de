package dev.backprop.playground.graph;

import dev.backprop.playground.engine.nn.Linear;
import dev.backprop.playground.engine.nn.Sequential;
import org.ejml.data.DMatrixRMaj;

/** The title of a network's graph (tensor or neuron view): its shape and which sample the values come from. */
final class NetworkTitle {
    private static final String LAST_EXAMPLE = "the last example";
    private NetworkTitle() {
    }

    /** Which sample the values come from: the example itself for per-sample SGD, the batch size otherwise. */
    static String of(Sequential net, DMatrixRMaj x, DMatrixRMaj y) {
        String shape = "network " + describe(net);
        if (x.numRows == 1 && x.numCols == 2) {
            return String.format(java.util.Locale.ROOT, "%s, values for %s x = (%.3f, %.3f), y = %s",
                    shape, LAST_EXAMPLE, x.get(0, 0), x.get(0, 1), NumberFormat.short4(y.get(0)));
        }
        return shape + ", batch means over the last batch of " + x.numRows
                + " examples (grads: the mean of each example's gradient)";
    }

    /** A per-sample title's {@link #of} retold for a traced point (other titles unchanged). */
    static String traced(String title) {
        return title.replace(LAST_EXAMPLE, "the traced point");
    }

    /** A title's {@link #of} retold for a plane with no point: no example, so no values for one. */
    static String withoutExample(String title) {
        int example = title.indexOf(", values for ");
        int batch = title.indexOf(", batch means ");
        int cut = example >= 0 ? example : batch;
        return (cut >= 0 ? title.substring(0, cut) : title) + ": no training point, so no example to show values for";
    }

    private static String describe(Sequential net) {
        int[] w = net.widths(net.inputSize());
        StringBuilder sb = new StringBuilder().append(w[0]);
        for (int i = 0; i < net.layers().size(); i++) {
            if (net.layers().get(i) instanceof Linear) {
                sb.append('-').append(w[i + 1]);
            }
        }
        return sb.toString();
    }

}
