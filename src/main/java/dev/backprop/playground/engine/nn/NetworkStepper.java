package dev.backprop.playground.engine.nn;

import dev.backprop.playground.engine.Stepper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.backprop.playground.engine.NumberText;
import java.util.Set;
import java.util.HashSet;
import org.ejml.data.DMatrixRMaj;

/**
 * One training step taken node by node, for teaching: the forward pass through every matmul, +,
 * activation and the loss; the backward pass from the loss back to x in reverse topological order,
 * each gradient with its chain rule ({@code dL/dh1 = dL/dz2 · W2ᵀ}); then the update. It makes the
 * same layer calls in the same order as {@link Trainer#step()}, so the result is identical.
 * Node ids are those of {@code NetworkGraphBuilder}. Moving back only hides what was computed.
 */
public final class NetworkStepper implements Stepper<NetworkStepper.Step> {
    public enum Phase { FORWARD, BACKWARD, UPDATE }

    /** A step: which node, in which pass, and what was computed. */
    public record Step(int index, Phase phase, NodeId node, String text) {
        /** The node's text key in the graph. */
        public String nodeId() {
            return node.text();
        }
    }

    /** A planned step: its computation runs the first time the step is reached. */
    private record Planned(Phase phase, NodeId node, Runnable compute, java.util.function.Supplier<String> text) {
    }

    private final Trainer trainer;
    private final Sequential net;
    private final List<Planned> plan = new ArrayList<>();
    private final List<Step> computed = new ArrayList<>();
    private int shown;
    private double loss = Double.NaN;
    /** The gradients from before this step, added to its own (zero_grad off); null when zeroed. */
    private java.util.Map<Parameter, DMatrixRMaj> carried;
    /** The gradients this step's update applied, once it ran (the next step carries them when zero_grad is off). */
    private java.util.Map<Parameter, DMatrixRMaj> applied;

    /** Takes the trainer's next batch; nothing is computed until {@link #next()}. */
    public NetworkStepper(Trainer trainer) {
        this(trainer, trainer::beginStep);
    }

    /** A step on one given example (batch 1), e.g. a point the user traces: its update is a real step. */
    public static NetworkStepper onExample(Trainer trainer, double x1, double x2, double label) {
        return new NetworkStepper(trainer, () -> trainer.beginStepOn(x1, x2, label));
    }

    /** A step on row {@code row} of the trainer's data (batch 1): a traced picture or table row. */
    public static NetworkStepper onRow(Trainer trainer, int row) {
        return new NetworkStepper(trainer, () -> trainer.beginStepOnRow(row));
    }

    private NetworkStepper(Trainer trainer, Runnable takeBatch) {
        this.trainer = trainer;
        this.net = trainer.network();
        takeBatch.run();
        planForward();
        planBackward();
        planUpdate();
    }

    /**
     * Makes this step skip zero_grad: its backward adds to the gradients the parameters hold from the
     * steps before, the update uses the sum, and the gradient lines say so. Call before the first step.
     */
    public NetworkStepper withoutZeroGrad() {
        return withoutZeroGrad(null);
    }

    /**
     * As {@link #withoutZeroGrad()}, carrying the gradients {@code previous} applied in its update when it
     * got that far: the network's gradient buffers may have been recomputed since (a graph shows the
     * gradients of the weights it shows), and the last step's own are what zero_grad would have cleared.
     */
    public NetworkStepper withoutZeroGrad(NetworkStepper previous) {
        if (!computed.isEmpty()) {
            throw new IllegalStateException("zero_grad is chosen before the step begins");
        }
        carried = new java.util.IdentityHashMap<>();
        for (Parameter p : net.parameters()) {
            DMatrixRMaj last = previous == null || previous.applied == null ? null : previous.applied.get(p);
            carried.put(p, last != null ? last.copy() : p.grad().copy());
        }
        return this;
    }

