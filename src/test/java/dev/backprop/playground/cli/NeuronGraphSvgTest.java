package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code train --graph neurons} draws the neuron view in graph.svg: named units, pictures, weights. */
class NeuronGraphSvgTest {
    @TempDir
    Path dir;

    @Test
    void graphSvgDrawsEveryUnitWithItsPictureAndEveryWeight() throws Exception {
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--dataset", "circles", "--samples", "200",
                "--hidden", "4,3", "--activation", "tanh", "--steps", "200", "--graph", "neurons", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("graph.svg").toFile());
        List<String> labels = new ArrayList<>();
        NodeList texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            if (t.getAttribute("class").equals("label")) {
                labels.add(t.getTextContent().split(" ")[0]);
            }
        }
        assertTrue(labels.containsAll(List.of("x1", "x2", "h1.1", "h1.4", "h2.1", "h2.3", "out", "L")), labels.toString());
        assertEquals(2 + 4 + 3 + 1, doc.getElementsByTagName("image").getLength(), "one picture per unit and input");
        int weights = 0;
        NodeList paths = doc.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            if (p.hasAttribute("data-weight")) {
                weights++;
                double w = Double.parseDouble(p.getAttribute("data-weight"));
                assertEquals(1 + 9 * Math.min(5, Math.abs(w)) / 5, Double.parseDouble(p.getAttribute("stroke-width")), 0.06);
                assertEquals(w < 0 ? "#2f6db5" : "#c92a2a", p.getAttribute("stroke"));
            }
        }
        assertEquals(2 * 4 + 4 * 3 + 3, weights);
    }

    @Test
    void anUnknownViewIsAUsageError() {
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--graph", "pixels", "--steps", "1");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("tensors, neurons"), r.err());
    }
}
