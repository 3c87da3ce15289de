package dev.backprop.playground.engine.value;

import dev.backprop.playground.engine.nn.Activation;

/**
 * The operations a {@link Value} can come from. Each op computes its output from its operands
 * and gives the local derivative d out / d operand_i, the factor the chain rule multiplies by.
 */
public enum Op {
    LEAF(""),
    ADD("+"),
    MUL("*"),
    /** x ** n for a constant n (the exponent is kept on the value, not as an operand). */
    POW("**"),
    NEG("neg"),
    TANH("tanh"),
    RELU("relu"),
    SIGMOID("sigmoid"),
    EXP("exp"),
    LOG("log");

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    /** What draw_dot shows in the op node: +, *, tanh ... */
    public String symbol() {
        return symbol;
    }

    /** out = op(a, b); b is unused by unary ops, {@code exponent} only by POW. */
    double apply(double a, double b, double exponent) {
        return switch (this) {
            case LEAF -> a;
            case ADD -> a + b;
            case MUL -> a * b;
            case POW -> Math.pow(a, exponent);
            case NEG -> -a;
            case TANH -> Activation.TANH.apply(a);
            case RELU -> Activation.RELU.apply(a);
            case SIGMOID -> Activation.SIGMOID.apply(a);
            case EXP -> Math.exp(a);
            case LOG -> Math.log(a);
        };
    }

    /**
     * d out / d operand {@code i}, from the operand values a, b, the output and the exponent.
     * Subtraction is ADD with a NEG, so its second operand gets -1, not seed 001's +1.
     */
    double localDerivative(int i, double a, double b, double out, double exponent) {
        return switch (this) {
            case LEAF -> 0;
            case ADD -> 1;
            case MUL -> i == 0 ? b : a;
            case POW -> exponent * Math.pow(a, exponent - 1);
            case NEG -> -1;
            case TANH -> Activation.TANH.derivative(a, out);
            case RELU -> Activation.RELU.derivative(a, out);
            case SIGMOID -> Activation.SIGMOID.derivative(a, out);
            case EXP -> out;
            case LOG -> 1 / a;
        };
    }
}
