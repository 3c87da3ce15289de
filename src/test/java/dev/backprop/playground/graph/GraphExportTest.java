package dev.backprop.playground.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.nn.Trainer;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.engine.value.Value;
import dev.backprop.playground.expr.Evaluator;
import dev.backprop.playground.expr.Presets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GraphExportTest {
    @TempDir
    Path dir;

    /** A parsed node of the SVG: id, classes, compartments' text, box. */
    record SvgNode(String id, String classes, Map<String, String> texts, double x, double y, double w, double h) {
    }

    static List<SvgNode> parseNodes(Document doc) {
        List<SvgNode> out = new ArrayList<>();
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (!g.getAttribute("id").startsWith("node-")) {
                continue;
            }
            Map<String, String> texts = new HashMap<>();
            NodeList ts = g.getElementsByTagName("text");
            for (int k = 0; k < ts.getLength(); k++) {
                Element t = (Element) ts.item(k);
                texts.put(t.getAttribute("class"), t.getTextContent());
            }
            out.add(new SvgNode(g.getAttribute("id").substring(5), g.getAttribute("class"), texts,
                    Double.parseDouble(g.getAttribute("data-x")), Double.parseDouble(g.getAttribute("data-y")),
                    Double.parseDouble(g.getAttribute("data-w")), Double.parseDouble(g.getAttribute("data-h"))));
        }
        return out;
    }

    static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void seedGraphExportsParsesBackWithSevenRecords() throws Exception {
        Evaluator.Program p = Evaluator.run(Presets.SEED_GRAPH.script(), null);
        p.output().backward();
        Value e = p.bindings().get("e");
        GraphModel g = ValueGraphBuilder.build(p.output(), Set.of(), null, e);
        Path file = dir.resolve("seed.svg");
        SvgExport.write(file, g);
        Document doc = parse(file);
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals("1.1", doc.getDocumentElement().getAttribute("version"));

        List<SvgNode> nodes = parseNodes(doc);
        Map<String, SvgNode> records = new HashMap<>();
        int circles = 0;
        for (SvgNode n : nodes) {
            if (n.texts().containsKey("label")) {
                records.put(n.texts().get("label"), n);
            } else {
                circles++;
            }
        }
        assertEquals(Set.of("a", "b", "c", "f", "e", "d", "L"), records.keySet());
        assertEquals(3, circles, "*, +, *");
        String[][] expected = {{"a", "2.0000", "6.0000"}, {"b", "-3.0000", "-4.0000"}, {"c", "10.0000", "-2.0000"},
            {"f", "-2.0000", "4.0000"}, {"e", "-6.0000", "-2.0000"}, {"d", "4.0000", "-2.0000"}, {"L", "-8.0000", "1.0000"}};
        for (String[] row : expected) {
            SvgNode n = records.get(row[0]);
            assertEquals("data " + row[1], n.texts().get("data"), row[0]);
            assertEquals("grad " + row[2], n.texts().get("grad"), row[0]);
        }
        assertTrue(records.get("e").classes().contains("highlighted"));
        assertFalse(records.get("d").classes().contains("highlighted"));

        // edges point from inputs to consumers: a -> (*) -> e
        Map<String, String> labelOf = new HashMap<>();
        nodes.forEach(n -> labelOf.put(n.id(), n.texts().getOrDefault("label", "op")));
        NodeList paths = doc.getElementsByTagName("path");
        int edges = 0;
        int flow = 0;
        boolean aFeedsOp = false;
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            if (!path.getAttribute("class").startsWith("edge")) {
                continue;
            }
            edges++;
            if (path.getAttribute("class").startsWith("edge flow")) {
                // e's gradient came back from d through the + op: d's op -> d and e -> d's op
                flow++;
                assertEquals("edge flow backward", path.getAttribute("class"), "a gradient flows backward");
                assertEquals("url(#arrow-flow)", path.getAttribute("marker-end"));
                assertTrue(Set.of("e", "op").contains(labelOf.get(path.getAttribute("data-from"))));
                // drawn from the consumer to the producer: the arrowhead (the path's end) is at the producer
                String[] d = path.getAttribute("d").split(" ");
                double endX = Double.parseDouble(d[d.length - 2]);
                double endY = Double.parseDouble(d[d.length - 1]); // path and boxes: the same layout units
                SvgNode producer = nodes.stream().filter(n -> n.id().equals(path.getAttribute("data-from"))).findFirst()
                        .orElseThrow();
                SvgNode consumer = nodes.stream().filter(n -> n.id().equals(path.getAttribute("data-to"))).findFirst()
                        .orElseThrow();
                assertTrue(onBorder(producer, endX, endY), "arrowhead at " + endX + "," + endY + " on " + producer);
                assertFalse(onBorder(consumer, endX, endY), "not at the consumer " + consumer);
                continue;
            }
            assertEquals("url(#arrow)", path.getAttribute("marker-end"));
            if (labelOf.get(path.getAttribute("data-from")).equals("a")) {
                aFeedsOp = true;
                String opId = path.getAttribute("data-to");
                assertEquals("op", labelOf.get(opId));
                assertTrue(g.consumersOf(opId).stream().anyMatch(c -> g.node(c).label().equals("e")));
            }
        }
        assertTrue(aFeedsOp);
        assertEquals(9, edges, "2 into each op node (6) + 3 from op to value");
        assertEquals(2, flow, "the gradient of the stepped node e flows along two edges");
        assertNoOverlap(nodes);
    }

    /** Whether a point lies on a node's box, its border included (within a unit). */
    private static boolean onBorder(SvgNode n, double x, double y) {
        return x >= n.x() - 1 && x <= n.x() + n.w() + 1 && y >= n.y() - 1 && y <= n.y() + n.h() + 1;
    }

    private static void assertNoOverlap(List<SvgNode> nodes) {
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                SvgNode a = nodes.get(i);
                SvgNode b = nodes.get(j);
                boolean overlap = a.x() < b.x() + b.w() && b.x() < a.x() + a.w() && a.y() < b.y() + b.h() && b.y() < a.y() + a.h();
                assertFalse(overlap, a.id() + " overlaps " + b.id());
            }
        }
    }

    @Test
    void thousandNodeRandomDagHasNoOverlapAndEdgesPointRight() {
        Random r = new Random(5);
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphModel.Edge> edges = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            boolean record = r.nextBoolean();
            nodes.add(new GraphNode("n" + i, "n" + i, record ? NodeKind.VALUE : NodeKind.OP, "+",
                    record ? Tensor.scalar(r.nextGaussian()) : null, null, "", false));
            if (i > 0) {
                int parents = 1 + r.nextInt(2);
                for (int k = 0; k < parents; k++) {
                    int from = Math.max(0, i - 1 - r.nextInt(Math.min(i, 30)));
                    GraphModel.Edge e = new GraphModel.Edge("n" + from, "n" + i);
                    if (!edges.contains(e)) {
                        edges.add(e);
                    }
                }
            }
        }
        GraphModel g = new GraphModel("random", nodes, edges);
        Layout layout = LayeredLayout.layout(g);
        List<Layout.Box> boxes = new ArrayList<>(layout.boxes().values());
        boxes.sort((a, b) -> Double.compare(a.x(), b.x()));
        // sweep by x: compare only boxes whose x ranges can intersect
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size() && boxes.get(j).x() < boxes.get(i).x() + boxes.get(i).w(); j++) {
                assertFalse(boxes.get(i).overlaps(boxes.get(j)), boxes.get(i) + " overlaps " + boxes.get(j));
            }
        }
        for (GraphModel.Edge e : edges) {
            Layout.Box from = layout.box(e.from());
            Layout.Box to = layout.box(e.to());
            assertTrue(from.x() + from.w() <= to.x(), "edge " + e + " points right");
        }
    }

    @Test
    void layoutIsDeterministic() {
        Value L = Evaluator.run(Presets.TINY_MLP.script(), null).output();
        GraphModel g = ValueGraphBuilder.build(L);
        assertEquals(LayeredLayout.layout(g).boxes(), LayeredLayout.layout(g).boxes());
    }

    @Test
    void networkGraphHasTheTensorNodes() {
        Trainer t = Trainer.fromConfig(TrainingConfig.defaults());
        t.step();
        GraphModel g = NetworkGraphBuilder.build(t.network(), t.lastBatchFeatures(), t.lastBatchLabels(), t.lastLoss());
        List<String> ids = g.nodes().stream().map(GraphNode::id).toList();
        assertEquals(List.of("x", "W1", "b1", "matmul1", "add1", "act1", "W2", "b2", "matmul2", "add2", "act2", "y", "loss"), ids);
        assertEquals("relu", g.node("act1").op());
        assertEquals("sigmoid", g.node("act2").op());
        assertEquals(2, g.node("W1").data().rows());
        assertEquals(50, g.node("W1").data().cols());
        assertEquals(t.lastLoss(), g.node("loss").data().first());
        assertEquals(List.of("matmul1", "b1"), g.inputsOf("add1"));
        assertEquals(List.of("act2", "y"), g.inputsOf("loss"));
        // the W1 grad in the graph is the network's own gradient
        assertEquals(t.network().parameters().get(0).grad().get(1, 7), g.node("W1").grad().get(1, 7));
        // matmul + b = z
        assertEquals(g.node("add1").data().get(0, 3), g.node("matmul1").data().get(0, 3) + g.node("b1").data().get(0, 3), 1e-12);
    }

    @Test
    void aMiniBatchIsShownAsBatchMeansWithTheMeanPerExampleGradient() {
        Trainer t = Trainer.fromConfig(TrainingConfig.defaults().withBatchSize(16));
        t.step();
        var x = t.lastBatchFeatures();
        GraphModel g = NetworkGraphBuilder.build(t.network(), x, t.lastBatchLabels(), t.lastLoss());
        assertTrue(g.title().contains("batch means over the last batch of 16"), g.title());
        Tensor shown = g.node("x").data();
        assertEquals(1, shown.rows());
        double mean = 0;
        for (int r = 0; r < 16; r++) {
            mean += x.get(r, 1) / 16;
        }
        assertEquals(mean, shown.get(0, 1), 1e-12);
        assertEquals(1, g.node("act1").data().rows(), "h1 is one mean row, not 16");
        // z = xW + b: the mean of each example's dloss_i/dz_i is dL/db, computed by the network itself
        double[] dLdb1 = t.network().parameters().get(1).grad().data;
        for (int c = 0; c < 50; c++) {
            assertEquals(dLdb1[c], g.node("add1").grad().get(0, c), 1e-12);
        }
        // means are linear: mean(z) = mean(xW) + b
        assertEquals(g.node("add1").data().get(0, 3), g.node("matmul1").data().get(0, 3) + g.node("b1").data().get(0, 3), 1e-12);
        assertEquals(2, g.node("W1").data().rows(), "parameters are shown whole");
    }

    @Test
    void failedExportLeavesNoFileAndKeepsTheOldOne() throws IOException {
        GraphModel g = ValueGraphBuilder.build(Value.of(1, "a").mul(2));
        assertThrows(IOException.class, () -> SvgExport.write(dir.resolve("no/such/dir/g.svg"), g));

        Path target = dir.resolve("g.svg");
        Files.writeString(target, "previous export");
        Layout layout = LayeredLayout.layout(g);
        // the stream dies half way through the document
        assertThrows(IOException.class, () -> dev.backprop.playground.io.AtomicFile.write(target, out -> {
            SvgExport.write(new java.io.OutputStream() {
                private int written;

                @Override
                public void write(int b) throws IOException {
                    if (++written > 200) {
                        throw new IOException("disk full");
                    }
                    out.write(b);
                }
            }, g, layout);
        }));
        assertEquals("previous export", Files.readString(target));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList(), "no temporary file left behind");
        }
    }

    @Test
    void numberFormatLikeDrawDot() {
        assertEquals("4.0000", NumberFormat.fixed4(4));
        assertEquals("-2.0000", NumberFormat.fixed4(-2));
        assertEquals("0.0000", NumberFormat.fixed4(0));
        assertEquals("1.2346e-07", NumberFormat.fixed4(1.23456e-7));
        assertEquals("3.0000e+08", NumberFormat.fixed4(3e8));
        assertEquals("2\u00d750 \u20167.082\u2016 [1.499, \u2026]",
                NumberFormat.tensor(Tensor.of(2, 50, filled(100, 1.4988, 7.0816))));
    }

    private static double[] filled(int n, double first, double norm) {
        double[] v = new double[n];
        v[0] = first;
        v[1] = Math.sqrt(norm * norm - first * first);
        return v;
    }
}
