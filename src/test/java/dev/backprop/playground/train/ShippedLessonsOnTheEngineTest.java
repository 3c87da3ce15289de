package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.graph.GraphView;
import dev.backprop.playground.io.ExperimentFile;
import dev.backprop.playground.lesson.Lesson;
import dev.backprop.playground.lesson.LessonCheck;
import dev.backprop.playground.lesson.LessonReader;
import dev.backprop.playground.lesson.LessonState;
import dev.backprop.playground.lesson.LessonStep;
import dev.backprop.playground.lesson.ShippedLessons;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every shipped lesson of the network tab walked on the engine, without a window: its experiment
 * opened, each step's action done as the commands its controls send, each check seen to pass, and
 * the notebook numbers it quotes checked against what the engine computes.
 */
class ShippedLessonsOnTheEngineTest {
    /** What each step's "do:" line amounts to, as commands; "lit X" steps press Node ▸ until X is lit. */
    private static final Map<String, List<List<Command>>> ACTIONS = Map.of(
            "000-moons-mlp.lesson", List.of(List.of(new Command.Step(1)), List.of(),
                    List.of(new Command.FinishPass(), new Command.Step(10_000))),
            "002-softmax-ce.lesson", List.of(List.of(), List.of(), List.of(new Command.FinishPass(), new Command.Step(3000))),
            "003-gradient-descent.lesson", List.of(List.of(new Command.Step(1000)), List.of(new Command.SetGraphView(GraphView.TENSORS))),
            "003-batch-sizes.lesson", List.of(List.of(new Command.SetBatchSize(1), new Command.Step(2000)),
                    List.of(new Command.SetBatchSize(16), new Command.Step(2000))),
            "003-multinomial.lesson", List.of(List.of(new Command.Step(2000)), List.of(new Command.SetGraphView(GraphView.TENSORS))),
            "003-digits.lesson", List.of(List.of(), List.of(new Command.Step(2000)),
                    List.of(new Command.SetNetwork(digitsMlp()), new Command.Step(2000))),
            "003-optimizers.lesson", List.of(List.of(new Command.Step(2000)),
                    List.of(new Command.SetOptimizer(OptimizerKind.MOMENTUM), new Command.Reset(), new Command.Step(2000)),
                    List.of(new Command.SetOptimizer(OptimizerKind.ADAM), new Command.SetLearningRate(0.01), new Command.Reset(),
                            new Command.Step(5000))),
            "004-perceptron.lesson", List.of(List.of(new Command.Step(1000))),
            "004-adaline.lesson", List.of(List.of(new Command.Step(50)), List.of(new Command.SetBatchSize(16), new Command.Step(50))),
            "004-mlp.lesson", List.of(List.of(new Command.Step(5000)), List.of()));

