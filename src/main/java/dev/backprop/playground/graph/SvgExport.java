package dev.backprop.playground.graph;

import dev.backprop.playground.io.AtomicFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A graph as a standalone SVG 1.1 file, drawn like seed 001's draw_dot: records
 * {@code label | data | grad}, op nodes as small circles, edges left to right with arrowheads, the
 * highlighted node outlined, a title on top and a legend line at the bottom.
 */
public final class SvgExport {
    private static final String NS = "http://www.w3.org/2000/svg";
    private static final double TITLE_HEIGHT = 30;
    private static final double LEGEND_HEIGHT = 28;
    private static final String LEGEND = "data: the value computed in the forward pass \u00b7 "
            + "grad: d(output)/d(node), computed by backprop \u00b7 \u2013: not computed yet";

    /** Fill colours by kind, the same hues as the app's graph pane. */
    private static final Map<NodeKind, String> FILL = Map.of(
            NodeKind.INPUT, "#e3eefb",
            NodeKind.PARAMETER, "#fdf0d5",
            NodeKind.OP, "#eeeeee",
            NodeKind.VALUE, "#ffffff",
            NodeKind.LOSS, "#fbe0e0");

    private SvgExport() {
    }

    /** Lays out {@code graph} and writes it to {@code file} atomically: a failure leaves no file. */
    public static void write(Path file, GraphModel graph) throws IOException {
        Layout layout = LayeredLayout.layout(graph);
        AtomicFile.write(file, out -> write(out, graph, layout));
    }

    public static void write(OutputStream stream, GraphModel graph, Layout layout) throws IOException {
        try {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(w);
            double width = Math.max(layout.width(), 560);
            double height = layout.height() + TITLE_HEIGHT + LEGEND_HEIGHT;
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("svg");
            x.writeDefaultNamespace(NS);
            x.writeAttribute("version", "1.1");
            x.writeAttribute("width", num(width));
            x.writeAttribute("height", num(height));
            x.writeAttribute("viewBox", "0 0 " + num(width) + " " + num(height));
            x.writeAttribute("font-family", "DejaVu Sans Mono, Menlo, Consolas, monospace");
            x.writeAttribute("font-size", "12");
            defs(x);
            rect(x, 0, 0, width, height, "#ffffff", "none", 0);
            text(x, 12, 20, graph.title(), "start", "title", "14");

            x.writeStartElement("g");
            x.writeAttribute("transform", "translate(0," + num(TITLE_HEIGHT) + ")");
            for (Layout.Route r : layout.routes()) {
                edge(x, r);
            }
            for (GraphNode n : graph.nodes()) {
                node(x, n, layout.box(n.id()));
            }
            x.writeEndElement();

            text(x, 12, height - 10, LEGEND, "start", "legend", "11");
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
        x.writeStartElement("marker");
        x.writeAttribute("id", "arrow");
        x.writeAttribute("viewBox", "0 0 10 10");
        x.writeAttribute("refX", "10");
        x.writeAttribute("refY", "5");
        x.writeAttribute("markerWidth", "7");
        x.writeAttribute("markerHeight", "7");
        x.writeAttribute("orient", "auto");
        x.writeEmptyElement("path");
        x.writeAttribute("d", "M 0 0 L 10 5 L 0 10 z");
        x.writeAttribute("fill", "#555555");
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void edge(XMLStreamWriter x, Layout.Route r) throws XMLStreamException {
        double[] p = r.points();
        StringBuilder d = new StringBuilder("M ").append(num(p[0])).append(' ').append(num(p[1]));
        for (int i = 2; i + 1 < p.length; i += 2) {
            d.append(" L ").append(num(p[i])).append(' ').append(num(p[i + 1]));
        }
        x.writeEmptyElement("path");
        x.writeAttribute("class", "edge");
        x.writeAttribute("data-from", r.edge().from());
        x.writeAttribute("data-to", r.edge().to());
        x.writeAttribute("d", d.toString());
        x.writeAttribute("fill", "none");
        x.writeAttribute("stroke", "#555555");
        x.writeAttribute("stroke-width", "1.2");
        x.writeAttribute("marker-end", "url(#arrow)");
    }

    private static void node(XMLStreamWriter x, GraphNode n, Layout.Box b) throws XMLStreamException {
        x.writeStartElement("g");
        x.writeAttribute("id", "node-" + n.id());
        x.writeAttribute("class", "node " + n.kind().name().toLowerCase(Locale.ROOT) + (n.highlighted() ? " highlighted" : ""));
        x.writeAttribute("data-x", num(b.x()));
        x.writeAttribute("data-y", num(b.y()));
        x.writeAttribute("data-w", num(b.w()));
        x.writeAttribute("data-h", num(b.h()));
        String stroke = n.highlighted() ? "#e8590c" : "#333333";
        double strokeWidth = n.highlighted() ? 3 : 1;
        x.writeStartElement("title");
        x.writeCharacters(n.formula().isEmpty() ? String.join(" | ", n.hasValue() ? n.compartments() : new String[] {n.op()}) : n.formula());
        x.writeEndElement();
        if (!n.hasValue()) {
            x.writeEmptyElement("circle");
            x.writeAttribute("cx", num(b.centerX()));
            x.writeAttribute("cy", num(b.centerY()));
            x.writeAttribute("r", num(b.w() / 2));
            x.writeAttribute("fill", FILL.get(n.kind()));
            x.writeAttribute("stroke", stroke);
            x.writeAttribute("stroke-width", num(strokeWidth));
            text(x, b.centerX(), b.centerY() + 4, n.op(), "middle", "op", n.op().length() > 3 ? "9" : "13");
        } else {
            rect(x, b.x(), b.y(), b.w(), b.h(), FILL.get(n.kind()), stroke, strokeWidth);
            String[] parts = n.compartments();
            double[][] cells = NodeGeometry.compartmentBoxes(n);
            String[] classes = {"label", "data", "grad"};
            for (int i = 0; i < parts.length; i++) {
                double[] c = cells[i];
                if (i > 0) {
                    boolean stacked = NodeGeometry.stacked(n);
                    x.writeEmptyElement("line");
                    x.writeAttribute("x1", num(b.x() + c[0]));
                    x.writeAttribute("y1", num(b.y() + c[1]));
                    x.writeAttribute("x2", num(b.x() + c[0] + (stacked ? c[2] : 0)));
                    x.writeAttribute("y2", num(b.y() + c[1] + (stacked ? 0 : c[3])));
                    x.writeAttribute("stroke", "#333333");
                }
                text(x, b.x() + c[0] + c[2] / 2, b.y() + c[1] + c[3] / 2 + 4, parts[i], "middle", classes[i], null);
            }
        }
        x.writeEndElement();
    }

    private static void rect(XMLStreamWriter x, double rx, double ry, double w, double h, String fill, String stroke,
                             double strokeWidth) throws XMLStreamException {
        x.writeEmptyElement("rect");
        x.writeAttribute("x", num(rx));
        x.writeAttribute("y", num(ry));
        x.writeAttribute("width", num(w));
        x.writeAttribute("height", num(h));
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

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
