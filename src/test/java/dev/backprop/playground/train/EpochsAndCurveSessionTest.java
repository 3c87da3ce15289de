package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.Epochs;
import dev.backprop.playground.engine.nn.FeatureSet;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.Loss;
import dev.backprop.playground.engine.nn.NetworkCurve;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The app's engine by epochs: the perceptron's errors per epoch; and a one-input dataset's curve. */
class EpochsAndCurveSessionTest {
    @Test
    void thePerceptronsErrorsPerEpochArePublishedAndFallToZeroOnBlobs() throws Exception {
        TrainingConfig blobs = TrainingConfig.defaults().withData(DatasetKind.BLOBS, 200, 0.1, 0);
        try (TrainingSession s = new TrainingSession(blobs)) {
            s.send(new Command.SetNetwork(new NetworkSpec(FeatureSet.RAW, new int[0], Activation.RELU,
                    Head.of(Loss.PERCEPTRON, 2), Initializer.ZEROS)));
            s.send(new Command.SetEpochs(new Epochs(Epochs.MAX_EPOCHS, false)));
            Sessions.await(s, "by epochs", x -> x.config().epochs().byEpoch());
            s.send(new Command.Step(160 * 20)); // 160 training points, batch 1: 20 epochs
            Snapshot done = Sessions.await(s, "20 epochs", x -> x.step() == 3200 && !x.running());
            assertEquals(20, done.epochErrors().size());
            assertEquals(160, done.epochErrors().endStep(0));
            assertEquals(3200, done.epochErrors().endStep(19));
            assertTrue(done.epochErrors().errors(0) > 0, "the first epoch makes updates");
            assertEquals(0, done.epochErrors().errors(19), "separable blobs: none in the last");
            long sum = 0;
            for (int i = 0; i < 20; i++) {
                sum += done.epochErrors().errors(i);
            }
            assertTrue(sum >= done.epochErrors().errors(0));
        }
    }

    @Test
    void anExperimentOnTheLineSavesAndOpensAgain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("line.bpg.json");
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults())) {
            s.send(new Command.SetData(DatasetKind.QUADRATIC, 40, 0, 0));
            Sessions.await(s, "quadratic", x -> x.config().dataset() == DatasetKind.QUADRATIC);
            s.send(new Command.SetLearningRate(0.001)); // targets up to 40: at 0.01 a step can throw the ReLUs off
            s.send(new Command.Step(300));
            Snapshot trained = Sessions.await(s, "300 steps", x -> x.step() == 300 && !x.running());
            assertFalse(trained.diverged(), trained.divergence());
            s.send(new Command.SaveExperiment(file, java.util.Map.of()));
            Sessions.await(s, "saved", x -> java.nio.file.Files.exists(file));
        }
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults())) {
            s.send(new Command.OpenExperiment(file));
            Snapshot opened = Sessions.await(s, "opened", x -> x.config().dataset() == DatasetKind.QUADRATIC
                    || x.problem() != null);
            assertEquals(null, opened.problem(), "the quadratic's experiment opens");
            assertEquals(300, opened.step());
            assertEquals(26, opened.data().train().size());
            assertEquals(1, opened.config().network().inputSize());
        }
    }

    @Test
    void aOneInputDatasetGetsACurveThatFollowsItsPoints() throws Exception {
        try (TrainingSession s = new TrainingSession(TrainingConfig.defaults())) {
            s.send(new Command.SetData(DatasetKind.LINE, 100, 0.1, 0));
            Snapshot line = Sessions.await(s, "the line", x -> x.config().dataset() == DatasetKind.LINE
                    && !x.curve().isEmpty());
            assertEquals(1, line.data().all().width());
            assertEquals(Head.Kind.REGRESSION, line.config().network().head().kind());
            assertEquals(1, line.config().network().inputSize());
            assertEquals(null, line.grid(), "no plane to colour");
            s.send(new Command.SetLearningRate(0.1));
            s.send(new Command.SetBatchSize(80));
            s.send(new Command.Step(1500));
            Snapshot trained = Sessions.await(s, "trained", x -> x.step() == 1500 && !x.running()
                    && x.curve().step() == 1500);
            assertFalse(trained.diverged(), trained.divergence());
            NetworkCurve c = trained.curve();
            assertEquals(NetworkCurve.POINTS, c.size());
            // the curve at x = 0.5 is near the line's 1 + 2 * 0.5 = 2 (seed 003's fit: 1.0235 + 1.969 * 0.5)
            int mid = 0;
            for (int i = 0; i < c.size(); i++) {
                if (Math.abs(c.x(i) - 0.5) < Math.abs(c.x(mid) - 0.5)) {
                    mid = i;
                }
            }
            assertEquals(2.0, c.y(mid), 0.1);
            for (int i = 0; i < 30; i++) { // a whole step-through on the one input, and into the next
                s.send(new Command.NodeForward());
            }
            Snapshot stepped = Sessions.await(s, "stepped", x -> x.step() == 1501 && x.stepping() != null);
            assertEquals(null, stepped.problem(), "stepping through one input works");
            s.send(new Command.TracePoint(0.5, 0, 2, -1));
            Snapshot traced = Sessions.await(s, "a trace answered", x -> x.problem() != null || x.trace() != null);
            assertEquals(null, traced.problem() == null ? null : traced.problem().kind() == Snapshot.Problem.Kind.FAILED
                    ? traced.problem().text() : null, "a trace is refused or answered, never an engine failure");
        }
    }
}
