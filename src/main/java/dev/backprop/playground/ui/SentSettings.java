package dev.backprop.playground.ui;

import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.train.Command;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Settings the control bar sent that the engine has not confirmed yet. A snapshot published before
 * the engine applied a command still carries the old config; until a config shows the sent value
 * (or {@link #GRACE_NANOS} passes: the engine may have refused it), the control keeps what the user
 * chose instead of jumping back. After that the session's config wins.
 */
final class SentSettings {
    static final long GRACE_NANOS = 1_500_000_000L;

    private record Sent(Command command, long at) {
    }

    private final Map<Class<?>, Sent> sent = new HashMap<>();
    private final LongSupplier clock;

    SentSettings(LongSupplier clock) {
        this.clock = clock;
    }

    void record(Command setting) {
        sent.put(setting.getClass(), new Sent(setting, clock.getAsLong()));
    }

    boolean isEmpty() {
        return sent.isEmpty();
    }

    /**
     * True while a sent command of {@code kind} is neither shown by {@code config} nor older than the
     * grace period; once it is, it is forgotten and the control may follow the config again.
     */
    boolean awaiting(Class<? extends Command> kind, TrainingConfig config) {
        Sent s = sent.get(kind);
        if (s == null) {
            return false;
        }
        if (shows(config, s.command()) || clock.getAsLong() - s.at() > GRACE_NANOS) {
            sent.remove(kind);
            return false;
        }
        return true;
    }

    /** Whether {@code config} already holds what {@code c} asked for. */
    static boolean shows(TrainingConfig config, Command c) {
        if (c instanceof Command.SetLearningRate s) {
            return config.learningRate() == s.learningRate();
        } else if (c instanceof Command.SetNetwork s) {
            // line and quadratic take x alone; off the plane the session gives the network the data's inputs:
            // that is the spec shown
            var fitted = config.fittingInputs(s.spec());
            return config.network().equals(fitted) || config.network().equals(
                    dev.backprop.playground.engine.nn.ProblemRules.networkFor(fitted, config.network().features().inputs()));
        } else if (c instanceof Command.SetOptimizer s) {
            return config.optimizer() == s.kind();
        } else if (c instanceof Command.SetOptimizerSettings s) {
            return config.optimizerSettings().equals(s.settings());
        } else if (c instanceof Command.SetEpochs s) {
            return config.epochs().equals(s.epochs());
        } else if (c instanceof Command.SetBatchSize s) {
            return config.batchSize() == s.batchSize();
        } else if (c instanceof Command.SetData s) {
            return config.dataset() == s.dataset() && config.samples() == s.samples() && config.noise() == s.noise()
                    && config.seed() == s.seed();
        } else if (c instanceof Command.ChooseData s) {
            return config.dataset() == s.choice().kind();
        } else if (c instanceof Command.SetClasses s) {
            return config.classes() == s.classes();
        } else if (c instanceof Command.SetRegularization s) {
            return config.regularization() == s.kind() && config.regularizationRate() == s.rate();
        }
        return true;
    }
}
