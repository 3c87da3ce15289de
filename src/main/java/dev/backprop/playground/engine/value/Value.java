package dev.backprop.playground.engine.value;

import java.util.Collections;
import java.util.List;

/**
 * A scalar in a computation graph, micrograd's Value: its data, the gradient of the graph's
 * output with respect to it, the op that made it and its operands. Every op builds a new Value;
 * {@link #backward()} walks the graph in reverse topological order and accumulates gradients with
 * +=, so a value used twice (a + a) collects both contributions. {@link #backward(BackwardRule, boolean)}
 * can also keep the gradients already there (they add up, as in PyTorch without zero_grad) or use
 * seed 001's buggy {@code =}.
 * Not thread-safe: one thread builds and differentiates a graph.
 */
public final class Value {
    private static final Value[] NO_OPERANDS = {};

    private double data;
    private double grad;
    /** Scratch for one backward pass: this pass's dL/dthis, before it is added to grad. */
    private double fresh;
    private final Op op;
    private final Value[] operands;
    private final double exponent;
    private String label;
    /** The epoch of the last topological traversal that reached this value (see Topology). */
    long visited;

    private Value(double data, Op op, Value[] operands, double exponent, String label) {
        this.data = data;
        this.op = op;
        this.operands = operands;
        this.exponent = exponent;
        this.label = label;
    }

    /** A leaf: an input or a parameter. */
    public static Value of(double data, String label) {
        return new Value(data, Op.LEAF, NO_OPERANDS, 0, label);
    }

    public static Value of(double data) {
        return of(data, "");
    }

    private static Value make(Op op, double exponent, Value... operands) {
        double a = operands[0].data;
        double b = operands.length > 1 ? operands[1].data : 0;
        return new Value(op.apply(a, b, exponent), op, operands, exponent, "");
    }

    // ---- ops -------------------------------------------------------------------------------

    public Value add(Value other) {
        return make(Op.ADD, 0, this, other);
    }

    public Value add(double other) {
        return add(of(other));
    }

    public Value mul(Value other) {
        return make(Op.MUL, 0, this, other);
    }

    public Value mul(double other) {
        return mul(of(other));
    }

    /** self - other = self + (-other), as micrograd writes it. */
    public Value sub(Value other) {
        return add(other.neg());
    }

    public Value sub(double other) {
        return sub(of(other));
    }

    /** self / other = self * other ** -1, as micrograd writes it. */
    public Value div(Value other) {
        return mul(other.pow(-1));
    }

    public Value div(double other) {
        return div(of(other));
    }

    /** other - self, for a plain number on the left (micrograd's __rsub__). */
    public Value rsub(double other) {
        return of(other).sub(this);
    }

    /** other / self, for a plain number on the left (micrograd's __rtruediv__). */
    public Value rdiv(double other) {
        return of(other).div(this);
    }

    public Value pow(double exponent) {
        return make(Op.POW, exponent, this);
    }

    public Value neg() {
        return make(Op.NEG, 0, this);
    }

    public Value tanh() {
        return make(Op.TANH, 0, this);
    }

    public Value relu() {
        return make(Op.RELU, 0, this);
    }

    public Value sigmoid() {
        return make(Op.SIGMOID, 0, this);
    }

    public Value exp() {
        return make(Op.EXP, 0, this);
    }

    public Value log() {
        return make(Op.LOG, 0, this);
    }

    // ---- autograd -----------------------------------------------------------------------

    /** Zeroes every gradient below this value, then backpropagates with +=: micrograd's backward(). */
    public void backward() {
        backward(BackwardRule.ACCUMULATE, true);
    }

    /**
     * One backward pass from this value. The pass computes every node's gradient afresh (this one 1,
     * then operand.fresh (rule) local * node.fresh in reverse topological order) and then stores it:
     * added to the gradient already there when {@code zeroFirst} is false and the rule accumulates,
     * in place of it otherwise. So two passes without zeroing give every node twice its gradient,
     * as PyTorch's x.grad doubles in seed 002.
     */
    public void backward(BackwardRule rule, boolean zeroFirst) {
        List<Value> order = topologicalOrder();
        for (int k = 0; k < order.size(); k++) {
            order.get(k).fresh = 0;
        }
        fresh = 1;
        for (int k = order.size() - 1; k >= 0; k--) {
            Value v = order.get(k);
            for (int i = 0; i < v.operands.length; i++) {
                double contribution = v.localDerivative(i) * v.fresh;
                Value o = v.operands[i];
                o.fresh = rule == BackwardRule.ACCUMULATE ? o.fresh + contribution : contribution;
            }
        }
        boolean keep = !zeroFirst && rule == BackwardRule.ACCUMULATE;
        for (int k = 0; k < order.size(); k++) {
            Value v = order.get(k);
            v.grad = keep ? v.grad + v.fresh : v.fresh;
        }
    }

    /** d this / d operand i at the current data. */
    public double localDerivative(int i) {
        double a = operands[0].data;
        double b = operands.length > 1 ? operands[1].data : 0;
        return op.localDerivative(i, a, b, data, exponent);
    }

    /** Recomputes data from the operands' current data (for the forward stepper). */
    void recompute() {
        if (op != Op.LEAF) {
            double a = operands[0].data;
            double b = operands.length > 1 ? operands[1].data : 0;
            data = op.apply(a, b, exponent);
        }
    }

    /**
     * Every value this one depends on, itself last, operands before the values made from them.
     * Iterative depth-first search, so a chain of a million nodes does not overflow the stack.
     */
    public List<Value> topologicalOrder() {
        return Topology.order(this);
    }

    public void zeroGrad() {
        for (Value v : topologicalOrder()) {
            v.grad = 0;
        }
    }

    // ---- accessors ------------------------------------------------------------------------

    public double data() {
        return data;
    }

    /** Changes a leaf's data (parameters during gradient descent, inputs between examples). */
    public void setData(double data) {
        this.data = data;
    }

    public double grad() {
        return grad;
    }

    void setGrad(double grad) {
        this.grad = grad;
    }

    void addGrad(double delta) {
        this.grad += delta;
    }

    public Op op() {
        return op;
    }

    public double exponent() {
        return exponent;
    }

    public List<Value> operands() {
        return Collections.unmodifiableList(java.util.Arrays.asList(operands));
    }

    Value operand(int i) {
        return operands[i];
    }

    int operandCount() {
        return operands.length;
    }

    public String label() {
        return label;
    }

    /** Names this value (as seed 001 does with e.label = 'e'); returns this for chaining. */
    public Value label(String newLabel) {
        this.label = newLabel;
        return this;
    }

    public boolean isLeaf() {
        return op == Op.LEAF;
    }

    @Override
    public String toString() {
        return "Value(" + (label.isEmpty() ? "" : label + ", ") + "data=" + data + ", grad=" + grad + ")";
    }
}
