package dev.backprop.playground.lab;

import dev.backprop.playground.engine.Failures;
import dev.backprop.playground.engine.value.BackwardRule;
import dev.backprop.playground.engine.value.BackwardStepper;
import dev.backprop.playground.engine.value.ForwardStepper;
import dev.backprop.playground.engine.value.GradientCheck;
import dev.backprop.playground.engine.value.MlpSetup;
import dev.backprop.playground.engine.value.MlpTraining;
import dev.backprop.playground.engine.value.Nudge;
import dev.backprop.playground.engine.value.Numbers;
import dev.backprop.playground.engine.value.Value;
import dev.backprop.playground.expr.Evaluator;
import dev.backprop.playground.expr.ExprException;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.ValueGraphBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The expression lab's model: the Value graph, its steppers, the switches and the micrograd MLP
 * live on one worker thread; the view sends commands (each a method here, numbered) and draws the
 * {@link LabSnapshot} published after each one. Nothing here touches JavaFX, and no command's
 * failure stops the worker: it is reported in the snapshot.
 */
public final class LabModel {
    /** Most epochs one Train command runs (seed 001 runs 20; 2,000 of 3-4-4-1 on four examples took 1.2 to 2.6 s on the shared 2-core machine). */
    public static final int MAX_EPOCHS = 2000;
    /** Log lines kept: the oldest go first (a long training would grow the log without end). */
    static final int MAX_LOG = 5000;
    /** Epochs between progress snapshots while training. */
    private static final int PROGRESS_EVERY = 50;

