package dev.backprop.playground.ui;

import dev.backprop.playground.train.Snapshot;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * What the loss chart draws of the timeline over its curves: a flag at every setting change with
 * what changed, the cursor of the step being scrubbed, and the pinned runs' final boundaries. Text
 * is 11 px or more.
 */
final class TimelineOverlay {
    private static final double TEXT = 11;
    private static final double THUMB = 54;

    private TimelineOverlay() {
    }

    static void draw(GraphicsContext g, Snapshot.TimelineView timeline, List<PinnedRun> pins, DoubleUnaryOperator x,
                     double left, double top, double pw, double ph, Color ink) {
        g.setFont(Font.font(TEXT));
        g.setTextBaseline(VPos.BASELINE);
        if (timeline != null) {
            marks(g, timeline.marks(), x, top, ph, ink);
        }
        pins(g, pins, left + pw, top, ink);
        if (timeline != null && timeline.scrubbing()) {
            cursor(g, timeline.scrubbed(), x.applyAsDouble(timeline.scrubbed()), left, top, pw, ph);
        }
    }

    /** A small flag at the top of the plot per step with changes, labelled when there is room. */
    private static void marks(GraphicsContext g, List<Snapshot.Mark> marks, DoubleUnaryOperator x, double top, double ph,
                              Color ink) {
        double labelEnd = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < marks.size(); i++) {
            Snapshot.Mark m = marks.get(i);
            StringBuilder text = new StringBuilder(m.text());
            while (i + 1 < marks.size() && marks.get(i + 1).step() == m.step()) {
                text.append(", ").append(marks.get(++i).text());
            }
            double px = x.applyAsDouble(m.step());
            g.setStroke(ink.deriveColor(0, 1, 1, 0.35));
            g.setLineWidth(1);
            g.setLineDashes(2, 3);
            g.strokeLine(px, top, px, top + ph);
            g.setLineDashes();
            g.setFill(ink);
            g.fillPolygon(new double[] {px - 5, px + 5, px}, new double[] {top, top, top + 7}, 3);
            double width = TextWidth.of(text.toString(), g.getFont());
            if (px + 3 > labelEnd) {
                // on a backing of the plot's colour: readable over the curves and the grid's lines
                g.setFill(ink.getBrightness() < 0.5 ? Color.color(1, 1, 1, 0.8) : Color.color(0, 0, 0, 0.6));
                g.fillRect(px + 1, top + 8, width + 4, TEXT + 3);
                g.setFill(ink);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(text.toString(), px + 3, top + 19);
                labelEnd = px + 3 + width + 6;
            }
        }
    }

    private static void cursor(GraphicsContext g, long step, double px, double left, double top, double pw, double ph) {
        g.setStroke(LossChartPane.CURSOR);
        g.setLineWidth(2);
        g.strokeLine(px, top, px, top + ph);
        Font bold = Font.font(null, FontWeight.BOLD, 12);
        g.setFont(bold);
        String text = String.format(Locale.ROOT, "step %,d", step);
        double w = TextWidth.of(text, bold) + 10;
        double bx = Math.max(left, Math.min(left + pw - w, px - w / 2));
        g.setFill(LossChartPane.CURSOR);
        g.fillRoundRect(bx, top + ph - 20, w, 17, 6, 6);
        g.setFill(Color.WHITE);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(text, bx + w / 2, top + ph - 7);
        g.setFont(Font.font(TEXT));
    }

    /** Each pinned run's final boundary, top right, framed in its curve's colour, with its name. */
    private static void pins(GraphicsContext g, List<PinnedRun> pins, double right, double top, Color ink) {
        for (int i = 0; i < pins.size(); i++) {
            PinnedRun p = pins.get(i);
            Color color = LossChartPane.PIN_COLORS[i % LossChartPane.PIN_COLORS.length];
            double ty = top + 26 + i * (THUMB + 6);
            double tx = right - THUMB - 6;
            if (p.boundary() != null) {
                g.drawImage(p.boundary(), tx, ty, THUMB, THUMB);
            }
            g.setStroke(color);
            g.setLineWidth(2.5);
            g.strokeRect(tx, ty, THUMB, THUMB);
            String name = "pinned: " + p.name();
            double w = TextWidth.of(name, g.getFont());
            g.setFill(Color.color(1, 1, 1, 0.8));
            g.fillRect(tx - w - 10, ty + THUMB / 2 - 10, w + 6, 16);
            g.setFill(color.darker());
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(name, tx - 6, ty + THUMB / 2 + 2);
        }
        g.setFill(ink);
    }

    /** "; lr 0.1" for the marks within {@code tolerance} steps of {@code step}, or empty. */
    static String marksNear(Snapshot.TimelineView timeline, long step, double tolerance) {
        if (timeline == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (Snapshot.Mark m : timeline.marks()) {
            if (Math.abs(m.step() - step) <= Math.max(tolerance, 0)) {
                out.append(String.format(Locale.ROOT, "; at step %d: %s", m.step(), m.text()));
            }
        }
        return out.toString();
    }
}
