package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.nn.Feature;
import dev.backprop.playground.engine.nn.FeatureSet;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.graph.GraphNode;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The app's engine on data off the plane: digits, iris's four measurements. */
class ImageDataSessionTest {

    /** Paused: the prediction pass owed runs in bands, as the full grid does, until it is published. */
    private static Snapshot settle(SessionEngine engine) {
        int guard = 0;
        while (engine.nanosUntilFullGrid() == 0 && ++guard < 10_000) {
            engine.advanceFullGrid(System.nanoTime() + 5_000_000L);
        }
        return engine.snapshot();
    }

    @Test
    void digitsGetANetworkOfSixtyFourInputsAndTenClassesAndNoBoundary() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), 20);
        Snapshot s = EngineDriver.apply(engine, new Command.ChooseData(DataChoice.DIGITS));
        assertNull(s.problem(), () -> s.problem().text());
        assertEquals(64, s.config().network().inputSize());
        assertEquals(10, s.config().classes());
        assertEquals(1797, s.data().all().size());
        assertNull(s.grid(), "no decision grid off the plane");
        assertTrue(s.message().contains("digits"), s.message());
        Snapshot settled = settle(engine);
        Predictions p = settled.predictions();
        assertNotNull(p);
        assertEquals(1797, p.size());
        // the pass agrees with the network row by row: the classes it predicts on the training set add up
        assertEquals(settled.data().train().size(), settled.confusion().total());
        int[][] byTrainer = engine.trainer().confusion(settled.data().train());
        for (int a = 0; a < 10; a++) {
            for (int b = 0; b < 10; b++) {
                assertEquals(byTrainer[a][b], settled.confusion().count(a, b), a + "," + b);
            }
        }
    }

    @Test
    void fashionsSoftmaxCardNamesTheGarmentsAndTheDigitsKeepTheirIndices() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), 20);
        EngineDriver.apply(engine, new Command.ChooseData(DataChoice.FASHION));
        GraphNode output = settle(engine).graph().nodes().stream().filter(n -> n.classes() != null).findFirst().orElseThrow();
        assertEquals(java.util.List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                "Bag", "Ankle boot"), output.classes());
        EngineDriver.apply(engine, new Command.ChooseData(DataChoice.DIGITS));
        GraphNode digits = settle(engine).graph().nodes().stream().filter(n -> n.classes() != null).findFirst().orElseThrow();
        assertEquals("0", digits.classes().get(0));
        assertEquals("9", digits.classes().get(9));
    }

    /**
     * Fashion's pictures are exported as their indexes with dataset-source.json beside them, naming the
     * set the session read (the installed full set or the shipped subset): what DatasetCsv reads the
     * pictures back with (tested with train's runs; not here, where the full set's 440 MB would be held twice).
     */
    @Test
    void fashionExportedAsIndexesWritesItsSourceBeside(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path csv = dir.resolve("fashion.csv");
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), 20);
        Snapshot chosen = EngineDriver.apply(engine, new Command.ChooseData(DataChoice.FASHION));
        Dataset all = chosen.data().all();
        assertEquals(784, all.width());
        Snapshot s = EngineDriver.apply(engine, new Command.ExportData(csv));
        assertNull(s.problem(), () -> s.problem().text());
        assertTrue(s.message().contains("dataset-source.json"), s.message());

        java.util.List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertEquals("image,label,split", lines.get(0), "pictures as their indexes");
        assertEquals(all.size() + 1, lines.size());
        for (int i : new int[] {0, all.size() / 2, all.size() - 1}) {
            String[] row = lines.get(i + 1).split(",");
            assertEquals(i, Integer.parseInt(row[0]));
            assertEquals(all.label(i), Integer.parseInt(row[1]));
        }
        var source = dev.backprop.playground.io.ImageSource.readBeside(csv);
        boolean full = dev.backprop.playground.engine.data.ImageSets.holdsIdx(dev.backprop.playground.engine.data.ImageSets.FASHION_DIR);
        assertEquals(new dev.backprop.playground.io.ImageSource(dev.backprop.playground.engine.data.DatasetKind.FASHION,
                full ? dev.backprop.playground.engine.data.ImageSets.FASHION_DIR : null, null), source);

        // Import data reads points: it says what the file is and how to get its pictures back
        Snapshot imported = EngineDriver.apply(engine, new Command.ImportData(csv));
        assertNotNull(imported.problem(), "an index is no input");
        assertTrue(imported.problem().text().contains("indexes of pictures"), imported.problem().text());
        assertEquals(784, imported.data().all().width(), "the pictures stay");
    }

    @Test
    void predictionsFollowTraining() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), 20);
        EngineDriver.apply(engine, new Command.ChooseData(DataChoice.DIGITS), new Command.SetBatchSize(32));
        Snapshot before = settle(engine);
        EngineDriver.apply(engine, new Command.Step(500));
        Snapshot after = settle(engine);
        assertEquals(500, after.predictions().step());
        int changed = 0;
        for (int i = 0; i < 1797; i++) {
            changed += before.predictions().predicted(i) != after.predictions().predicted(i) ? 1 : 0;
        }
        assertTrue(changed > 100, "predictions changed: " + changed);
        int right = 0;
        for (int i = 0; i < 1797; i++) {
            right += after.predictions().right(after.data(), i) ? 1 : 0;
        }
        assertTrue(right > 1797 / 2, "right after 500 steps: " + right);
    }

    @Test
    void aTracedImageIsTheGraphsExampleAndItsPixelsAreTheXCard() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), 20);
        Snapshot s = EngineDriver.apply(engine, new Command.ChooseData(DataChoice.DIGITS), new Command.TraceRow(7));
        assertNull(s.problem(), () -> s.problem().text());
        assertNotNull(s.trace());
        assertEquals(7, s.trace().index());
        Dataset all = s.data().all();
        double[] row = new double[64];
        System.arraycopy(all.features().data, 7 * 64, row, 0, 64);
        assertArrayEquals(row, java.util.Arrays.copyOf(engine.trainer().lastBatchFeatures().data, 64), 0);
        GraphNode x = s.graph().nodes().stream().filter(n -> n.id().equals("x")).findFirst().orElseThrow();
        assertEquals(64, x.data().values().length);
        assertArrayEquals(row, x.data().values(), 0);
        assertTrue(s.message().startsWith("tracing image 7"), s.message());
    }

    @Test
    void fourIrisInputsTrainAndFeaturesAreRefusedWithTheReason() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), 20);
        Snapshot s = EngineDriver.apply(engine, new Command.ChooseData(DataChoice.IRIS4));
        assertEquals(4, s.config().network().inputSize());
        assertEquals(3, s.config().classes());
        NetworkSpec squares = s.config().network().withFeatures(FeatureSet.of(EnumSet.of(Feature.X1, Feature.X1SQ)));
        Snapshot refused = EngineDriver.apply(engine, new Command.SetNetwork(squares));
        assertNotNull(refused.problem());
        assertTrue(refused.problem().text().contains("functions of the plane's two inputs"), refused.problem().text());
        // the controls' raw plane inputs mean the data's own: a rebuild, not a refusal
        NetworkSpec plain = s.config().network().withFeatures(FeatureSet.RAW).withHidden(6);
        Snapshot rebuilt = EngineDriver.apply(engine, new Command.SetNetwork(plain));
        assertEquals(refused.problem().serial(), rebuilt.problem().serial(), "no new refusal");
        assertEquals(4, rebuilt.config().network().inputSize());
        assertArrayEquals(new int[] {6}, rebuilt.config().network().hidden());
    }

    /**
     * Seed 003's regression as a data choice: the sepal's two measurements in, the petal's length and
     * width out (two real targets, so a 2-output identity head and no boundary); a hidden size from the
     * controls (whose spec has a one-target head) keeps the two targets; training lowers the test error.
     */
    @Test
    void irisPetalFromTheSepalTrainsTwoTargetsAndKeepsThemThroughARebuild() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), 20);
        Snapshot s = EngineDriver.apply(engine, new Command.ChooseData(DataChoice.IRIS_PETAL));
        assertEquals(0, s.config().classes(), s.message() + " | " + s.problem());
        assertEquals(2, s.data().all().targets());
        assertEquals(2, s.config().network().inputSize());
        assertEquals(2, s.config().network().head().targets());
        assertNull(s.grid(), "two targets: no boundary over the plane");
        assertEquals(DataChoice.IRIS_PETAL, DataChoice.of(s.config().dataset(), 2, s.data().all().targets()));
        assertEquals(DataChoice.PLANE, DataChoice.of(s.config().dataset(), 2, 1), "the plane's regression stays itself");
        NetworkSpec controls = TrainingConfig.defaults().withData(s.config().dataset(), 150, 0, 0, 0).network().withHidden(6);
        assertEquals(1, controls.head().targets(), "the controls' regression head has one target");
        Snapshot rebuilt = EngineDriver.apply(engine, new Command.SetNetwork(controls));
        assertEquals(2, rebuilt.config().network().head().targets());
        assertArrayEquals(new int[] {6}, rebuilt.config().network().hidden());
        double before = engine.trainer().evaluate().testLoss();
        Snapshot trained = EngineDriver.apply(engine, new Command.SetBatchSize(16), new Command.Step(1500));
        assertEquals(1500, trained.step());
        double after = engine.trainer().evaluate().testLoss();
        assertTrue(after < 0.6 * before, "test mse " + before + " -> " + after);
    }

    @Test
    void backToThePlaneTheFirstLayerTakesTwoInputsAgain() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), 20);
        EngineDriver.apply(engine, new Command.ChooseData(DataChoice.DIGITS));
        Snapshot s = EngineDriver.apply(engine, new Command.SetData(
                dev.backprop.playground.engine.data.DatasetKind.MOONS, 200, 0.1, 0));
        assertEquals(2, s.config().network().inputSize());
        assertEquals(1, s.config().network().head().outputs());
        assertNotNull(s.grid());
        assertNull(s.predictions(), "the plane shows its boundary, not predictions");
    }

    @Test
    void aWideStepAnswersTheClockAfterEveryStep() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), 20);
        EngineDriver.apply(engine, new Command.ChooseData(DataChoice.DIGITS), new Command.SetBatchSize(64));
        EngineDriver.apply(engine, new Command.SetNetwork(engine.config().network().withHidden(512)));
        assertEquals(64 * 512 + 512 + 512 * 10 + 10, engine.trainer().network().parameterCount());
        var loop = new dev.backprop.playground.engine.nn.TrainingLoop(engine.trainer(), 250, () -> 1L);
        // the clock is past the deadline from the first look: a wide step is checked after every step
        assertEquals(1, loop.advance(100, 0L).steps());
        assertNotEquals(0, engine.trainer().steps());
    }

    @Test
    void theSessionReadsTheDataOffItsThreadAndThenAppliesTheCommand() throws Exception {
        try (TrainingSession session = new TrainingSession(TrainingConfig.defaults())) {
            session.send(new Command.ChooseData(DataChoice.DIGITS));
            session.send(new Command.SetLearningRate(0.05)); // behind the read: applied after it, in order
            long until = System.nanoTime() + 20_000_000_000L;
            while (session.latest().config().learningRate() != 0.05 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            Snapshot s = session.latest();
            assertEquals(0.05, s.config().learningRate());
            assertEquals(64, s.data().all().width(), "the data came before the setting queued after it");
        }
    }

    @Test
    void theTestImagesArePublishedBeforeTheTrainingRows() throws Exception {
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults(), 20);
        Snapshot s = EngineDriver.apply(engine, new Command.ChooseData(DataChoice.DIGITS));
        int chunks = 0;
        while (engine.snapshot().predictions() == null && chunks < 100) {
            engine.advanceFullGrid(0); // one 256-row chunk at a time
            chunks++;
        }
        Predictions first = engine.snapshot().predictions();
        int tests = s.data().test().size();
        assertEquals((tests + PredictionSlice.CHUNK - 1) / PredictionSlice.CHUNK, chunks, "the test rows' chunks, no more");
        int trainingRowsPredicted = 0;
        for (int row = 0; row < 1797; row++) {
            if (s.data().isTest(row)) {
                assertTrue(first.predicted(row) >= 0, "test row " + row);
            } else {
                trainingRowsPredicted += first.predicted(row) >= 0 ? 1 : 0;
            }
        }
        // the last test chunk stops at the last test row: the training page keeps one step's predictions
        assertEquals(0, trainingRowsPredicted);
        assertTrue(engine.snapshot().confusion().isEmpty(), "the matrix waits for the training rows");
        Snapshot done = settle(engine);
        assertEquals(s.data().train().size(), done.confusion().total());
        for (int row = 0; row < 1797; row++) {
            assertTrue(done.predictions().predicted(row) >= 0);
        }
    }
}
