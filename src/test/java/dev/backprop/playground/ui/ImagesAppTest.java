package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.DataChoice;
import dev.backprop.playground.train.Snapshot;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Data off the plane in the whole app, headless at 1280x760: the digits' gallery, iris's four inputs. */
class ImagesAppTest extends AppHarness {

    ImagesAppTest() {
        super(1280, 760);
    }

    @SuppressWarnings("unchecked")
    private void choose(DataChoice choice) {
        interact(() -> lookup("#dataset").queryAs(ChoiceBox.class).setValue(choice));
    }

    private ImageGallery gallery() {
        assertTrue(view.dataPane().current() instanceof ImageGallery, "the gallery is shown: " + view.dataPane().current());
        return (ImageGallery) view.dataPane().current();
    }

    @Test
    void digitsShowTheGalleryWhosePredictionsChangeWithTraining() throws Exception {
        choose(DataChoice.DIGITS);
        Snapshot s = waitFor("digits with predictions", x -> x.config().dataset() == DatasetKind.DIGITS
                && x.predictions() != null);
        ImageGallery gallery = gallery();
        assertTrue(lookup("#gallery").query().isVisible());
        // the page is sized by the laid-out pane: at 1280x760 the data column gives the gallery two rows of
        // five above the whole 10-class confusion matrix, more on a larger window
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> gallery.pageRows().size() >= 10);
        List<Integer> page = List.copyOf(gallery.pageRows());
        assertTrue(page.size() >= 10 && gallery.canvas().columns() >= 5, "a page at 1280x760 holds two rows of five images: "
                + page.size() + " in " + gallery.canvas().columns() + " columns");
        assertTrue(page.stream().allMatch(s.data()::isTest), "test images first");
        int[] before = page.stream().mapToInt(r -> s.predictions().predicted(r)).toArray();
        session().send(new Command.SetBatchSize(32));
        session().send(new Command.Step(500));
        Snapshot trained = waitFor("500 steps predicted", x -> x.predictions() != null && x.predictions().step() >= 500);
        assertEquals(page, gallery.pageRows(), "the page stays");
        int[] after = page.stream().mapToInt(r -> trained.predictions().predicted(r)).toArray();
        assertFalse(Arrays.equals(before, after), "predicted labels changed: " + Arrays.toString(after));
        long rightBefore = page.stream().filter(r -> s.predictions().right(s.data(), r)).count();
        long right = page.stream().filter(r -> trained.predictions().right(trained.data(), r)).count();
        assertTrue(right > rightBefore, right + " of " + page.size() + " right after 500 steps, " + rightBefore + " before");

        interact(() -> lookup("#gallery-filter").queryAs(ChoiceBox.class).setValue(ImageGallery.WRONG));
        WaitForFx.events();
        assertTrue(gallery.rows().stream().noneMatch(r -> trained.predictions().right(trained.data(), r)),
                "wrong only shows no right one");
        interact(() -> lookup("#gallery-training").queryAs(ToggleButton.class).setSelected(true));
        WaitForFx.events();
        assertTrue(gallery.rows().stream().noneMatch(trained.data()::isTest), "training images");