    @Test
    void everyNetworkLessonWalksThroughOnTheEngine() throws Exception {
        int walked = 0;
        for (Path file : ShippedLessons.files()) {
            Lesson lesson = LessonReader.read(file);
            if (lesson.onLab()) {
                continue; // the lab's lessons: LessonsAppTest walks them in the window
            }
            String name = file.getFileName().toString();
            List<List<Command>> actions = ACTIONS.get(name);
            assertEquals(lesson.steps().size(), actions.size(), name + ": one action per step");
            SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), 16);
            Snapshot s = EngineDriver.apply(engine, new Command.OpenExperiment(lesson.experiment()));
            assertEquals(0, s.step(), name + " opens at step 0: " + s.message());
            for (int i = 0; i < actions.size(); i++) {
                LessonStep step = lesson.steps().get(i);
                s = EngineDriver.apply(engine, actions.get(i).toArray(Command[]::new));
                if (step.check().text().startsWith("lit ")) {
                    for (int guard = 0; guard < 200 && !step.check().passes(new LessonState(s, null, false)); guard++) {
                        s = EngineDriver.apply(engine, new Command.NodeForward());
                    }
                }
                LessonState state = new LessonState(s, null, false);
                assertTrue(step.check().passes(state), name + " step " + (i + 1) + ": " + step.check().describe(state));
            }
            walked++;
        }
        assertEquals(ACTIONS.size(), walked);
    }

    /** The numbers the lessons quote, as the engine computes them. */
    @Test
    void theQuotedNumbersAreTheEnginesOwn() throws Exception {
        Snapshot line = opened("003-gradient-descent.lesson", new Command.Step(1000), new Command.SetGraphView(GraphView.TENSORS));
        // seed 003 after 1,000 epochs: w = 1.969, b = 1.024 (scikit-learn's line too)
        assertEquals(1.969, value(line, "W1"), 5e-4);
        assertEquals(1.024, value(line, "b1"), 5e-4);

        Snapshot moons = opened("000-moons-mlp.lesson", new Command.Step(10_000));
        assertEquals(0.9940, moons.latest().trainAccuracy(), 5e-5);
        assertEquals(0.0358, moons.latest().trainLoss(), 5e-5);

        Snapshot softmax = opened("002-softmax-ce.lesson");
        assertEquals(Math.log(3), softmax.latest().trainLoss(), 2e-3, "uniform guesses: ln 3");
        assertEquals(0.9967, EngineDriver.apply(engineOf(softmax), new Command.Step(3000)).latest().trainAccuracy(), 5e-5);

        Snapshot adaline = opened("004-adaline.lesson", new Command.Step(50));
        assertEquals(0.0602, adaline.latest().trainLoss(), 5e-5);
        assertEquals(0.99, adaline.latest().trainAccuracy(), 1e-9);

        Snapshot sigmoid = opened("004-mlp.lesson", new Command.Step(5000));
        assertEquals(0.9625, sigmoid.latest().trainAccuracy(), 5e-5);

        Snapshot digits = opened("003-digits.lesson", new Command.Step(2000));
        assertEquals(0.9708, digits.latest().trainAccuracy(), 5e-5);
        assertEquals(0.9499, digits.latest().testAccuracy(), 5e-5);
        assertEquals(0.1836, digits.latest().trainLoss(), 5e-5);
        Snapshot mlp = EngineDriver.apply(engineOf(digits), new Command.SetNetwork(digitsMlp()), new Command.Step(2000));
        assertEquals("64-32-10", mlp.config().network().toString().substring(0, 8));
        assertEquals(0.9582, mlp.latest().testAccuracy(), 5e-5);
        assertEquals(0.0662, mlp.latest().trainLoss(), 5e-5);

        Snapshot spiral = opened("003-optimizers.lesson", new Command.Step(5000));
        assertEquals(0.9817, spiral.latest().trainAccuracy(), 5e-5);
        assertFalse(LessonCheck.parse("optimizer == adam").passes(new LessonState(spiral, null, false)));
    }

    /** Seed 003's 64-32-10 ReLU MLP on the digits, as the lesson's last step sets it. */
    private static NetworkSpec digitsMlp() {
        try {
            NetworkSpec linear = ExperimentFile.read(ShippedLessons.file("digits-multinomial.bpg.json"), 1 << 24,
                    1_000_000, 1_000_000).config().network();
            return new NetworkSpec(linear.features(), new int[] {32}, Activation.RELU, linear.head(), linear.init());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final Map<Snapshot, SessionEngine> engines = new java.util.IdentityHashMap<>();

    private SessionEngine engineOf(Snapshot s) {
        return engines.get(s);
    }

    private Snapshot opened(String lesson, Command... then) throws Exception {
        Path file = ShippedLessons.files().stream().filter(f -> f.getFileName().toString().equals(lesson)).findFirst().orElseThrow();
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), 16);
        EngineDriver.apply(engine, new Command.OpenExperiment(LessonReader.read(file).experiment()));
        Snapshot s = EngineDriver.apply(engine, then);
        engines.put(s, engine);
        return s;
    }

    private static double value(Snapshot s, String node) {
        return s.graph().node(node).data().first();
    }
}
