package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code train --out} on image data: graph.svg draws the input x as the picture it is, pixel for pixel. */
class ImageGraphSvgTest {
    @TempDir
    Path dir;

    @Test
    void graphSvgDrawsTheDigitFedInAsAGreyRaster() throws Exception {
        // batch 1: the x card holds one example, which is a row of dataset.csv
        TrainCommandTest.Result r = TrainCommandTest.run("train", "--dataset", "digits", "--hidden", "8", "--batch", "1",
                "--steps", "20", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("graph.svg").toFile());
        Element x = null;
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("id").equals("node-x")) {
                x = g;
            }
        }
        assertNotNull(x, "the x card");
        assertEquals("x  8\u00d78", text(x, "label"));
        Element pixels = group(x, "image pixels");
        Element gradient = group(x, "image gradient");
        assertEquals("8", pixels.getAttribute("data-rows"));
        assertEquals("8", pixels.getAttribute("data-cols"));
        assertEquals(64, cells(gradient).size(), "dL/dx at the image's shape");

        // every cell a grey, dark on white: the pixel is 1 - grey / 255
        List<Element> cells = cells(pixels);
        assertEquals(64, cells.size());
        double[] shown = new double[64];
        for (int k = 0; k < 64; k++) {
            String fill = cells.get(k).getAttribute("fill");
            int rgb = Integer.parseInt(fill.substring(1), 16);
            int red = rgb >> 16;
            assertTrue(red == (rgb >> 8 & 0xFF) && red == (rgb & 0xFF), "a grey: " + fill);
            shown[k] = 1 - red / 255.0;
        }
        // the cells run row by row, left to right: they match one example of the data, pixel for pixel
        List<String> lines = Files.readAllLines(dir.resolve("dataset.csv"));
        boolean found = false;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            boolean same = true;
            for (int k = 0; k < 64 && same; k++) {
                same = Math.abs(Double.parseDouble(f[k]) - shown[k]) <= 0.5 / 255 + 1e-9;
            }
            found |= same;
        }
        assertTrue(found, "the x card's pixels are an example of the data set");
        double ink = 0;
        for (double v : shown) {
            ink += v;
        }
        assertTrue(ink > 5, "a digit has ink: " + ink);
    }

    private static String text(Element node, String cls) {
        NodeList texts = node.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            if (t.getAttribute("class").equals(cls)) {
                return t.getTextContent();
            }
        }
        return null;
    }

    private static Element group(Element node, String cls) {
        NodeList gs = node.getElementsByTagName("g");
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            if (g.getAttribute("class").equals(cls)) {
                return g;
            }
        }
        throw new AssertionError("no group " + cls);
    }

    /** A picture's cells: its rects but the frame (no fill). */
    private static List<Element> cells(Element picture) {
        List<Element> out = new ArrayList<>();
        NodeList rects = picture.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (!r.getAttribute("fill").equals("none")) {
                out.add(r);
            }
        }
        return out;
    }
}