    /** Adds the carried gradients to layer k's fresh ones (nothing when zero_grad is on). */
    private void addCarried(Linear layer) {
        if (carried == null) {
            return;
        }
        for (Parameter p : List.of(layer.weight(), layer.bias())) {
            org.ejml.dense.row.CommonOps_DDRM.addEquals(p.grad(), carried.get(p));
        }
    }

    private String carriedNote() {
        return carried == null ? "" : " + the last step's (zero_grad off)";
    }

    private Linear linear(int k) {
        return (Linear) net.layers().get(2 * k - 2);
    }

    /** The activation after linear layer k: a hidden activation, or the head's output layer. */
    private CachingLayer activation(int k) {
        return (CachingLayer) net.layers().get(2 * k - 1);
    }

    private int depth() {
        return net.layers().size() / 2;
    }

    private String hName(int k) {
        return k == 0 ? "x" : k == depth() ? "\u0177" : "h" + k;
    }

    private DMatrixRMaj input(int k) {
        return k == 1 ? net.lastInputs() : activation(k - 1).lastOutput();
    }

    private void planForward() {
        FeatureSet features = net.features();
        if (!features.isRaw()) {
            plan.add(new Planned(Phase.FORWARD, NodeId.features(), () -> net.expandInputs(trainer.lastBatchFeatures()),
                    () -> "x = (" + features.symbols() + ") of the point" + summary(net.lastInputs())));
        }
        for (int k = 1; k <= depth(); k++) {
            int layer = k;
            String in = hName(k - 1);
            String mm = in + "\u00b7W" + k;
            plan.add(new Planned(Phase.FORWARD, NodeId.matmul(k), () -> linear(layer).forward(layer == 1
                            ? net.expandInputs(trainer.lastBatchFeatures()) : input(layer)),
                    () -> mm + " = " + in + " \u00b7 W" + layer + "   (" + shape(input(layer)) + " \u00b7 "
                            + shape(linear(layer).weight().value()) + ")"));
            plan.add(new Planned(Phase.FORWARD, NodeId.add(k), () -> { },
                    () -> "z" + layer + " = " + mm + " + b" + layer + summary(linear(layer).lastOutput())));
            String fn = activation(k).kind();
            plan.add(new Planned(Phase.FORWARD, NodeId.activation(k), () -> activation(layer).forward(linear(layer).lastOutput()),
                    () -> hName(layer) + " = " + fn + "(z" + layer + ")" + summary(activation(layer).lastOutput())
                            + (activation(layer) instanceof StepLayer step ? "   (1 when z" + layer + " \u2265 "
                            + NumberText.short4(step.threshold()) + ", else 0)" : "")));
        }
        plan.add(new Planned(Phase.FORWARD, NodeId.loss(),
                () -> loss = net.computeLoss(activation(depth()).lastOutput(), trainer.lastBatchLabels()),
                () -> "L = mean " + net.loss().id() + "(\u0177, y) = " + NumberText.fixed4(loss)));
    }

