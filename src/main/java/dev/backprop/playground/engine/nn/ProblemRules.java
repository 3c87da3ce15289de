package dev.backprop.playground.engine.nn;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.data.Inputs;
import java.util.Arrays;
import java.util.List;

/**
 * The rules of what fits what, in one place: how many classes a dataset gets, which losses (heads) fit a
 * class count, which loss a dataset gets by default, and why a head does not fit the data. The session
 * applies them and the controls read them, so a control never offers what the session would refuse.
 */
public final class ProblemRules {
    private ProblemRules() {
    }

    /** The classes {@code kind}'s data gets: spiral and blobs keep the count in use (2 or more), others their own (0: regression). */
    public static int classesFor(DatasetKind kind, int classesBefore) {
        return kind.takesClassCount() && classesBefore >= 2 ? classesBefore : kind.defaultClasses();
    }

    /** Whether a head with loss {@code loss} can learn data of {@code classes} classes (0: a regression target). */
    public static boolean fits(Loss loss, int classes) {
        if (loss == null) {
            return false;
        }
        try {
            Head.of(loss, classes);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The losses that fit {@code classes}, in the order of {@link Loss}. */
    public static List<Loss> lossesFor(int classes) {
        return Arrays.stream(Loss.values()).filter(l -> fits(l, classes)).toList();
    }

    /** {@code chosen} if it fits {@code classes}, else the data's default ({@link Head#defaultLoss}). */
    public static Loss lossFor(Loss chosen, int classes) {
        return fits(chosen, classes) ? chosen : Head.defaultLoss(classes);
    }

    /** The head a dataset with {@code classes} classes gets by default. */
    public static Head defaultHead(int classes) {
        return Head.of(Head.defaultLoss(classes), classes);
    }

    /** A head with {@code chosen}'s loss on {@code classes} classes if that fits, else the data's default. */
    public static Head headFor(Loss chosen, int classes) {
        return Head.of(lossFor(chosen, classes), classes);
    }

    /**
     * The head a network keeps on new data of {@code classes} classes: its own when it has as many (a
     * perceptron keeps its threshold), else the data's default (a softmax for iris, an identity for plane).
     */
    public static Head headOnNewData(Head head, int classes) {
        return head.classes() == classes ? head : defaultHead(classes);
    }

    /** The dataset a choice of problem type switches to when the data in use is of the other type. */
    public static DatasetKind datasetFor(boolean regression) {
        return regression ? DatasetKind.PLANE : DatasetKind.MOONS;
    }

    /** Why {@code spec}'s head cannot learn {@code c}'s data (a loss that does not fit), or null. */
    public static String headMismatch(NetworkSpec spec, TrainingConfig c) {
        int classes = spec.head().classes();
        if (classes == c.classes()) {
            return null;
        }
        String data = c.dataset().id() + (c.classes() == 0 ? " (a regression target: use mse)"
                : " with " + c.classes() + " classes (use " + (c.classes() == 2 ? "bce, mse or ce)" : "ce)"));
        return "the " + spec.head().describe() + " head (" + (classes == 0 ? "a regression output" : classes + " classes")
                + ") does not fit " + data + "; nothing changed";
    }

    /** Why {@code kind} takes no class count, or null when it does (spiral, blobs). */
    public static String classCountRefusal(DatasetKind kind) {
        return kind.takesClassCount() ? null : kind.id() + " has " + kind.defaultClasses()
                + (kind.isRegression() ? " classes (a regression target)" : " classes")
                + ": only spiral and blobs take a class count";
    }

    /**
     * The network {@code spec} becomes on new data of {@code data}'s inputs: the first layer takes the
     * data's inputs; input features are a stage of the plane's two inputs, so off the plane they give
     * way to the raw inputs (new data is never refused for the features chosen before it).
     */
    public static NetworkSpec networkFor(NetworkSpec spec, Inputs data) {
        if (data.isPlanar() && spec.features().isPlanar()) {
            return spec; // the plane's features stay
        }
        FeatureSet raw = FeatureSet.raw(data);
        return spec.features().equals(raw) ? spec : spec.withFeatures(raw);
    }

    /**
     * As {@link #networkFor(NetworkSpec, Inputs)}, a regression head also taking the data's {@code targets}
     * real targets (iris's petal length and width: 2), whatever count the controls' spec had.
     */
    public static NetworkSpec networkFor(NetworkSpec spec, Inputs data, int targets) {
        NetworkSpec fitted = networkFor(spec, data);
        boolean regression = fitted.head().classes() == 0 && fitted.head().kind() == Head.Kind.REGRESSION;
        return regression && targets >= 1 && fitted.head().targets() != targets
                ? fitted.withHead(Head.of(Loss.MSE, 0, targets)) : fitted;
    }

    /**
     * Why {@code spec} cannot be trained on data of {@code data}'s inputs, or null: features off the
     * plane (the features are functions of x1, x2).
     */
    public static String featureRefusal(NetworkSpec spec, Inputs data) {
        if (data.isPlanar() || spec.features().isRaw()) {
            return null;
        }
        return "the input features " + spec.features().ids() + " are functions of the plane's two inputs x1, x2; "
                + "the data has " + data.describe() + ", so the network takes them as they are";
    }
}
