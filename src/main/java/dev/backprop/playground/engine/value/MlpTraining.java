package dev.backprop.playground.engine.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seed 001's training loop on its micrograd MLP. Each epoch: forward every example, the summed
 * squared error {@code sum((yout - ygt)**2, Value(0))}, zero_grad (unless switched off), backward,
 * {@code p.data += -lr * p.grad}. Switched off, zero_grad's absence is the seed's silent bug: each
 * backward adds to the gradients of every epoch before, and the steps grow with them.
 */
public final class MlpTraining {
    /** One epoch: its number (from 1), the loss before its update, the parameters' gradient norm used. */
    public record Epoch(int number, double loss, double gradNorm) {
    }

    private final MlpSetup setup;
    private final Mlp mlp;
    private final List<Epoch> history = new ArrayList<>();

    public MlpTraining(MlpSetup setup) {
        this.setup = setup;
        this.mlp = Mlp.micrograd(setup.inputs(), setup.sizes(), new Random(setup.seed()));
    }

    public MlpSetup setup() {
        return setup;
    }

    public Mlp mlp() {
        return mlp;
    }

    /** The summed squared error of the current parameters, as a fresh graph (no backward run). */
    public Value loss() {
        double[][] xs = setup.xs();
        double[] ys = setup.ys();
        Value loss = Value.of(0, "0");
        for (int i = 0; i < xs.length; i++) {
            List<Value> in = new ArrayList<>();
            for (int j = 0; j < xs[i].length; j++) {
                in.add(Value.of(xs[i][j], "x" + (i + 1) + "." + (j + 1)));
            }
            Value ypred = mlp.call(in).get(0).label("ypred" + (i + 1));
            Value err = ypred.sub(Value.of(ys[i], "y" + (i + 1))).pow(2).label("err" + (i + 1));
            loss = loss.add(err);
        }
        return loss.label("loss");
    }

    /** Runs one epoch; {@code zeroGrad} false skips the reset, as the seed's bug does. */
    public Epoch epoch(boolean zeroGrad) {
        Value loss = loss();
        if (zeroGrad) {
            mlp.zeroGrad();
        }
        // a fresh graph: only the parameters carry gradients from earlier epochs
        loss.backward(BackwardRule.ACCUMULATE, false);
        double squares = 0;
        for (Value p : mlp.parameters()) {
            squares += p.grad() * p.grad();
        }
        mlp.step(setup.learningRate());
        Epoch e = new Epoch(history.size() + 1, loss.data(), Math.sqrt(squares));
        history.add(e);
        return e;
    }

    /** Every epoch run so far, in order. */
    public List<Epoch> history() {
        return List.copyOf(history);
    }
}