    private void planBackward() {
        int last = depth();
        plan.add(new Planned(Phase.BACKWARD, NodeId.loss(), () -> { }, () -> "dL/dL = 1"));
        Head head = net.head();
        if (!head.fused()) {
            plan.add(new Planned(Phase.BACKWARD, NodeId.activation(last), () -> { },
                    () -> "dL/d\u0177 = " + net.loss().id() + "'(\u0177, y) / batch" + summary(net.lossGradient())));
        }
        for (int k = last; k >= 1; k--) {
            int layer = k;
            String h = hName(k);
            String fn = activation(k).kind();
            String in = hName(k - 1);
            DMatrixRMaj[] gz = new DMatrixRMaj[1];
            plan.add(new Planned(Phase.BACKWARD, NodeId.add(k),
                    () -> gz[0] = layer == last ? net.backwardOutput() : activation(layer).backward(linear(layer + 1).lastGradInput()),
                    () -> (layer == last ? head.logitGradientText().replace("dL/dz", "dL/dz" + layer)
                            .replace("(z)", "(z" + layer + ")")
                            : "dL/dz" + layer + " = dL/d" + h + " \u2299 " + fn + "'(z" + layer + ")")
                            + elementwiseFactors(layer, layer == last ? net.lossGradient() : linear(layer + 1).lastGradInput())
                            + summary(gz[0])));
            plan.add(new Planned(Phase.BACKWARD, NodeId.bias(k), () -> {
                linear(layer).backward(gz[0]);
                addCarried(linear(layer));
            }, () -> "dL/db" + layer + " = sum over the batch of dL/dz" + layer
                    + (gz[0] != null && gz[0].numRows > 1 ? " = \u03a3 " + NumberText.factor(gz[0]) : "")
                    + carriedNote() + summary(linear(layer).bias().grad())));
            plan.add(new Planned(Phase.BACKWARD, NodeId.matmul(k), () -> { },
                    () -> "dL/d(" + in + "\u00b7W" + layer + ") = dL/dz" + layer + "   (+ passes the gradient through)"));
            plan.add(new Planned(Phase.BACKWARD, NodeId.weight(k), () -> { },
                    () -> "dL/dW" + layer + " = " + in + "\u1d40 \u00b7 dL/dz" + layer
                            + factors(input(layer), "\u1d40 \u00b7 ", gz[0]) + carriedNote()
                            + summary(linear(layer).weight().grad())));
            plan.add(new Planned(Phase.BACKWARD, layer == 1 ? NodeId.firstLayerInput(net.features().isRaw()) : NodeId.activation(layer - 1), () -> { },
                    () -> "dL/d" + in + " = dL/dz" + layer + " \u00b7 W" + layer + "\u1d40"
                            + factors(gz[0], " \u00b7 ", linear(layer).weight().value()) + "\u1d40"
                            + summary(linear(layer).lastGradInput())));
        }
    }

    private void planUpdate() {
        StringBuilder change = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        plan.add(new Planned(Phase.UPDATE, NodeId.update(), () -> {
            List<double[]> before = new ArrayList<>();
            for (Parameter p : net.parameters()) {
                before.add(p.value().data.clone());
            }
            double[] stateBefore = trainer.optimizer().saveState();
            applied = new java.util.IdentityHashMap<>();
            for (Parameter p : net.parameters()) {
                applied.put(p, p.grad().copy());
            }
            trainer.finishStep(loss);
            rule.append(UpdateRule.describe(trainer.optimizer(), net.parameters().get(0), before.get(0)[0], stateBefore,
                    net.head().kind() == Head.Kind.PERCEPTRON));
            for (int i = 0; i < before.size(); i++) {
                Parameter p = net.parameters().get(i);
                double sq = 0;
                for (int j = 0; j < before.get(i).length; j++) {
                    double d = p.value().data[j] - before.get(i)[j];
                    sq += d * d;
                }
                change.append(String.format(Locale.ROOT, "%s\u2016\u0394%s\u2016 %.3g", change.length() == 0 ? "" : ", ",
                        p.name(), Math.sqrt(sq)));
            }
        }, () -> String.format(Locale.ROOT, "update (%s, lr %.3g): %s; every parameter: %s",
                trainer.optimizer().kind().id(), trainer.optimizer().learningRate(), rule, change)));
    }

    private static String shape(DMatrixRMaj m) {
        return m.numRows + "\u00d7" + m.numCols;
    }

    /**
     * The factors of an elementwise chain rule dL/dz = dL/da ⊙ f'(z) with their values: " = -1.0000 ⊙
     * 0.2500", or their shapes and norms for a batch or a layer; empty when the head fuses the rule or a
     * factor is not computed yet.
     */
    private String elementwiseFactors(int layer, DMatrixRMaj upstream) {
        CachingLayer act = activation(layer);
        DMatrixRMaj z = linear(layer).lastOutput();
        DMatrixRMaj a = act.lastOutput();
        Activation f = activationOf(act);
        if (upstream == null || z == null || a == null || f == null || (layer == depth() && net.head().fused())) {
            return "";
        }
        DMatrixRMaj local = new DMatrixRMaj(z.numRows, z.numCols);
        for (int i = 0; i < local.data.length && i < a.data.length; i++) {
            local.data[i] = f.derivative(z.data[i], a.data[i]);
        }
        return " = " + NumberText.factor(upstream) + " \u2299 " + NumberText.factor(local);
    }