    private final Consumer<LabSnapshot> publish;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "expression-lab");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong sent = new AtomicLong();
    private volatile long applied;

    // ---- worker-thread state ----------------------------------------------------------------
    private Value root;
    private Set<Value> parameters = Set.of();
    private BackwardStepper backward;
    private ForwardStepper forward;
    private final Set<Value> gradKnown = identitySet();
    /** Values the forward stepper has recomputed; null when every value is known. */
    private Set<Value> dataKnown;
    private Value highlight;
    private final List<String> log = new ArrayList<>();
    private String stepText = "";
    private boolean wrong;
    private LabSnapshot.ScriptError error;
    private BackwardRule rule = BackwardRule.ACCUMULATE;
    private boolean zeroFirst = true;
    private double eta = 0.01;
    private final Deque<Nudge> nudges = new ArrayDeque<>();
    private MlpTraining training;
    private boolean mlpShown;
    private GraphModel graph;

    /** @param publish receives each snapshot on the worker thread; it must only hand it over */
    public LabModel(Consumer<LabSnapshot> publish) {
        this.publish = publish;
    }

    /** True when every command sent has been applied and published. */
    public boolean idle() {
        return applied == sent.get();
    }

    // ---- commands ---------------------------------------------------------------------------

    /** Parses and runs {@code script}; the graph becomes its output's. */
    public void evaluate(String script) {
        submit(() -> {
            try {
                Value out = Evaluator.run(script, null).output();
                error = null;
                show(out, Set.of(), false);
                log.add("forward pass done: " + out.label() + " = " + Numbers.compact(out.data()));
                say("Backward step (\u2192) computes one gradient at a time, from " + out.label() + " back to the leaves.");
            } catch (ExprException e) {
                error = new LabSnapshot.ScriptError(e.describe(), e.line(), e.column(), script);
            }
        });
    }

    /** One step of the backward pass (Right). */
    public void stepBackward() {
        submit(() -> advanceBackward(true));
    }

    /** Runs the rest of the backward pass (Enter). */
    public void finish() {
        submit(() -> {
            while (advanceBackward(false)) {
                // each step records its line
            }
        });
    }

    /** Undoes the last backward step (Left). */
    public void stepBack() {
        submit(() -> {
            if (backward == null || backward.position() == 0) {
                return;
            }
            List<Value> order = backward.visitingOrder();
            Value undone = order.get(backward.position() - 1);
            backward.back();
            if (zeroFirst) {
                gradKnown.remove(undone); // back to "not computed yet"; without zeroing the old grad is back
            }
            highlight = backward.position() == 0 ? null : order.get(backward.position() - 1);
            if (!log.isEmpty()) {
                log.remove(log.size() - 1);
            }
            say("undid " + backward.names().of(undone) + "'s gradient");
        });
    }

    /** One node of the forward pass, in topological order. */
    public void stepForward() {
        submit(() -> {
            if (root == null) {
                return;
            }
            if (forward == null || !forward.hasNext()) {
                forward = new ForwardStepper(root);
                backward = null;
                gradKnown.clear();
                dataKnown = identitySet();
                log.clear();
            }
            ForwardStepper.Step s = forward.next();
            dataKnown.add(s.node());
            highlight = s.node();
            record(String.format(Locale.ROOT, "forward %d/%d  %s", s.index() + 1, forward.total(), s.formula()));
            if (!forward.hasNext()) {
                dataKnown = null;
            }
        });
    }

    /**
     * A whole backward pass at once (the Backward button): zeroing first when the switch says so,
     * otherwise adding to the gradients there, which after two presses are twice one pass's.
     */
    public void backwardPass() {
        submit(() -> {
            if (root == null) {
                return;
            }
            completeForward();
            backward = newPass();
            log.add(zeroFirst ? "backward (gradients zeroed first)"
                    : "backward without zero_grad: each gradient adds this pass's share");
            while (advanceBackward(false)) {
                // each step records its line
            }
            highlight = null;
            say(zeroFirst ? "backward done: every gradient computed afresh"
                    : "backward done: the gradients now hold the sum of every pass since the last zero_grad");
        });
    }

    /** Sets every gradient of the graph to 0 (zero_grad); the next backward step starts a pass. */
    public void zeroGrad() {
        submit(() -> {
            if (root == null) {
                return;
            }
            root.zeroGrad();
            gradKnown.addAll(root.topologicalOrder());
            backward = null;
            highlight = null;
            record("zero_grad: every gradient is 0");
        });
    }

    /** Whether a backward pass zeroes the gradients first (on by default). */
    public void setZeroFirst(boolean on) {
        submit(() -> {
            zeroFirst = on;
            say(on ? "backward zeroes the gradients first" : "backward adds to the gradients there (no zero_grad)");
        });
    }

    /** The backward rule: += (right) or = (seed 001's bug). The next pass uses it. */
    public void setRule(BackwardRule newRule) {
        submit(() -> {
            rule = newRule;
            backward = null;
            say(newRule == BackwardRule.ACCUMULATE ? "backward uses += : every use of a value adds its share"
                    : "backward uses = : a value used twice keeps only one share (seed 001's bug)");
        });
    }

    /** Compares each leaf's gradient (by the current rule) with its finite difference. */
    public void gradientCheck() {
        submit(() -> {
            if (root == null) {
                return;
            }
            completeForward();
            List<GradientCheck.LeafCheck> checks = GradientCheck.run(root, 1e-6, rule);
            backward = new BackwardStepper(root, rule, true);
            backward.finish();
            gradKnown.addAll(root.topologicalOrder());
            highlight = null;
            log.add("gradient check (" + rule.symbol() + "), h = 1e-6: leaf  autograd  numeric  relative error");
            List<String> bad = new ArrayList<>();
            for (GradientCheck.LeafCheck c : checks) {
                boolean ok = c.relativeError() < 1e-5;
                String name = backward.names().of(c.leaf());
                log.add(String.format(Locale.ROOT, "  %s %s  %s  %s  %.1e", ok ? "\u2713" : "\u2717 WRONG", name,
                        Numbers.compact(c.autograd()), Numbers.compact(c.numeric()), c.relativeError()));
                if (!ok) {
                    bad.add(name + " (autograd " + Numbers.compact(c.autograd()) + ", numeric " + Numbers.compact(c.numeric()) + ")");
                }
            }
            if (bad.isEmpty()) {
                say("every leaf's gradient matches its finite difference");
            } else {
                stepText = "gradient check failed: " + String.join(", ", bad)
                        + (rule == BackwardRule.OVERWRITE ? ": the = rule lost a share of a value used twice" : "");
                wrong = true;
            }
        });
    }

    /** Moves the leaves (the MLP's parameters when it is shown) by -eta * grad and recomputes. */
    public void nudge(double newEta) {
        submit(() -> {
            if (root == null) {
                return;
            }
            eta = newEta;
            completeForward();
            if (gradKnown.isEmpty()) {
                say("no gradients yet: run backward first, the step moves each leaf by -eta * grad");
                return;
            }
            List<Value> leaves = mlpShown ? new ArrayList<>(parameters) : Nudge.namedLeaves(root);
            Nudge n = Nudge.apply(root, leaves, newEta);
            nudges.push(n);
            backward = null;
            highlight = null;
            record("step: " + n.describe(root.label()) + "; the gradients shown are from before the step");
        });
    }

    /** Undoes the last nudge. */
    public void undoNudge() {
        submit(() -> {
            if (nudges.isEmpty()) {
                return;
            }
            Nudge n = nudges.pop();
            n.undo();
            backward = null;
            record("undid the step: " + root.label() + " = " + Numbers.compact(root.data()) + " again");
        });
    }

    /**
     * Trains seed 001's MLP for {@code epochs} more epochs (a new one when the setup changed), each
     * forward, zero_grad unless switched off, backward, update; then shows the current loss graph.
     */
    public void train(MlpSetup setup, int epochs) {
        submit(() -> {
            if (epochs < 1 || epochs > MAX_EPOCHS) {
                throw new IllegalArgumentException("1 to " + MAX_EPOCHS + " epochs, not " + epochs);
            }
            if (training == null || !training.setup().equals(setup)) {
                training = new MlpTraining(setup);
                log.clear();
                log.add("new MLP " + setup);
            }
            for (int e = 0; e < epochs; e++) {
                MlpTraining.Epoch done = training.epoch(zeroFirst);
                log.add(String.format(Locale.ROOT, "epoch %d: loss %s, |grad| %s%s", done.number(),
                        Numbers.compact(done.loss()), Numbers.compact(done.gradNorm()), zeroFirst ? "" : " (no zero_grad)"));
                if ((e + 1) % PROGRESS_EVERY == 0 && e + 1 < epochs) {
                    stepText = "training: epoch " + done.number();
                    publish(applied);
                }
            }
            showMlp();
        });
    }

    /** Starts the MLP again from its initial weights. */
    public void resetMlp(MlpSetup setup) {
        submit(() -> {
            training = new MlpTraining(setup);
            log.clear();
            log.add("new MLP " + setup);
            showMlp();
        });
    }

    /** Stops the worker (the lab is closed). */
    public void shutdown() {
        worker.shutdownNow();
    }

    // ---- worker-thread helpers --------------------------------------------------------------

    private void submit(Runnable command) {
        long seq = sent.incrementAndGet();
        worker.execute(() -> {
            try {
                wrong = false;
                command.run();
            } catch (RuntimeException e) {
                stepText = "could not do that: " + Failures.describe(e);
                wrong = true;
            } finally {
                if (log.size() > MAX_LOG) {
                    log.subList(0, log.size() - MAX_LOG).clear();
                }
                publish(seq);
                applied = seq; // after the snapshot is out, so idle() means "drawn state is final"
            }
        });
    }

    private void showMlp() {
        Value loss = training.loss();
        show(loss, Collections.newSetFromMap(new IdentityHashMap<>()), true);
        parameters.addAll(training.mlp().parameters());
        gradKnown.addAll(parameters); // their gradients are real: the last epoch's (or the sum, without zero_grad)
        List<MlpTraining.Epoch> h = training.history();
        say(h.isEmpty() ? "MLP " + training.setup().shape() + ": loss " + Numbers.compact(loss.data()) + " before training"
                : "epoch " + h.size() + ": loss now " + Numbers.compact(loss.data())
                + (zeroFirst ? "" : " (no zero_grad: the gradients add up epoch after epoch)"));
    }

    private void show(Value newRoot, Set<Value> params, boolean mlp) {
        root = newRoot;
        parameters = params;
        mlpShown = mlp;
        backward = null;
        forward = null;
        dataKnown = null;
        gradKnown.clear();
        highlight = null;
        nudges.clear();
        if (!mlp) {
            log.clear();
        }
    }

    /** A new backward pass by the current rule and zeroing; zeroing hides the old gradients. */
    private BackwardStepper newPass() {
        if (zeroFirst) {
            gradKnown.clear();
        }
        return new BackwardStepper(root, rule, zeroFirst);
    }

    /** A forward pass in progress finishes first: gradients need every value. */
    private void completeForward() {
        if (forward != null) {
            forward.finish();
            forward = null;
            dataKnown = null;
        }
    }

    /**
     * One step of the current pass; {@code mayStartAnother}: a complete pass is followed by a new one
     * when gradients are not zeroed (Right), never by Finish's loop.
     */
    private boolean advanceBackward(boolean mayStartAnother) {
        if (root == null) {
            return false;
        }
        if (mayStartAnother && backward != null && !backward.hasNext() && !zeroFirst) {
            // without zero_grad another pass has something to show: every gradient grows by its share
            backward = null;
            log.add("another backward pass without zero_grad: each gradient adds this pass's share");
        }
        if (backward == null) {
            completeForward();
            backward = newPass();
        }
        if (!backward.hasNext()) {
            return false;
        }
        completeForward();
        BackwardStepper.Step s = backward.next();
        gradKnown.add(s.node());
        highlight = s.node();
        record(String.format(Locale.ROOT, "%d/%d  %s", s.index() + 1, backward.total(), s.chainRule()));
        return true;
    }

    private void record(String line) {
        log.add(line);
        stepText = line;
    }

    private void say(String text) {
        stepText = text;
    }

    private void publish(long seq) {
        if (root != null) {
            graph = ValueGraphBuilder.build(root, parameters, dataKnown, gradKnown, highlight);
        }
        List<MlpTraining.Epoch> epochs = training == null ? List.of() : training.history();
        publish.accept(new LabSnapshot(graph, log, stepText, wrong, error, rule, zeroFirst, eta, epochs, mlpShown,
                !nudges.isEmpty(), seq));
    }

    private static Set<Value> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
