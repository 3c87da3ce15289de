package dev.backprop.playground.graph;

import dev.backprop.playground.io.AtomicFile;
import dev.backprop.playground.render.Diverging;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A graph as a standalone SVG 1.1 file, the same picture as the app's graph pane: every node a
 * {@link NodeCard} (label / data / grad, tensors with heatmaps of their data and grad, scalar rows
 * tinted by sign and size), op pills, edges with arrowheads along the layout's routes, the stepped
 * node and the edges its value or gradient flows along marked, a title on top and a legend below.
 */
public final class SvgExport {
    private static final String NS = "http://www.w3.org/2000/svg";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final double TITLE_HEIGHT = 30;
    private static final double LEGEND_HEIGHT = 46;
    private static final String LEGEND = "data: the value computed in the forward pass \u00b7 "
            + "grad: d(output)/d(node), computed by backprop \u00b7 \u2013: not computed yet \u00b7 \u2016\u00b7\u2016: norm";
    private static final String COLOURS = "colour: sign and size, each heatmap scaled to its largest |value|; "
            + "scalar rows tinted by tanh(value)";

    private SvgExport() {
    }

    /** Lays out {@code graph} left to right and writes it to {@code file} atomically. */
    public static void write(Path file, GraphModel graph) throws IOException {
        write(file, graph, LayeredLayout.layout(graph));
    }

    /** Writes {@code graph} as {@code layout} places it, atomically: a failure leaves no file. */
    public static void write(Path file, GraphModel graph, Layout layout) throws IOException {
        AtomicFile.write(file, out -> write(out, graph, layout));
    }

    public static void write(OutputStream stream, GraphModel graph, Layout layout) throws IOException {
        try {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(w);
            double width = Math.max(layout.width(), 880);
            double height = layout.height() + TITLE_HEIGHT + LEGEND_HEIGHT;
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("svg");
            x.writeDefaultNamespace(NS);
            x.writeNamespace("xlink", XLINK);
            x.writeAttribute("version", "1.1");
            x.writeAttribute("width", num(width));
            x.writeAttribute("height", num(height));
            x.writeAttribute("viewBox", "0 0 " + num(width) + " " + num(height));
            // spaces kept: a card's lines are monospace columns (the class rows' probabilities line up)
            x.writeAttribute("xml", javax.xml.XMLConstants.XML_NS_URI, "space", "preserve");
            x.writeAttribute("font-family", "DejaVu Sans Mono, Menlo, Consolas, monospace");
            x.writeAttribute("font-size", num(NodeCard.FONT_SIZE));
            defs(x);
            rect(x, 0, 0, width, height, "#ffffff", "none", 0, 0);
            text(x, 12, 20, graph.title(), "start", "title", "14");

            x.writeStartElement("g");
            x.writeAttribute("transform", "translate(0," + num(TITLE_HEIGHT) + ")");
            for (Layout.Route r : layout.routes()) {
                boolean flow = graph.flow().contains(r.edge());
                edge(x, r, flow, flow && graph.flowBackward(), graph.weight(r.edge()));
            }
            for (GraphNode n : graph.nodes()) {
                node(x, n, layout.box(n.id()));
            }
            x.writeEndElement();

            legend(x, height - LEGEND_HEIGHT + 14);
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IOException("could not write SVG: " + e.getMessage(), e);
        }
    }

    private static void defs(XMLStreamWriter x) throws XMLStreamException {
        x.writeStartElement("defs");
        marker(x, "arrow", NodePalette.edge(false));
        marker(x, "arrow-flow", NodePalette.step(false));
        x.writeEndElement();
    }

    private static void marker(XMLStreamWriter x, String id, int colour) throws XMLStreamException {
        x.writeStartElement("marker");
        x.writeAttribute("id", id);
        x.writeAttribute("viewBox", "0 0 10 10");
        x.writeAttribute("refX", "10");
        x.writeAttribute("refY", "5");
        x.writeAttribute("markerWidth", "7");
        x.writeAttribute("markerHeight", "7");
        x.writeAttribute("markerUnits", "userSpaceOnUse");
        x.writeAttribute("orient", "auto");
        x.writeEmptyElement("path");
        x.writeAttribute("d", "M 0 0 L 10 5 L 0 10 z");
        x.writeAttribute("fill", Diverging.hex(colour));
        x.writeEndElement();
    }

