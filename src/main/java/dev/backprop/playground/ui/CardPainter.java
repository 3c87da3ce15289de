package dev.backprop.playground.ui;

import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.NodeCard;
import dev.backprop.playground.graph.NodePalette;
import dev.backprop.playground.graph.PictureCells;
import dev.backprop.playground.graph.PictureStyle;
import dev.backprop.playground.graph.Tensor;
import dev.backprop.playground.graph.Thumbnail;
import dev.backprop.playground.render.Diverging;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws a node's {@link NodeCard} on a canvas: text rows, scalar rows tinted by sign and size,
 * tensor heatmaps, dividers; and, for exports, the card's fill and outline, which GraphStream
 * draws on screen. The same card the SVG export draws, so the screen, the PNG and the SVG agree.
 * Heatmaps are cached as small images per tensor: a repaint only scales them.
 */
final class CardPainter {
    /** Below this many pixels text is not drawn at all (only ever reached by exports of huge graphs). */
    private static final double MIN_TEXT_PX = 3;

    private final Map<Object, Image> pictures = new IdentityHashMap<>();
    private boolean dark;
    private Font font = Font.font("Monospaced", NodeCard.FONT_SIZE);
    private Font headingFont = Font.font("Monospaced", FontWeight.BOLD, NodeCard.FONT_SIZE);

    void setDark(boolean dark) {
        this.dark = dark;
    }

    /** Forgets cached heatmaps: call when a new graph arrives (its tensors are new objects). */
    void newFrame() {
        pictures.clear();
    }

    /** The card's fill and outline at (x, y) with {@code scale} pixels per graph unit. */
    void frame(GraphicsContext g, GraphNode n, NodeCard card, double x, double y, double scale, boolean picked) {
        double w = card.width() * scale;
        double h = card.height() * scale;
        double arc = card.pill() ? h : 0;
        g.setFill(rgb(NodePalette.fill(n.kind(), dark)));
        g.fillRoundRect(x, y, w, h, arc, arc);
        int stroke = n.highlighted() ? NodePalette.step(dark) : picked ? NodePalette.picked(dark) : NodePalette.ink(dark);
        g.setStroke(rgb(stroke));
        g.setLineWidth((n.highlighted() || picked ? 3 : 1) * Math.max(1, scale / 2));
        g.strokeRoundRect(x, y, w, h, arc, arc);
    }

    /** The card's rows at (x, y), its top-left corner in pixels, {@code scale} pixels per graph unit. */
    void content(GraphicsContext g, GraphNode n, NodeCard card, double x, double y, double scale) {
        double w = card.width() * scale;
        double fontPx = NodeCard.FONT_SIZE * scale;
        int fill = NodePalette.fill(n.kind(), dark);
        Color ink = rgb(NodePalette.ink(dark));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        if (card.thumbnail() != null) {
            double[] t = card.thumbnailBox();
            Image img = pictures.computeIfAbsent(card.thumbnail(), k -> image(card.thumbnail()));
            g.setImageSmoothing(true);
            g.drawImage(img, x + t[0] * scale, y + t[1] * scale, t[2] * scale, t[2] * scale);
            g.setStroke(Color.gray(0.55));
            g.setLineWidth(0.5);
            g.strokeRect(x + t[0] * scale, y + t[1] * scale, t[2] * scale, t[2] * scale);
        }
        g.setLineWidth(Math.max(0.5, scale * 0.6));
        for (NodeCard.Row row : card.rows()) {
            double ry = y + row.y() * scale;
            double rh = row.h() * scale;
            if (!Double.isNaN(row.tint())) {
                // inset by a pixel: GraphStream's outline stays visible
                g.setFill(rgb(Diverging.tint(fill, row.tint())));
                g.fillRect(x + Math.max(1, row.left() * scale), ry, w - 1 - Math.max(1, row.left() * scale),
                        rh - (row == card.rows().get(card.rows().size() - 1) ? 1 : 0));
            }
            if (row.y() > 0 && !row.isStrip()) {
                g.setStroke(ink);
                g.strokeLine(x + row.left() * scale, ry, x + w, ry);
            }
            if (row.hasPicture()) {
                picture(g, row, x + row.pictureX() * scale, ry + row.pictureTop() * scale, row.pictureW() * scale,
                        row.pictureHeight() * scale);
            }
            if (fontPx >= MIN_TEXT_PX && !row.text().isEmpty()) {
                g.setFill(ink);
                g.setFont(font(fontPx, row.heading()));
                // maxWidth squeezes rather than letting a wider screen font spill out of the card
                g.fillText(row.text(), x + row.textCentre(card.width()) * scale, ry + rh / 2,
                        Math.max(1, row.textWidth(card.width()) * scale));
            }
        }
    }

    private void picture(GraphicsContext g, NodeCard.Row row, double x, double y, double w, double h) {
        Image img = pictures.computeIfAbsent(row.picture(), k -> image(row.picture(), row.style()));
        g.setImageSmoothing(false);
        g.drawImage(img, x, y, w, h);
        g.setStroke(Color.gray(0.55));
        g.setLineWidth(0.5);
        g.strokeRect(x, y, w, h);
    }

    /** One pixel per picture cell (grey while pending); drawn scaled without smoothing. */
    private static Image image(Tensor t, PictureStyle style) {
        PictureCells cells = PictureCells.of(t, style);
        int[] argb = new int[cells.rows() * cells.cols()];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | cells.rgb()[i];
        }
        WritableImage img = new WritableImage(cells.cols(), cells.rows());
        img.getPixelWriter().setPixels(0, 0, cells.cols(), cells.rows(), PixelFormat.getIntArgbInstance(), argb, 0, cells.cols());
        return img;
    }

    /** A neuron's picture: one pixel per grid cell, smoothed when scaled (it is a continuous surface). */
    static Image image(Thumbnail t) {
        int[] argb = t.argb();
        WritableImage img = new WritableImage(t.size(), t.size());
        img.getPixelWriter().setPixels(0, 0, t.size(), t.size(), PixelFormat.getIntArgbInstance(), argb, 0, t.size());
        return img;
    }

    private Font font(double px, boolean heading) {
        if (font.getSize() != px) {
            font = Font.font("Monospaced", px);
            headingFont = Font.font("Monospaced", FontWeight.BOLD, px);
        }
        return heading ? headingFont : font;
    }

    static Color rgb(int rgb) {
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }
}
