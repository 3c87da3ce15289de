package dev.backprop.playground.engine.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seed 001's Neuron, Layer and MLP on scalar Values: a neuron is tanh(sum w_i x_i + b) with w drawn
 * uniformly from [-1, 1]; b is drawn the same way, or is 0 as in the seed ({@link #micrograd}).
 * Small enough to draw every node of its graph.
 */
public final class Mlp {
    /** One neuron: weights, bias, and tanh (or linear for an output neuron when asked). */
    public static final class Neuron {
        private final List<Value> w = new ArrayList<>();
        private final Value b;
        private final boolean nonlinear;

        Neuron(int inputs, Random random, boolean nonlinear, boolean zeroBias, String name) {
            for (int i = 0; i < inputs; i++) {
                w.add(Value.of(2 * random.nextDouble() - 1, name + ".w" + (i + 1)));
            }
            this.b = Value.of(zeroBias ? 0 : 2 * random.nextDouble() - 1, name + ".b");
            this.nonlinear = nonlinear;
        }

        public Value call(List<Value> x) {
            Value act = b;
            for (int i = 0; i < w.size(); i++) {
                act = act.add(w.get(i).mul(x.get(i)));
            }
            return nonlinear ? act.tanh() : act;
        }

        public List<Value> parameters() {
            List<Value> p = new ArrayList<>(w);
            p.add(b);
            return p;
        }
    }

    private final List<List<Neuron>> layers = new ArrayList<>();

    /**
     * MLP(inputs, [sizes]) as in seed 001, tanh everywhere; with {@code linearOutput} the last
     * layer is linear (micrograd's nn.py does that for its ReLU nets).
     */
    public Mlp(int inputs, int[] sizes, Random random, boolean linearOutput) {
        this(inputs, sizes, random, linearOutput, false);
    }

    /**
     * Seed 001's {@code MLP(nin, nouts)}: weights U(-1, 1), biases {@code Value(0)}, tanh on every
     * layer but the last, which is linear ({@code nonlin=i!=len(nouts)-1}).
     */
    public static Mlp micrograd(int inputs, int[] sizes, Random random) {
        return new Mlp(inputs, sizes, random, true, true);
    }

    private Mlp(int inputs, int[] sizes, Random random, boolean linearOutput, boolean zeroBias) {
        int in = inputs;
        for (int l = 0; l < sizes.length; l++) {
            List<Neuron> layer = new ArrayList<>();
            boolean last = l == sizes.length - 1;
            for (int j = 0; j < sizes[l]; j++) {
                layer.add(new Neuron(in, random, !(last && linearOutput), zeroBias, "L" + (l + 1) + ".n" + (j + 1)));
            }
            layers.add(layer);
            in = sizes[l];
        }
    }

    /** The network's outputs for inputs {@code x} (plain numbers become constant leaves). */
    public List<Value> call(List<Value> x) {
        List<Value> a = x;
        for (List<Neuron> layer : layers) {
            List<Value> next = new ArrayList<>(layer.size());
            for (Neuron n : layer) {
                next.add(n.call(a));
            }
            a = next;
        }
        return a;
    }

    public Value call(double... x) {
        List<Value> in = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            in.add(Value.of(x[i], "x" + (i + 1)));
        }
        return call(in).get(0);
    }

    public List<Value> parameters() {
        List<Value> p = new ArrayList<>();
        for (List<Neuron> layer : layers) {
            for (Neuron n : layer) {
                p.addAll(n.parameters());
            }
        }
        return p;
    }

    /** Module.zero_grad(): every parameter's gradient back to 0. */
    public void zeroGrad() {
        for (Value p : parameters()) {
            p.setGrad(0);
        }
    }

    /** Plain gradient descent on every parameter: p -= learningRate * p.grad. */
    public void step(double learningRate) {
        for (Value p : parameters()) {
            p.setData(p.data() - learningRate * p.grad());
        }
    }
}