    /**
     * An edge; one that carries a weight (neuron view) is coloured by its sign, as wide as |w| says,
     * titled with it. A gradient flowing back ({@code back}) is drawn from the consumer to the
     * producer, so its arrowhead points the way the gradient goes.
     */
    private static void edge(XMLStreamWriter x, Layout.Route r, boolean flow, boolean back, EdgeWeight weight)
            throws XMLStreamException {
        double[] p = back ? reversedPoints(r.points()) : r.points();
        StringBuilder d = new StringBuilder("M ").append(num(p[0])).append(' ').append(num(p[1]));
        for (int i = 2; i + 1 < p.length; i += 2) {
            d.append(" L ").append(num(p[i])).append(' ').append(num(p[i + 1]));
        }
        if (weight != null) {
            x.writeStartElement("path");
        } else {
            x.writeEmptyElement("path");
        }
        x.writeAttribute("class", back ? "edge flow backward" : flow ? "edge flow" : "edge");
        x.writeAttribute("data-from", r.edge().from());
        x.writeAttribute("data-to", r.edge().to());
        x.writeAttribute("d", d.toString());
        x.writeAttribute("fill", "none");
        x.writeAttribute("stroke", Diverging.hex(NodePalette.edgeColour(flow, weight, false)));
        x.writeAttribute("stroke-width", num(NodePalette.edgeWidth(flow, weight)));
        x.writeAttribute("marker-end", flow ? "url(#arrow-flow)" : "url(#arrow)");
        if (weight != null) {
            x.writeAttribute("data-weight", Double.toString(weight.weight()));
            x.writeStartElement("title");
            x.writeCharacters(weight.name() + " = " + NumberFormat.fixed4(weight.weight())
                    + (Double.isNaN(weight.grad()) ? "" : ", dL/dw = " + NumberFormat.fixed4(weight.grad())));
            x.writeEndElement();
            x.writeEndElement();
        }
    }

