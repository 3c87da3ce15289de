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
        // the weight before and after at the digits that show the change (4 would read 1.562 = 1.562)
        Weight b = new Weight(before, after);
        Weight a = new Weight(after, before);
        return switch (opt.kind()) {
            case SGD -> perceptron
                    ? f("w \u2190 w + lr (y \u2212 \u0177) x: %s = %s + %s\u00b7(%s) = %s", w, b, lr, -g, a)
                    : f("p \u2190 p \u2212 lr g: %s = %s \u2212 %s\u00b7(%s) = %s", w, b, lr, g, a);
            case MOMENTUM -> f("v \u2190 %s v + g = %s\u00b7(%s) + (%s) = %s; p \u2190 p \u2212 lr v: %s = %s \u2212 %s\u00b7(%s) = %s",
                    ((Momentum) opt).mu(), ((Momentum) opt).mu(), at(stateBefore, 0), g, s1[0], w, b, lr, s1[0], a);
            case RMSPROP -> f("s \u2190 %s s + %s g\u00b2 = %s\u00b7(%s) + %s\u00b7(%s)\u00b2 = %s; p \u2190 p \u2212 lr g / "
                    + "(\u221as + %s): %s = %s \u2212 %s\u00b7(%s) / (%s + %s) = %s", ((Rmsprop) opt).alpha(),
                    1 - ((Rmsprop) opt).alpha(), ((Rmsprop) opt).alpha(), at(stateBefore, 0), 1 - ((Rmsprop) opt).alpha(), g,
                    s1[0], ((Rmsprop) opt).eps(), w, b, lr, g, Math.sqrt(s1[0]), ((Rmsprop) opt).eps(), a);
            case ADAGRAD -> f("s \u2190 s + g\u00b2 = %s + (%s)\u00b2 = %s; p \u2190 p \u2212 lr g / (\u221as + %s): "
                    + "%s = %s \u2212 %s\u00b7(%s) / (%s + %s) = %s", at(stateBefore, 0), g, s1[0], ((Adagrad) opt).eps(),
                    w, b, lr, g, Math.sqrt(s1[0]), ((Adagrad) opt).eps(), a);
            case ADAM -> adam((Adam) opt, w, g, b, a, lr, s1);
        };
    }

    private static String adam(Adam opt, String w, double g, Weight before, Weight after, double lr, double[] s1) {
        int t = opt.t();
        double m = s1[1];
        double v = s1[1 + (s1.length - 1) / 2];
        double mHat = m / (1 - Math.pow(opt.beta1(), t));
        double vHat = v / (1 - Math.pow(opt.beta2(), t));
        return f("m \u2190 %s m + %s g = %s; v \u2190 %s v + %s g\u00b2 = %s; t = %s: m\u0302 = m / (1 \u2212 %s^t) = %s, "
                + "v\u0302 = v / (1 \u2212 %s^t) = %s; p \u2190 p \u2212 lr m\u0302 / (\u221av\u0302 + %s): "
                + "%s = %s \u2212 %s\u00b7(%s) / (%s + %s) = %s",
                opt.beta1(), 1 - opt.beta1(), m, opt.beta2(), 1 - opt.beta2(), v, t, opt.beta1(), mHat, opt.beta2(), vHat,
                opt.eps(), w, before, lr, mHat, Math.sqrt(vHat), opt.eps(), after);
    }

    /** A weight shown with as many significant digits (4 to 12) as it takes to show its change from {@code other}. */
    record Weight(double value, double other) {
        @Override
        public String toString() {
            double change = Math.abs(value - other);
            int digits = 4;
            if (change > 0 && Double.isFinite(change) && Double.isFinite(value) && value != 0) {
                // the change itself to about three digits
                digits = (int) Math.max(4, Math.min(12, Math.ceil(Math.log10(Math.abs(value) / change)) + 3));
            }
            return String.format(Locale.ROOT, "%." + digits + "g", value);
        }
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