        // the dark theme: the page's paper goes dark with it (no white block in a dark window), and back
        for (boolean dark : new boolean[] {true, false}) {
            interact(() -> view.applyTheme(dark));
            javafx.scene.paint.Color paper = interactAndGetPaper(gallery);
            GalleryCanvas.Palette expected = dark ? GalleryCanvas.Palette.DARK : GalleryCanvas.Palette.LIGHT;
            assertEquals(expected.paper().toString(), paper.toString(), "the paper at the page's corner, dark " + dark);
        }
    }

    /** The colour drawn at the page's top-left corner (paper: every image is inset from its cell's edge). */
    private javafx.scene.paint.Color interactAndGetPaper(ImageGallery gallery) throws Exception {
        java.util.concurrent.atomic.AtomicReference<javafx.scene.paint.Color> seen = new java.util.concurrent.atomic.AtomicReference<>();
        interact(() -> seen.set(gallery.canvas().snapshot(null, null).getPixelReader().getColor(1, 1)));
        return seen.get();
    }

    @Test
    void clickingAnImageTracesItAndTheXCardHoldsItsPixels() throws Exception {
        choose(DataChoice.DIGITS);
        waitFor("digits with predictions", x -> x.config().dataset() == DatasetKind.DIGITS && x.predictions() != null);
        ImageGallery gallery = gallery();
        int row = gallery.pageRows().get(1);
        double[] centre = gallery.canvas().cellCentre(1);
        Point2D onScreen = gallery.canvas().localToScreen(centre[0], centre[1] - 20);
        clickOn(onScreen);
        Snapshot s = waitFor("the trace of row " + row, x -> x.trace() != null && x.trace().index() == row);
        GraphNode x = s.graph().nodes().stream().filter(n -> n.id().equals("x")).findFirst().orElseThrow();
        double[] pixels = Arrays.copyOfRange(s.data().all().features().data, row * 64, row * 64 + 64);
        assertArrayEquals(pixels, x.data().values(), 0);
        assertTrue(s.message().startsWith("tracing image " + row), s.message());
    }

    @Test
    void featureTogglesAreDisabledOnDigitsSayingWhy() throws Exception {
        assertFalse(this.<ToggleButton>control("#feature-x1sq").isDisabled(), "on the plane they work");
        choose(DataChoice.DIGITS);
        waitFor("digits", x -> x.config().dataset() == DatasetKind.DIGITS);
        WaitForFx.events();
        assertTrue(lookup("#feature-x1sq").queryAs(ToggleButton.class).isDisabled());
        assertTrue(lookup("#feature-x1").queryAs(ToggleButton.class).isDisabled());
        Label why = lookup("#features-off").queryAs(Label.class);
        assertTrue(why.getText().contains("64 inputs (8x8 image)"), why.getText());
    }

    @Test
    void fourIrisInputsShowTheirTwoInputPlot() throws Exception {
        choose(DataChoice.IRIS4);
        Snapshot s = waitFor("iris with 4 inputs", x -> x.data().all().width() == 4 && x.predictions() != null);
        assertTrue(view.dataPane().current() instanceof TablePlot, "the table plot: " + view.dataPane().current());
        TablePlot plot = (TablePlot) view.dataPane().current();
        assertEquals(s.data().all().inputs().names(), plot.across().getItems());
        assertEquals(s.data().all().inputs().name(1), plot.up().getValue());
        interact(() -> plot.up().setValue(s.data().all().inputs().name(3)));
        int row = 5;
        double[] at = plot.position(row);
        assertEquals(row, plot.nearest(at[0], at[1]));
        clickOn(plot.canvas().localToScreen(at[0], at[1]));
        Snapshot traced = waitFor("the trace of row " + row, x -> x.trace() != null && x.trace().index() == plot.nearest(at[0], at[1]));
        assertNotNull(traced.trace());
    }

    /**
     * Iris's petal from its sepal (two inputs, two real targets): the table plot, not the plane's
     * boundary, with the two inputs across and the two targets up; the dataset box names the choice, and
     * the predictions that come with training are the network's two outputs.
     */
    @Test
    void irisPetalRegressionPlotsATargetAgainstAnInputWithThePredictions() throws Exception {
        choose(DataChoice.IRIS_PETAL);
        Snapshot s = waitFor("iris petal", x -> x.data().all().targets() == 2 && x.predictions() != null);
        WaitForFx.events();
        assertTrue(view.dataPane().current() instanceof TablePlot, "the table plot: " + view.dataPane().current());
        assertFalse(lookup("#data-views").query().isVisible(), "one view fits: no boundary to choose");
        TablePlot plot = (TablePlot) view.dataPane().current();
        assertEquals(s.data().all().inputs().names(), plot.across().getItems());
        assertEquals(List.of("y1", "y2"), plot.up().getItems());
        assertEquals("target", lookup("#table-up-label").queryAs(Label.class).getText());
        assertEquals(DataChoice.IRIS_PETAL, lookup("#dataset").queryAs(ChoiceBox.class).getValue());
        assertFalse(s.predictions().classifies());
        assertEquals(2, s.predictions().targets());
        interact(() -> plot.up().setValue("y2"));
        assertEquals("y2", plot.up().getValue());
    }

    /**
     * A run folder the CLI wrote on the digits (64-16-10, checkpoints every 100 steps) opens in the app
     * with the gallery, its predictions those of the run's last network, and the timeline of the run.
     */
    @Test
    void anOpenedDigitsRunComesBackWithTheGallery(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.io.StringWriter err = new java.io.StringWriter();
        var cli = dev.backprop.playground.cli.PlaygroundCommand.commandLine();
        cli.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        cli.setErr(new java.io.PrintWriter(err));
        assertEquals(0, cli.execute("train", "--dataset", "digits", "--hidden", "16", "--batch", "32", "--steps", "300",
                "--seed", "2", "--checkpoint-every", "100", "--out", dir.toString()), err.toString());
        session().send(new Command.OpenRun(dir));
        Snapshot opened = waitFor("the run opened", x -> x.step() == 300 && x.timeline().steps().size() == 4);
        assertTrue(opened.data().all().inputs().isImage(), "the digits: " + opened.data().all().inputs().describe());
        Snapshot s = waitFor("the run's predictions", x -> x.predictions() != null && x.predictions().step() == 300);
        assertEquals(List.of(0L, 100L, 200L, 300L), s.timeline().steps());
        assertEquals(64, s.config().network().inputSize());
        ImageGallery gallery = gallery();
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> gallery.pageRows().size() >= 10);
        assertTrue(lookup("#gallery").query().isVisible());
        long right = gallery.pageRows().stream().filter(r -> s.predictions().right(s.data(), r)).count();
        assertTrue(right >= gallery.pageRows().size() / 2, "the run's trained network: " + right + " of "
                + gallery.pageRows().size() + " right");
    }

    /**
     * A CSV of four input columns imported in the app: the table plot with its two input drop-downs (no
     * boundary), each offering the four columns by their names.
     */
    @Test
    void anImportedFourColumnCsvShowsTheTwoInputPlot(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path csv = dir.resolve("four.csv");
        StringBuilder text = new StringBuilder("a,b,c,d,label\n");
        java.util.Random random = new java.util.Random(4);
        for (int i = 0; i < 60; i++) {
            int label = i % 2;
            text.append(String.format(java.util.Locale.ROOT, "%.3f,%.3f,%.3f,%.3f,%d%n", random.nextGaussian() + label,
                    random.nextGaussian(), random.nextGaussian() - label, random.nextGaussian(), label));
        }
        java.nio.file.Files.writeString(csv, text);
        session().send(new Command.ImportData(csv));
        Snapshot s = waitFor("the four columns with predictions", x -> x.data().all().width() == 4 && x.predictions() != null);
        WaitForFx.events();
        assertTrue(view.dataPane().current() instanceof TablePlot, "the table plot: " + view.dataPane().current());
        TablePlot plot = (TablePlot) view.dataPane().current();
        assertEquals(List.of("a", "b", "c", "d"), s.data().all().inputs().names());
        assertEquals(List.of("a", "b", "c", "d"), plot.across().getItems());
        assertEquals(List.of("a", "b", "c", "d"), plot.up().getItems());
        assertTrue(lookup("#table-across").query().isVisible() && lookup("#table-up").query().isVisible());
        assertEquals("a", plot.across().getValue());
        assertEquals("b", plot.up().getValue());
        interact(() -> plot.up().setValue("d"));
        assertEquals("d", plot.up().getValue());
    }

    /** Waits for the FX thread's queued events. */
    private static final class WaitForFx {
        static void events() {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