    /** A polyline's points (x0, y0, x1, y1, ...) from its end to its start. */
    private static double[] reversedPoints(double[] p) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i += 2) {
            out[p.length - 2 - i] = p[i];
            out[p.length - 1 - i] = p[i + 1];
        }
        return out;
    }

    private static void node(XMLStreamWriter x, GraphNode n, Layout.Box b) throws XMLStreamException {
        NodeCard card = NodeCard.of(n);
        int fill = NodePalette.fill(n.kind(), false);
        x.writeStartElement("g");
        x.writeAttribute("id", "node-" + n.id());
        x.writeAttribute("class", "node " + n.kind().name().toLowerCase(Locale.ROOT) + (n.highlighted() ? " highlighted" : ""));
        x.writeAttribute("data-x", num(b.x()));
        x.writeAttribute("data-y", num(b.y()));
        x.writeAttribute("data-w", num(b.w()));
        x.writeAttribute("data-h", num(b.h()));
        x.writeStartElement("title");
        x.writeCharacters(n.formula().isEmpty() ? String.join(" | ", n.hasValue() ? n.compartments() : new String[] {n.op()}) : n.formula());
        x.writeEndElement();
        rect(x, b.x(), b.y(), b.w(), b.h(), Diverging.hex(fill), "none", 0, card.pill() ? b.h() / 2 : 0);
        if (card.thumbnail() != null) {
            double[] t = card.thumbnailBox();
            x.writeEmptyElement("image");
            x.writeAttribute("class", "thumbnail");
            x.writeAttribute("x", num(b.x() + t[0]));
            x.writeAttribute("y", num(b.y() + t[1]));
            x.writeAttribute("width", num(t[2]));
            x.writeAttribute("height", num(t[2]));
            x.writeAttribute("preserveAspectRatio", "none");
            x.writeAttribute("xlink", XLINK, "href", "data:image/png;base64," + png(card.thumbnail()));
        }
        String[] classes = {"label", "data", "grad"};
        int textRow = 0;
        for (NodeCard.Row row : card.rows()) {
            double y = b.y() + row.y();
            if (!Double.isNaN(row.tint())) {
                rect(x, b.x() + row.left(), y, b.w() - row.left(), row.h(), Diverging.hex(Diverging.tint(fill, row.tint())),
                        "none", 0, 0);
            }
            if (row.y() > 0 && !row.isStrip()) {
                line(x, b.x() + row.left(), y, b.x() + b.w(), y);
            }
            if (row.hasPicture()) {
                picture(x, row, b.x() + row.pictureX(), y + row.pictureTop(), row.pictureW(), row.pictureHeight());
            }
            if (row.text().isEmpty()) {
                continue;
            }
            text(x, b.x() + row.textCentre(b.w()), y + row.h() / 2 + 4, row.text(), "middle",
                    card.pill() ? "op" : classes[Math.min(textRow++, 2)], null);
        }
        String stroke = Diverging.hex(n.highlighted() ? NodePalette.step(false) : NodePalette.ink(false));
        rect(x, b.x(), b.y(), b.w(), b.h(), "none", stroke, n.highlighted() ? 3 : 1, card.pill() ? b.h() / 2 : 0);
        x.writeEndElement();
    }

    /**
     * A picture: one rect per cell, grey when the value is not computed yet; an input image's group
     * says its shape ({@code class="image pixels"}, {@code data-rows}, {@code data-cols}).
     */
    private static void picture(XMLStreamWriter x, NodeCard.Row row, double px, double py, double w, double h)
            throws XMLStreamException {
        PictureCells cells = PictureCells.of(row.picture(), row.style());
        x.writeStartElement("g");
        x.writeAttribute("class", switch (row.style()) {
            case HEATMAP -> "heatmap";
            case PIXELS -> "image pixels";
            case IMAGE_GRADIENT -> "image gradient";
        });
        x.writeAttribute("data-rows", Integer.toString(cells.rows()));
        x.writeAttribute("data-cols", Integer.toString(cells.cols()));
        double cw = w / cells.cols();
        double ch = h / cells.rows();
        for (int r = 0; r < cells.rows(); r++) {
            for (int c = 0; c < cells.cols(); c++) {
                x.writeEmptyElement("rect");
                x.writeAttribute("x", num(px + c * cw));
                x.writeAttribute("y", num(py + r * ch));
                x.writeAttribute("width", num(cw + 0.05));
                x.writeAttribute("height", num(ch + 0.05));
                x.writeAttribute("fill", Diverging.hex(cells.rgb(r, c)));
            }
        }
        rect(x, px, py, w, h, "none", "#888888", 0.5, 0);
        x.writeEndElement();
    }

    /** The legend: what data and grad mean, and the palette from -1 to +1. */
    private static void legend(XMLStreamWriter x, double y) throws XMLStreamException {
        text(x, 12, y, LEGEND, "start", "legend", "11");
        double sx = 12;
        text(x, sx, y + 20, "\u2212", "start", "legend", "12");
        for (int i = 0; i <= 20; i++) {
            rect(x, sx + 12 + i * 6, y + 10, 6.2, 12, Diverging.hex(Diverging.rgb(-1 + i / 10.0)), "none", 0, 0);
        }
        text(x, sx + 12 + 21 * 6 + 4, y + 20, "+", "start", "legend", "12");
        text(x, sx + 12 + 21 * 6 + 20, y + 20, COLOURS, "start", "legend", "11");
    }

    private static void line(XMLStreamWriter x, double x1, double y1, double x2, double y2) throws XMLStreamException {
        x.writeEmptyElement("line");
        x.writeAttribute("x1", num(x1));
        x.writeAttribute("y1", num(y1));
        x.writeAttribute("x2", num(x2));
        x.writeAttribute("y2", num(y2));
        x.writeAttribute("stroke", "#333333");
        x.writeAttribute("stroke-width", "0.6");
    }

    private static void rect(XMLStreamWriter x, double rx, double ry, double w, double h, String fill, String stroke,
                             double strokeWidth, double radius) throws XMLStreamException {
        x.writeEmptyElement("rect");
        x.writeAttribute("x", num(rx));
        x.writeAttribute("y", num(ry));
        x.writeAttribute("width", num(w));
        x.writeAttribute("height", num(h));
        if (radius > 0) {
            x.writeAttribute("rx", num(radius));
        }
        x.writeAttribute("fill", fill);
        x.writeAttribute("stroke", stroke);
        if (strokeWidth > 0) {
            x.writeAttribute("stroke-width", num(strokeWidth));
        }
    }

    private static void text(XMLStreamWriter x, double tx, double ty, String s, String anchor, String cls, String size)
            throws XMLStreamException {
        x.writeStartElement("text");
        x.writeAttribute("class", cls);
        x.writeAttribute("x", num(tx));
        x.writeAttribute("y", num(ty));
        x.writeAttribute("text-anchor", anchor);
        if (size != null) {
            x.writeAttribute("font-size", size);
        }
        x.writeStartElement("tspan");
        x.writeCharacters(s);
        x.writeEndElement();
        x.writeEndElement();
    }

    /** A neuron's picture as a base64 PNG, one pixel per grid cell (viewers scale it). */
    private static String png(Thumbnail t) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(t.size(), t.size(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, t.size(), t.size(), t.argb(),
                0, t.size());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
