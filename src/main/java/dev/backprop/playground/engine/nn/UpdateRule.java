package dev.backprop.playground.engine.nn;

import java.util.Locale;

/**
 * The update an optimizer just made, in words and numbers, on the first weight of the first
 * parameter: its real rule (momentum's velocity, Adam's moments and bias corrections...), not
 * always {@code p <- p - lr * g}. What the step-through's update step shows.
 */
final class UpdateRule {
    private UpdateRule() {
    }

    /**
     * @param opt         the optimizer, after its step
     * @param p           the parameter described (its first number)
     * @param before      that number before the step
     * @param stateBefore {@link Optimizer#saveState()} before the step
     * @param perceptron  the step was the perceptron rule (sgd with the error y_hat - y as the gradient)
     */
    static String describe(Optimizer opt, Parameter p, double before, double[] stateBefore, boolean perceptron) {
        double g = p.grad().data[0];
        double after = p.value().data[0];
        double lr = opt.learningRate();
        String w = p.name() + "[0]";
        double[] s1 = opt.saveState();
        return switch (opt.kind()) {
            case SGD -> perceptron
                    ? f("w \u2190 w + lr (y \u2212 \u0177) x: %s = %s + %s\u00b7(%s) = %s", w, before, lr, -g, after)
                    : f("p \u2190 p \u2212 lr g: %s = %s \u2212 %s\u00b7(%s) = %s", w, before, lr, g, after);
            case MOMENTUM -> f("v \u2190 %s v + g = %s\u00b7(%s) + (%s) = %s; p \u2190 p \u2212 lr v: %s = %s \u2212 %s\u00b7(%s) = %s",
                    ((Momentum) opt).mu(), ((Momentum) opt).mu(), at(stateBefore, 0), g, s1[0], w, before, lr, s1[0], after);
            case RMSPROP -> f("s \u2190 %s s + %s g\u00b2 = %s; p \u2190 p \u2212 lr g / (\u221as + %s): %s = %s \u2212 %s\u00b7(%s) / "
                    + "(%s + %s) = %s", ((Rmsprop) opt).alpha(), 1 - ((Rmsprop) opt).alpha(), s1[0], ((Rmsprop) opt).eps(),
                    w, before, lr, g, Math.sqrt(s1[0]), ((Rmsprop) opt).eps(), after);
            case ADAGRAD -> f("s \u2190 s + g\u00b2 = %s + (%s)\u00b2 = %s; p \u2190 p \u2212 lr g / (\u221as + %s): %s = %s",
                    at(stateBefore, 0), g, s1[0], ((Adagrad) opt).eps(), w, after);
            case ADAM -> adam((Adam) opt, w, g, before, after, s1);
        };
    }

    private static String adam(Adam a, String w, double g, double before, double after, double[] s1) {
        int t = a.t();
        double m = s1[1];
        double v = s1[1 + (s1.length - 1) / 2];
        double mHat = m / (1 - Math.pow(a.beta1(), t));
        double vHat = v / (1 - Math.pow(a.beta2(), t));
        return f("m \u2190 %s m + %s g = %s; v \u2190 %s v + %s g\u00b2 = %s; t = %s: m\u0302 = m / (1 \u2212 %s^t) = %s, "
                + "v\u0302 = v / (1 \u2212 %s^t) = %s; p \u2190 p \u2212 lr m\u0302 / (\u221av\u0302 + %s): %s = %s \u2192 %s",
                a.beta1(), 1 - a.beta1(), m, a.beta2(), 1 - a.beta2(), v, t, a.beta1(), mHat, a.beta2(), vHat, a.eps(),
                w, before, after);
    }

    /** A state's first number, 0 for a fresh (empty) state. */
    private static double at(double[] state, int i) {
        return state.length > i ? state[i] : 0;
    }

    /** Formats with every number at 4 significant digits. */
    private static String f(String format, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof Double d ? String.format(Locale.ROOT, "%.4g", d)
                    : args[i] instanceof Integer n ? n.toString() : args[i];
        }
        return String.format(Locale.ROOT, format.replace("%s", "%s"), shown);
    }
}
