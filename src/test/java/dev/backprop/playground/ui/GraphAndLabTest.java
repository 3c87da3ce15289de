package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.expr.Presets;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.NodeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The graph pane, the inspector and the expression lab, headless. */
class GraphAndLabTest extends AppHarness {

    @TempDir
    Path dir;


    private ExpressionLab openLab() throws Exception {
        interact(() -> lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        ExpressionLab lab = view.lab();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lab.graph() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return lab;
    }

    /** The lab showing {@code preset}, once its graph has a node labelled {@code label}. */
    private ExpressionLab openLabWith(Presets.Preset preset, String label) throws Exception {
        ExpressionLab lab = openLab();
        interact(() -> lab.runScript(preset.script())); // at once: typed text runs 250 ms later
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lab.graph() != null
                && lab.graph().nodes().stream().anyMatch(n -> n.label().equals(label)));
        settle(lab);
        return lab;
    }

    /** Waits until the lab's model has applied every command and its last snapshot is drawn. */
    static void settle(ExpressionLab lab) throws Exception {
        // the click, key or interact before this has waited for the FX thread: its command is sent
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, lab::settled);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the pane has laid out the graph it shows (layouts are made off the FX thread). */
    static void waitForLayout(GraphPane pane) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.graph() != null && pane.graphLayout() != null
                && pane.graphLayout().fits(pane.graph()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static GraphNode byLabel(GraphModel g, String label) {
        return g.nodes().stream().filter(n -> n.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void networkGraphPaneShowsEveryNodeOfTheModel() throws Exception {
        clickOn("#step");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.session().latest().step() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        GraphPane pane = lookup("#graph-pane").queryAs(GraphPane.class);
        waitForLayout(pane);
        GraphModel shown = pane.graph();
        assertEquals(app.session().latest().graph().size(), shown.size());
        assertEquals(13, shown.size(), "x W1 b1 matmul + relu W2 b2 matmul + sigmoid y loss");
        assertEquals(shown.size(), pane.drawnNodeCount(), "GraphStream draws every node of the model");
        for (GraphNode n : shown.nodes()) {
            String drawn = pane.drawnLabel(n.id());
            assertTrue(drawn.contains("data ") && drawn.contains("grad "), n.id() + ": " + drawn);
        }
        assertTrue(pane.drawnLabel("W1").startsWith("W1 \u2502 data 2\u00d750 \u2016"), pane.drawnLabel("W1"));
        // click W1: the inspector shows its shape and its consumers (once GraphStream has drawn the fit)
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> pane.nodeAt(pane.centreOf("W1").getX(), pane.centreOf("W1").getY()) != null);
        var at = pane.localToScreen(pane.centreOf("W1"));
        clickOn(at);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("W1", pane.selected().id());
        InspectorPane inspector = lookup("#inspector").queryAs(InspectorPane.class);
        String text = inspector.getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText())
                .reduce("", (a, b) -> a + "\n" + b);
        assertTrue(text.contains("2\u00d750") && text.contains("consumers: x\u00b7W1"), text);
    }

    @Test
    void shiftArrowsPanTheGraphWithoutSteppingAndFFitsItAgain() throws Exception {
        GraphPane pane = lookup("#graph-pane").queryAs(GraphPane.class);
        clickOn(pane);
        waitForLayout(pane);
        var fitted = pane.centreOf("W1");
        // zoomed in, the graph is larger than the view: there is room to pan (panning stops at its edges)
        type(KeyCode.EQUALS, KeyCode.EQUALS, KeyCode.EQUALS); // the graph has the column's whole width
        WaitForAsyncUtils.waitForFxEvents();
        // a card well inside the view, so that it is still inside after the pan (W1, at the graph's left, leaves it)
        double w = pane.getWidth();
        String id = pane.graph().nodes().stream().map(n -> n.id()).filter(i -> {
            var c = pane.centreOf(i);
            return c != null && c.getX() > 3 * w / 8 && c.getX() < 7 * w / 8 && c.getY() > 0 && c.getY() < pane.getHeight();
        }).findFirst().orElseThrow(() -> new AssertionError("no card in the middle of the zoomed view"));
        var before = pane.centreOf(id);
        press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        var after = pane.centreOf(id);
        assertEquals(before.getX() - w / 8, after.getX(), 1e-6, "the view moved right by an eighth");
        assertEquals(before.getY(), after.getY(), 1e-6);
        // GraphStream repaints on its own 40 ms timer; picking uses the camera of the last repaint
        // (by id: a new snapshot's node is another record with other arrays, so equals would race the engine)
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            var picked = pane.nodeAt(after.getX(), after.getY());
            return picked != null && picked.id().equals(id);
        });
        assertNull(app.session().latest().stepping(), "Shift+Right pans, it does not step");
        // F fits again: the zoom of the first view, the graph's start at the left
        type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fitted.getX(), pane.centreOf("W1").getX(), 1e-6, "back to the fitted view");
        assertEquals(fitted.getY(), pane.centreOf("W1").getY(), 1e-6);
        assertTrue(pane.smallestTextPx() >= GraphPane.MIN_TEXT_PX - 1e-9);
    }

    @Test
    void newValuesKeepTheZoomANewStructureIsFittedAgain() throws Exception {
        GraphPane pane = lookup("#graph-pane").queryAs(GraphPane.class);
        clickOn(pane);
        waitForLayout(pane);
        GraphModel g = pane.graph();
        double fittedScale = pane.scale();
        double fittedSpan = pane.centreOf("W1").distance(pane.centreOf("x"));
        type(KeyCode.EQUALS, KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomedSpan = pane.centreOf("W1").distance(pane.centreOf("x"));
        assertEquals(1.44, zoomedSpan / fittedSpan, 1e-6);
        // the same structure with other values (every training frame) keeps the layout and the zoom
        var layout = pane.graphLayout();
        interact(() -> pane.show(new GraphModel("same nodes", g.nodes(), g.edges())));
        assertSame(layout, pane.graphLayout(), "no new layout for new values");
        assertEquals(zoomedSpan, pane.centreOf("W1").distance(pane.centreOf("x")), 1e-6, "the zoom stays");
        // a second hidden layer is a new structure: laid out again and fitted, readable
        interact(() -> lookup("#layers").queryAs(javafx.scene.control.Spinner.class).increment());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.graph().contains("W3"));
        waitForLayout(pane);
        assertNotSame(layout, pane.graphLayout());
        assertTrue(pane.scale() <= fittedScale * 1.44 - 1e-9, "the zoom was reset by the fit: " + pane.scale());
        assertTrue(pane.smallestTextPx() >= GraphPane.MIN_TEXT_PX - 1e-9, pane.smallestTextPx() + " px");
        var x = pane.centreOf("x");
        assertTrue(x.getX() > 0 && x.getX() < pane.getWidth() && x.getY() > 0 && x.getY() < pane.getHeight(),
                "the input is in view: " + x);
    }

    @Test
    void steppingBackwardOnTheSeedGraphVisitsReverseTopologicalOrder() throws Exception {
        ExpressionLab lab = openLabWith(Presets.SEED_GRAPH, "e");
        interact(lab::focusGraph);
        assertNull(byLabel(lab.graph(), "a").grad(), "no grad before stepping");
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            type(KeyCode.RIGHT);
            settle(lab);
            GraphNode hl = lab.graph().nodes().stream().filter(GraphNode::highlighted).findFirst().orElseThrow();
            visited.add(hl.label());
            assertTrue(hl.grad() != null, hl.label() + " has its grad once visited");
        }
        // L first; every node after all of its consumers; leaves last
        assertEquals("L", visited.get(0));
        assertTrue(visited.indexOf("d") < visited.indexOf("e") && visited.indexOf("e") < visited.indexOf("a")
                && visited.indexOf("e") < visited.indexOf("b") && visited.indexOf("d") < visited.indexOf("c"), visited.toString());
        GraphModel g = lab.graph();
        assertEquals(6.0, byLabel(g, "a").grad().first());
        assertEquals(-4.0, byLabel(g, "b").grad().first());
        assertEquals(-2.0, byLabel(g, "c").grad().first());
        assertEquals(4.0, byLabel(g, "f").grad().first());
        GraphPane pane = lab.graphPane();
        assertEquals(g.size(), pane.drawnNodeCount());
        assertEquals("a \u2502 data 2.0000 \u2502 grad 6.0000", pane.drawnLabel(byLabel(g, "a").id()));
        assertEquals("c \u2502 data 10.0000 \u2502 grad -2.0000", pane.drawnLabel(byLabel(g, "c").id()));
        // Left undoes the last step
        type(KeyCode.LEFT);
        settle(lab);
        assertNull(byLabel(lab.graph(), visited.get(6)).grad());
    }

    @Test
    void zoomedInTheViewFollowsTheSteppedNode() throws Exception {
        ExpressionLab lab = openLabWith(Presets.TINY_MLP, "loss");
        interact(lab::focusGraph);
        GraphPane pane = lab.graphPane();
        waitForLayout(pane);
        String a = byLabel(lab.graph(), "x1").id();
        String b = byLabel(lab.graph(), "loss").id();
        double span = pane.centreOf(b).distance(pane.centreOf(a));
        for (int i = 0; i < 6; i++) {
            type(KeyCode.EQUALS); // zoom in, 1.2^6 = about 3x
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Math.pow(1.2, 6), pane.centreOf(b).distance(pane.centreOf(a)) / span, 1e-6);
        boolean leftTheFirstView = false;
        var first = pane.centreOf(byLabel(lab.graph(), "loss").id());
        for (int i = 0; i < 30; i++) {
            type(KeyCode.RIGHT);
            settle(lab);
            GraphNode stepped = lab.graph().nodes().stream().filter(GraphNode::highlighted).findFirst().orElseThrow();
            var at = pane.centreOf(stepped.id());
            assertTrue(at.getX() >= 0 && at.getX() <= pane.getWidth() && at.getY() >= 0 && at.getY() <= pane.getHeight(),
                    "step " + (i + 1) + ": " + stepped.label() + " at " + at + " is in view");
            leftTheFirstView |= pane.centreOf(byLabel(lab.graph(), "loss").id()).distance(first) > 1;
        }
        assertTrue(leftTheFirstView, "the view moved to follow the backward pass");
        assertEquals(Math.pow(1.2, 6), pane.centreOf(b).distance(pane.centreOf(a)) / span, 1e-6, "the zoom survived 30 steps");
    }

    @Test
    void exportWritesAnSvgWithEveryNode() throws Exception {
        ExpressionLab lab = openLab();
        interact(lab::focusGraph);
        type(KeyCode.RIGHT, KeyCode.RIGHT);
        settle(lab);
        GraphModel shown = lab.graph();
        Path svg = dir.resolve("lab.svg");
        waitForLayout(lab.graphPane());
        interact(() -> view.files().exportGraphSvg(view.shownGraph(), lab.graphPane().graphLayout(), svg));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(svg));
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        NodeList groups = doc.getElementsByTagName("g");
        int nodes = 0;
        int highlighted = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("id").startsWith("node-")) {
                nodes++;
                highlighted += g.getAttribute("class").contains("highlighted") ? 1 : 0;
            }
        }
        assertEquals(shown.size(), nodes);
        assertEquals(1, highlighted, "the node being stepped is marked in the export");
        int pills = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").contains("node op")) {
                pills += ((Element) g.getElementsByTagName("rect").item(0)).hasAttribute("rx") ? 1 : 0;
            }
        }
        assertEquals(shown.nodes().stream().filter(n -> !n.hasValue()).count(), pills, "op nodes are pills");
        assertEquals(2, countClass(doc, "path", "edge flow backward"),
                "the stepped node's gradient came back along two edges: from L through its op, drawn backward");
    }

    @Test
    void aBrokenExpressionShowsItsColumn() throws Exception {
        ExpressionLab lab = openLab();
        interact(() -> lab.editor().setText("a = 2\nb = a +* 3"));
        Label error = lookup("#expression-error").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !error.getText().isEmpty());
        assertTrue(error.getText().startsWith("line 2, column 8: expected a number"), error.getText());
        assertTrue(error.getText().endsWith("b = a +* 3\n       ^"), "a caret under column 8: " + error.getText());
        // the selection is made on the FX thread right after the message; under load give it a moment
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lab.editor().getSelection().getStart() == 13);
        assertEquals(13, lab.editor().getSelection().getStart(), "the offending character is selected");
    }

    @Test
    void gradientCheckListsEveryLeaf() throws Exception {
        ExpressionLab lab = openLabWith(Presets.TANH_NEURON, "o");
        clickOn("#gradient-check");
        settle(lab);
        Label text = lookup("#step-text").queryAs(Label.class);
        assertEquals("every leaf's gradient matches its finite difference", text.getText());
        assertEquals(1.0, byLabel(lab.graph(), "w1").grad().first(), 1e-6);
    }

    @Test
    void steppingThroughTheNetworkEqualsATrainingStep() throws Exception {
        var session = app.session();
        GraphPane pane = lookup("#graph-pane").queryAs(GraphPane.class);
        clickOn(pane); // focus off the sliders: arrows step through
        type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.latest().stepping() != null
                && session.latest().stepping().position() == 1);
        var first = session.latest();
        assertTrue(first.graph().node("matmul1").highlighted());
        assertTrue(first.graph().node("act1").data().isPending(), "h1 not computed yet");
        int total = first.stepping().total();
        for (int i = 1; i < total; i++) {
            clickOn("#node-next");
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.latest().stepping().complete()
                && session.latest().step() == 1);
        var done = session.latest();
        dev.backprop.playground.engine.nn.Trainer plain =
                dev.backprop.playground.engine.nn.Trainer.fromConfig(done.config());
        plain.step();
        org.junit.jupiter.api.Assertions.assertArrayEquals(plain.network().parameters().get(0).value().data,
                done.graph().node("W1").data().values(), "W1 after the update equals a training step's");
        assertEquals(plain.lastLoss(), done.graph().node("loss").data().first(), 1e-12);
        assertTrue(done.stepping().lines().get(total - 1).startsWith("update"), done.stepping().lines().toString());
        javafx.scene.control.ListView<?> log = lookup("#network-step-log").queryAs(javafx.scene.control.ListView.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(total, log.getItems().size());
    }

    private static int countClass(org.w3c.dom.Document doc, String tag, String cls) {
        NodeList all = doc.getElementsByTagName(tag);
        int n = 0;
        for (int i = 0; i < all.getLength(); i++) {
            n += ((Element) all.item(i)).getAttribute("class").equals(cls) ? 1 : 0;
        }
        return n;
    }

    @Test
    void theGraphPngIsDrawnFromTheModelAtTwiceTheResolution() throws Exception {
        GraphPane pane = view.graphPane();
        waitForLayout(pane);
        Path png = dir.resolve("graph.png");
        interact(() -> view.files().exportGraphPng(pane, false, png));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(png));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        // the whole graph, not the part the pane shows, at twice the layout's size
        assertEquals((int) Math.ceil(pane.graphLayout().width() * 2), image.getWidth());
        var w1 = pane.graphLayout().box("W1");
        // W1's card (parameter fill) is where the layout put it, at twice the scale, below the title
        int rgb = image.getRGB((int) ((w1.x() + 3) * 2), (int) ((w1.y() + 30 + 2) * 2)) & 0xFFFFFF;
        assertEquals(dev.backprop.playground.graph.NodePalette.fill(NodeKind.PARAMETER, false), rgb,
                Integer.toHexString(rgb));
    }

    @Test
    void theViewToggleShowsNeuronsWithTheirWeightsAndBackTensors() throws Exception {
        GraphPane pane = view.graphPane();
        waitForLayout(pane);
        assertTrue(lookup("#view-tensors").queryAs(javafx.scene.control.ToggleButton.class).isSelected(),
                "2-50-1 opens as tensors");
        clickOn("#view-neurons");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.graph().isNeuronView());
        waitForLayout(pane);
        assertTrue(lookup("#view-neurons").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        assertEquals(pane.graph().size(), pane.drawnNodeCount());
        assertTrue(pane.graph().contains("h1.8") && pane.graph().contains("h1.more"), "8 of 50 units and one for the rest");
        // the pointer on an edge's middle shows its weight
        GraphModel.Edge e = new GraphModel.Edge("x1", "h1.1");
        var a = pane.centreOf("x1");
        var b = pane.centreOf("h1.1");
        var w = pane.weightAt((a.getX() + b.getX()) / 2, (a.getY() + b.getY()) / 2);
        assertEquals(pane.graph().weight(e), w);
        assertEquals("W1[1,1]", w.name());
        // a click on "+42 more" shows up to 32 units of that layer
        interact(() -> pane.reveal("h1.more"));
        var more = pane.localToScreen(pane.centreOf("h1.more"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> pane.nodeAt(pane.centreOf("h1.more").getX(),
                pane.centreOf("h1.more").getY()) != null);
        clickOn(more);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.graph().contains("h1.32"));
        assertEquals("+18 more", pane.graph().node("h1.more").label());
        clickOn("#view-tensors");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !pane.graph().isNeuronView());
    }
}
