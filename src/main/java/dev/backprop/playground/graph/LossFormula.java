package dev.backprop.playground.graph;

import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.Sequential;

/**
 * The loss node's formula as the engine computes it, guard included: binary cross-entropy adds 1e-10
 * inside both logs (seed 000), which is why a confident right answer can show L = -1.0000e-10.
 */
final class LossFormula {
    private LossFormula() {
    }

    /** "L = mean of -[y·log(ŷ + 1e-10) + ...]" for {@code net}'s head, {@code out} naming its output. */
    static String of(Sequential net, String out) {
        if (net.head().fused()) { // softmax and cross-entropy from the logits: log-sum-exp needs no guard
            return "L = mean of \u2212log softmax(z)_y = logsumexp(z) \u2212 z_y   (from the logits, largest taken out first)";
        }
        Loss loss = net.loss();
        String eps = String.format(java.util.Locale.ROOT, "%.0e", Loss.EPSILON); // "1e-10"
        return switch (loss) {
            case BCE -> "L = mean of \u2212[y\u00b7log(" + out + " + " + eps + ") + (1 \u2212 y)\u00b7log(1 \u2212 " + out
                    + " + " + eps + ")]   (the " + eps + " keeps log away from 0, so a sure right answer gives L \u2248 \u2212"
                    + eps + ")";
            case CE -> "L = mean of \u2212y\u00b7log(" + out + " + " + eps + ")";
            case MSE -> "L = mean of (" + out + " \u2212 y)\u00b2";
            default -> "L = mean " + loss.id() + "(" + out + ", y)"; // a loss added later names itself
        };
    }
}
