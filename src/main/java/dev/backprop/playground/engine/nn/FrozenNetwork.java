package dev.backprop.playground.engine.nn;

import java.util.List;
import java.util.Random;

/**
 * A trainer's network as of one step, to predict with while training goes on: a network of the same
 * shape that training never touches, whose parameters {@link #freeze} copies in. Built once per shape
 * and refilled after (784-100-10: 79,510 doubles, 0.6 MB), so a freeze allocates nothing. The copy has
 * the same layers computing from the same values, so its predictions are the live network's bits at
 * the step it was frozen.
 */
public final class FrozenNetwork {
    /** The spec {@link #copy} was built from. */
    private NetworkSpec builtFrom;
    private Sequential copy;

    /** The trainer's network as it is now, in the copy; valid until the next freeze. */
    public Sequential freeze(Trainer trainer) {
        Sequential live = trainer.network();
        if (copy == null || !trainer.spec().equals(builtFrom) || !sameShape(live, copy)) {
            // zeros: nothing to draw, the weights are copied in below
            Sequential built = trainer.spec().withInit(Initializer.ZEROS).build(new Random(0));
            if (!sameShape(live, built)) {
                throw new IllegalStateException("the trainer's spec " + trainer.spec() + " does not describe its network");
            }
            copy = built;
            builtFrom = trainer.spec();
        }
        List<Parameter> from = live.parameters();
        List<Parameter> to = copy.parameters();
        for (int i = 0; i < from.size(); i++) {
            double[] values = from.get(i).value().data;
            System.arraycopy(values, 0, to.get(i).value().data, 0, from.get(i).value().getNumElements());
        }
        return copy;
    }

    /** Same layers in the same order, each parameter of the same shape. */
    private static boolean sameShape(Sequential a, Sequential b) {
        List<Layer> la = a.layers();
        List<Layer> lb = b.layers();
        if (la.size() != lb.size() || a.parameters().size() != b.parameters().size()) {
            return false;
        }
        for (int i = 0; i < la.size(); i++) {
            if (!la.get(i).kind().equals(lb.get(i).kind())) {
                return false;
            }
        }
        for (int i = 0; i < a.parameters().size(); i++) {
            var va = a.parameters().get(i).value();
            var vb = b.parameters().get(i).value();
            if (va.numRows != vb.numRows || va.numCols != vb.numCols) {
                return false;
            }
        }
        return true;
    }
}