    /** " = left op right" of a product's two factors, or empty when one is not computed yet. */
    private static String factors(DMatrixRMaj left, String op, DMatrixRMaj right) {
        return left == null || right == null ? "" : " = " + NumberText.factor(left) + op + NumberText.factor(right);
    }

    /** The activation a stage computes, or null when it is none of them (softmax). */
    private static Activation activationOf(CachingLayer stage) {
        for (Activation f : Activation.values()) {
            if (f.id().equals(stage.kind())) {
                return f;
            }
        }
        return null;
    }

    /** " = 0.1234" for a scalar, " (‖·‖ 1.234)" for a tensor. */
    private static String summary(DMatrixRMaj m) {
        if (m == null) {
            return "";
        }
        if (m.getNumElements() == 1) {
            return " = " + NumberText.fixed4(m.get(0));
        }
        double s = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            s += m.data[i] * m.data[i];
        }
        return String.format(Locale.ROOT, "   (%s, \u2016\u00b7\u2016 %.4g)", shape(m), Math.sqrt(s));
    }

    /** The loss of this step's batch once the forward pass reached it, NaN before. */
    public double loss() {
        return loss;
    }

    public int total() {
        return plan.size();
    }

    /** Steps revealed so far. */
    public int position() {
        return shown;
    }

    public boolean hasNext() {
        return shown < plan.size();
    }

    /** True once the update has been applied: the trainer has taken its step. */
    public boolean isComplete() {
        return computed.size() == plan.size();
    }

    /** Reveals the next step, computing it the first time. */
    public Step next() {
        if (!hasNext()) {
            throw new IllegalStateException("the step is complete");
        }
        if (shown == computed.size()) {
            Planned p = plan.get(shown);
            p.compute().run();
            computed.add(new Step(shown, p.phase(), p.node(), p.text().get()));
        }
        return computed.get(shown++);
    }

    /** Hides the last revealed step (what was computed stays computed). */
    public void back() {
        if (shown > 0) {
            shown--;
        }
    }

    /** Runs to the end of the current pass (forward or backward), or through the update. */
    public List<Step> finishPass() {
        List<Step> out = new ArrayList<>();
        Phase phase = hasNext() ? plan.get(shown).phase() : null;
        while (hasNext() && plan.get(shown).phase() == phase) {
            out.add(next());
        }
        return out;
    }

    /** Runs every remaining step, update included. */
    public void complete() {
        while (hasNext()) {
            next();
        }
    }

    /** The revealed steps, in order. */
    public List<Step> revealed() {
        return List.copyOf(computed.subList(0, shown));
    }

    /** The step shown last, or null before the first. */
    public Step current() {
        return shown == 0 ? null : computed.get(shown - 1);
    }

    /** Ids of computed nodes whose forward value is not revealed yet (leaves are always known). */
    public Set<NodeId> pendingData() {
        Set<NodeId> pending = new HashSet<>();
        for (int i = shown; i < plan.size(); i++) {
            if (plan.get(i).phase() == Phase.FORWARD) {
                pending.add(plan.get(i).node());
            }
        }
        return pending;
    }

    /** Ids of nodes whose gradient is revealed. */
    public Set<NodeId> knownGrads() {
        Set<NodeId> known = new HashSet<>();
        for (int i = 0; i < shown; i++) {
            if (computed.get(i).phase() == Phase.BACKWARD) {
                known.add(computed.get(i).node());
            }
        }
        return known;
    }
}
