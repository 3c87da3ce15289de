package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.data.ImageSets;
import dev.backprop.playground.engine.nn.Epochs;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.OptimizerSettings;
import dev.backprop.playground.engine.nn.ProblemRules;
import dev.backprop.playground.engine.nn.Regularization;
import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The settings slice of the engine thread: the config in force and its version, and the
 * commands that change it (learning rate, network, optimizer, batch, epochs, regularization, data,
 * classes, and Reset's fresh weights). A setting that keeps the weights is marked on
 * the timeline; one that needs new points goes through the session's one {@link SessionEngine#replace}.
 */
final class SettingsSlice {
    private final SessionEngine session;
    private TrainingConfig config;
    private long version;

    SettingsSlice(SessionEngine session, TrainingConfig config) {
        this.session = session;
        this.config = config;
    }

    TrainingConfig config() {
        return config;
    }

    /** Grows by one whenever the config changes: the controls follow it when it differs from what they showed. */
    long version() {
        return version;
    }

    /** {@code next} is in force, a change the controls must follow. */
    void set(TrainingConfig next) {
        use(next);
        version++;
    }

    /** {@code next} is in force; the caller counts the version (a replace bumps it once it succeeded). */
    void use(TrainingConfig next) {
        config = next;
        session.publisher().graphs().classNames(classNames(next));
    }

    /** The config changed behind the controls (a recovery to the defaults). */
    void bumpVersion() {
        version++;
    }

    /** Fashion-MNIST's garment names; other data's classes are shown by index. */
    private static List<String> classNames(TrainingConfig c) {
        return c.dataset() == DatasetKind.FASHION ? ImageSets.FASHION_CLASSES : null;
    }

    // ---- run ----------------------------------------------------------------------------------

    void reset() {
        session.restart();
        session.say("reset: new weights from seed " + config.seed());
    }

    // ---- settings that keep the weights ---------------------------------------------------------

    void setLearningRate(double learningRate) {
        set(config.withLearningRate(learningRate));
        trainer().setLearningRate(learningRate);
        session.say(String.format(Locale.ROOT, "learning rate %.3g (weights kept)", learningRate));
        changed("lr", String.format(Locale.ROOT, "lr %.3g", learningRate));
    }

    void setRegularization(Regularization kind, double rate) {
        TrainingConfig next = config.withRegularization(kind, rate);
        trainer().setRegularization(kind, rate);
        set(next);
        session.say(kind == Regularization.NONE ? "no regularization (weights kept)"
                : String.format(Locale.ROOT, "%s regularization, rate %.3g (weights kept)", kind.id(), rate));
    }

    void setOptimizer(OptimizerKind kind) {
        if (kind != config.optimizer()) {
            TrainingConfig next = config.withOptimizer(kind);
            trainer().rebuildOptimizer(kind);
            set(next);
            session.say("optimizer " + kind.id() + " (weights kept, fresh optimizer state)");
            changed("optimizer", kind.id());
        }
    }

    void setOptimizerSettings(OptimizerSettings settings) {
        if (!settings.equals(config.optimizerSettings())) {
            TrainingConfig next = config.withOptimizerSettings(settings);
            trainer().setOptimizerSettings(settings);
            set(next);
            String what = settings.describe(config.optimizer());
            session.say((what.isEmpty() ? "optimizer settings" : what) + " (weights kept, fresh optimizer state)");
            changed("optimizer", what.isEmpty() ? config.optimizer().id() : what);
        }
    }

    void setEpochs(Epochs epochs) {
        TrainingConfig next = config.withEpochs(epochs);
        trainer().setEpochs(epochs);
        set(next);
        String what = !epochs.byEpoch() ? "by steps, an example drawn at random" : epochs.shuffle()
                ? "by epochs, shuffled at each" : "by epochs, in the data's order";
        session.say("training " + what);
        changed("epochs", what);
    }

    void setBatchSize(int batchSize) {
        TrainingConfig next = config.withBatchSize(batchSize);
        trainer().setBatchSize(batchSize);
        set(next);
        session.say("batch size " + trainer().batchSize());
        changed("batch", "batch " + trainer().batchSize());
    }

    // ---- settings that rebuild the network or replace the points ----------------------------------

    void setNetwork(NetworkSpec requested) {
        NetworkSpec asked = config.fittingInputs(requested); // line and quadratic: x alone, whatever the controls sent
        String mismatch = ProblemRules.headMismatch(asked, config);
        if (mismatch == null) {
            mismatch = ProblemRules.featureRefusal(asked, trainer().data().all().inputs());
        }
        if (mismatch != null) {
            throw new IllegalArgumentException(mismatch); // refused: swapping the head silently would hide the choice
        }
        // the data's inputs, and its targets for a regression
        NetworkSpec spec = ProblemRules.networkFor(asked, trainer().data().all().inputs(), trainer().data().all().targets());
        String tooBig = Command.appProblem(spec);
        if (tooBig != null) {
            throw new IllegalArgumentException(tooBig);
        }
        if (spec.equals(config.network())) {
            return;
        }
        TrainingConfig next = config.withNetwork(spec);
        trainer().rebuild(spec, config.optimizer(), new Random(config.seed() + 1 + trainer().steps()));
        set(next);
        session.networkReplaced("network rebuilt as " + spec.describe() + " " + spec.activation().id(), true);
        changed("network", spec.describe() + " " + spec.activation().id());
    }

    void setClasses(int classes) {
        String refusal = ProblemRules.classCountRefusal(config.dataset());
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        if (classes == config.classes()) {
            return;
        }
        replaceData(config.withData(config.dataset(), config.samples(), config.noise(), config.seed(), classes));
        session.say("new data: " + config.dataset().id() + " with " + classes + " classes; network "
                + config.network().describe() + ", " + config.network().head().describe());
    }

    void setData(DatasetKind dataset, int samples, double noise, long seed) {
        TrainingConfig before = config;
        replaceData(config.withData(dataset, samples, noise, seed)); // refuses what leaves no training point
        // the points the data has (iris has 150 whatever the spinner says), not the number asked for
        session.say("new data: " + dataset.id() + ", " + trainer().data().all().size() + " points, noise " + noise
                + (config.network().head().equals(before.network().head()) ? "" : "; the head is now "
                + config.network().head().describe()));
    }

    /** Generates {@code next}'s data and starts a fresh network on it; a failure leaves the old ones. */
    private void replaceData(TrainingConfig next) {
        session.replace(next, Trainer.split(next), null); // generated data replaces imported or edited points
    }

    /**
     * Marks a setting change on the timeline; the state kept at this very step (paused on a frame)
     * takes the new setting, so resuming from it goes on as the run did.
     */
    void changed(String kind, String text) {
        session.timeline().settingChanged(config, kind, text);
    }

    private Trainer trainer() {
        return session.trainer();
    }
}
