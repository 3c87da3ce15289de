package dev.backprop.playground.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * What one node's card shows, row by row, and how big it is. A scalar value is a stacked record
 * {@code label / data / grad} (narrower than draw_dot's one-line record); a tensor shows its
 * data's and its grad's norms, each over a heatmap strip; an op without a value
 * (a Value graph's +, *, tanh) is a pill with its symbol. The layout sizes boxes from it and the
 * screen, the PNG and the SVG all draw it, so they show the same picture. Sizes depend only on the
 * node's label and shape, never on its numbers: a layout stays valid while values change.
 */
public record NodeCard(double width, double height, boolean pill, List<Row> rows, Thumbnail thumbnail) {
    /** Every text of a card is drawn at this size in graph units: on screen, size times zoom. */
    public static final double FONT_SIZE = 12;
    /** Advance of one character of the monospace font at {@link #FONT_SIZE}, with a little slack. */
    public static final double CHAR_WIDTH = 7.4;
    public static final double PADDING = 8;
    public static final double ROW_HEIGHT = 18;
    /** A tensor's line of text over its heatmap strip. */
    public static final double TEXT_ROW_HEIGHT = 15;
    /** A tensor's heatmap strip, under its line of text, at least. */
    public static final double STRIP_HEIGHT = 12;
    /** A heatmap cell at least this wide and this high, up to the picture's cells: a 784x100 W1 stays legible. */
    static final double CELL_WIDTH = 2;
    static final double CELL_HEIGHT = 3;
    /** An input image's side on its card: whole units per pixel for 28x28 (2) and 8x8 (7). */
    public static final double IMAGE_SIDE = 56;
    public static final double PILL_HEIGHT = 30;
    /** Room for a neuron row: {@code dL/da -1.2346e-07}. */
    static final int NEURON_CHARS = 17;
    /** "  b " and the longest short number ({@code -1.23e-05}). */
    static final int BIAS_CHARS = 4 + 9;
    /** Room for the longest number a row shows: {@code grad -1.2346e-07}. */
    static final int VALUE_CHARS = 16;
    /** Room for a tensor row's text: {@code grad ‖1.23e-05‖}. */
    static final int TENSOR_TEXT_CHARS = 15;
    /** Longer labels (a lab expression) are cut with an ellipsis; the inspector shows them whole. */
    static final int MAX_LABEL_CHARS = 36;

    public NodeCard {
        rows = List.copyOf(rows);
    }

    public NodeCard(double width, double height, boolean pill, List<Row> rows) {
        this(width, height, pill, rows, null);
    }

    /** Where the thumbnail goes, from the card's top-left corner: {x, y, side}. */
    public double[] thumbnailBox() {
        return new double[] {PADDING / 2, PADDING / 2, height - PADDING};
    }

    /**
     * One row of a card, at {@code y} from the card's top and {@code h} high: a line of text
     * centred in the row's text area, and for a tensor a heatmap of {@code picture} at
     * {@code pictureX} from the card's left, {@code pictureW} wide (the text area ends where it
     * starts). {@code tint} is the value whose sign and size tint a scalar row (NaN: no tint);
     * {@code heading} marks the label row; {@code style} how the picture is drawn.
     */
    public record Row(double y, double h, String text, Tensor picture, double pictureX, double pictureW, double tint,
                      boolean heading, double left, PictureStyle style) {
        public Row(double y, double h, String text, Tensor picture, double pictureX, double pictureW, double tint,
                   boolean heading, double left) {
            this(y, h, text, picture, pictureX, pictureW, tint, heading, left, PictureStyle.HEATMAP);
        }

        public Row(double y, double h, String text, Tensor picture, double pictureX, double pictureW, double tint,
                   boolean heading) {
            this(y, h, text, picture, pictureX, pictureW, tint, heading, 0);
        }

        public boolean hasPicture() {
            return picture != null;
        }

        /** A heatmap strip under the line above it: no text, no divider between the two. */
        public boolean isStrip() {
            return hasPicture() && text.isEmpty();
        }

        /** The heatmap's top, from the row's top: a strip fills its row, a picture beside text is inset. */
        public double pictureTop() {
            return isStrip() ? 1 : 3;
        }

        public double pictureHeight() {
            return h - (isStrip() ? 3 : 6);
        }

        /** Where the row's text is centred, from the card's left, in a card {@code cardWidth} wide. */
        public double textCentre(double cardWidth) {
            return left + ((hasPicture() ? pictureX : cardWidth) - left) / 2 + (hasPicture() ? PADDING / 4 : 0);
        }

        /** How wide the row's text may be. */
        public double textWidth(double cardWidth) {
            return (hasPicture() ? pictureX : cardWidth) - left - PADDING;
        }
    }

    public static NodeCard of(GraphNode n) {
        if (n.neuron() != null) {
            return neuron(n);
        }
        if (!n.hasValue()) {
            double w = Math.max(PILL_HEIGHT, n.op().length() * CHAR_WIDTH + 2 * PADDING);
            return new NodeCard(w, PILL_HEIGHT, true, List.of(new Row(0, PILL_HEIGHT, n.op(), null, 0, 0, Double.NaN, true)));
        }
        Tensor data = n.data();
        if (isImage(n)) {
            return image(n);
        }
        if (n.classes() != null && data.rows() == 1 && data.cols() == n.classes().size()) {
            return classes(n);
        }
        if (!data.isScalar()) {
            return tensor(n);
        }
        String heading = heading(n);
        if (heading.length() > MAX_LABEL_CHARS) {
            heading = heading.substring(0, MAX_LABEL_CHARS - 1) + "\u2026";
        }
        double w = Math.max(VALUE_CHARS * CHAR_WIDTH + 2 * PADDING, heading.length() * CHAR_WIDTH + 2 * PADDING);
        List<Row> rows = new ArrayList<>();
        rows.add(textRow(0, heading, Double.NaN, true));
        for (int k = 0; k < 2; k++) {
            Tensor t = k == 0 ? data : n.grad();
            boolean known = t != null && !t.isPending();
            rows.add(textRow((k + 1) * ROW_HEIGHT, (k == 0 ? "data " : "grad ") + (known ? NumberFormat.fixed4(t.first()) : "\u2013"),
                    known ? t.first() : Double.NaN, false));
        }
        return new NodeCard(w, 3 * ROW_HEIGHT, false, rows);
    }

    /**
     * A tensor: its name and shape, then its data's norm over a heatmap strip of the data, and the
     * same for its grad. The strips span the card under their text, so the card is only as wide as
     * its longest line: a wrapped 2-50-1 graph fits a 1280x800 window's pane whole at 11 px.
     */
    private static NodeCard tensor(GraphNode n) {
        Tensor data = n.data();
        // the heatmap's cells (a column lies down as one row), each big enough to see
        boolean lying = data.cols() == 1;
        int cellRows = Math.min(lying ? 1 : data.rows(), PictureCells.HEATMAP_ROWS);
        int cellCols = Math.min(lying ? data.rows() : data.cols(), PictureCells.HEATMAP_COLS);
        double stripH = Math.max(STRIP_HEIGHT, cellRows * CELL_HEIGHT + 3);
        double w = Math.max(textWidth(n), cellCols * CELL_WIDTH + 2 * PADDING);
        return pictured(n, w, w - 2 * PADDING, stripH, PictureStyle.HEATMAP, PictureStyle.HEATMAP);
    }

    /**
     * An input that is an image (its data given in the picture's shape, rows and columns both over
     * one): its pixels drawn as the picture they are, and dL/dx as a heatmap of the same shape.
     */
    private static NodeCard image(GraphNode n) {
        double w = Math.max(textWidth(n), IMAGE_SIDE + 2 * PADDING);
        return pictured(n, w, IMAGE_SIDE, IMAGE_SIDE + 3, PictureStyle.PIXELS, PictureStyle.IMAGE_GRADIENT);
    }

    /**
     * A softmax output: a row per class with its name and probability, tinted by it, the most
     * probable marked; then the grad's norm over its strip.
     */
    private static NodeCard classes(GraphNode n) {
        Tensor data = n.data();
        List<String> names = n.classes();
        int nameChars = 0;
        for (String name : names) {
            nameChars = Math.max(nameChars, name.length());
        }
        // the marker, the name, a space and the longest probability (1.2346e-07)
        int lineChars = 2 + nameChars + 1 + 10;
        double w = Math.max(textWidth(n), lineChars * CHAR_WIDTH + 2 * PADDING);
        boolean known = !data.isPending();
        int top = 0;
        for (int k = 1; known && k < data.cols(); k++) {
            top = data.get(0, k) > data.get(0, top) ? k : top;
        }
        List<Row> rows = new ArrayList<>();
        rows.add(textRow(0, tensorHeading(n), Double.NaN, true));
        double y = ROW_HEIGHT;
        for (int k = 0; k < names.size(); k++) {
            double p = known ? data.get(0, k) : Double.NaN;
            String line = (known && k == top ? "\u25b8 " : "  ") + pad(names.get(k), nameChars) + " "
                    + (known ? NumberFormat.fixed4(p) : "\u2013");
            rows.add(new Row(y, TEXT_ROW_HEIGHT, pad(line, lineChars), null, 0, 0, p, false));
            y += TEXT_ROW_HEIGHT;
        }
        Tensor grad = n.grad();
        boolean gradKnown = grad != null && !grad.isPending();
        rows.add(new Row(y, TEXT_ROW_HEIGHT, "grad " + (gradKnown ? "\u2016" + NumberFormat.short4(grad.norm()) + "\u2016"
                : "\u2013"), null, 0, 0, Double.NaN, false));
        y += TEXT_ROW_HEIGHT;
        rows.add(new Row(y, STRIP_HEIGHT, "", gradKnown ? grad : Tensor.pending(1, data.cols()), PADDING, w - 2 * PADDING,
                Double.NaN, false));
        return new NodeCard(w, y + STRIP_HEIGHT, false, rows);
    }

    /** {@code s} with spaces after it up to {@code chars}: the class rows' numbers line up (monospace). */
    private static String pad(String s, int chars) {
        return s.length() >= chars ? s : s + " ".repeat(chars - s.length());
    }

    /** Whether a node is an input image: the network graph gives x of image data in its picture's shape. */
    public static boolean isImage(GraphNode n) {
        Tensor d = n.data();
        return n.kind() == NodeKind.INPUT && n.neuron() == null && d != null && d.rows() > 1 && d.cols() > 1;
    }

    /** Room for a tensor's heading with its shape and for its longest norm line. */
    private static double textWidth(GraphNode n) {
        return Math.max(TENSOR_TEXT_CHARS, tensorHeading(n).length()) * CHAR_WIDTH + 2 * PADDING;
    }

    private static String tensorHeading(GraphNode n) {
        String heading = heading(n) + "  " + n.data().rows() + "\u00d7" + n.data().cols();
        return heading.length() > MAX_LABEL_CHARS ? heading.substring(0, MAX_LABEL_CHARS - 1) + "\u2026" : heading;
    }

    /**
     * The heading, then the data's norm over its picture and the grad's over its own: each picture
     * {@code pictureW} wide, centred, in a row {@code stripH} high.
     */
    private static NodeCard pictured(GraphNode n, double w, double pictureW, double stripH, PictureStyle dataStyle,
                                     PictureStyle gradStyle) {
        Tensor data = n.data();
        List<Row> rows = new ArrayList<>();
        rows.add(textRow(0, tensorHeading(n), Double.NaN, true));
        double y = ROW_HEIGHT;
        for (int k = 0; k < 2; k++) {
            Tensor t = k == 0 ? data : n.grad();
            boolean known = t != null && !t.isPending();
            String norm = known ? "\u2016" + NumberFormat.short4(t.norm()) + "\u2016" : "\u2013";
            rows.add(new Row(y, TEXT_ROW_HEIGHT, (k == 0 ? "data " : "grad ") + norm, null, 0, 0, Double.NaN, false));
            y += TEXT_ROW_HEIGHT;
            Tensor picture = known ? t : Tensor.pending(data.rows(), data.cols());
            rows.add(new Row(y, stripH, "", picture, (w - pictureW) / 2, pictureW, Double.NaN, false, 0,
                    k == 0 ? dataStyle : gradStyle));
            y += stripH;
        }
        return new NodeCard(w, y, false, rows);
    }

    /**
     * A neuron of the neuron view: its picture on the left (over the plane, or a first-layer unit's
     * weights over an image; no box where it has none); on the right its name with its bias, then z,
     * a and dL/da (an input: its value and dL/dx).
     */
    private static NodeCard neuron(GraphNode n) {
        Neuron u = n.neuron();
        boolean input = u.input();
        double height = (input ? 3 : 4) * ROW_HEIGHT;
        double left = u.pictured() ? height : 0;
        String heading = input ? n.label() : n.label() + "  b " + NumberFormat.short4(u.bias());
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(0, ROW_HEIGHT, heading, null, 0, 0, Double.NaN, true, left));
        boolean known = !n.data().isPending();
        double a = known ? n.data().first() : Double.NaN;
        boolean gradKnown = n.grad() != null && !n.grad().isPending();
        double g = gradKnown ? n.grad().first() : Double.NaN;
        if (!input) {
            boolean zKnown = u.zKnown();
            rows.add(new Row(ROW_HEIGHT, ROW_HEIGHT, "z " + (zKnown ? NumberFormat.fixed4(u.z()) : "\u2013"), null, 0, 0,
                    zKnown ? u.z() : Double.NaN, false, left));
        }
        double y = rows.size() * ROW_HEIGHT;
        rows.add(new Row(y, ROW_HEIGHT, (input ? "value " : "a ") + (known ? NumberFormat.fixed4(a) : "\u2013"), null, 0, 0,
                a, false, left));
        rows.add(new Row(y + ROW_HEIGHT, ROW_HEIGHT, (input ? "dL/dx " : "dL/da ") + (gradKnown ? NumberFormat.fixed4(g) : "\u2013"),
                null, 0, 0, g, false, left));
        // sized for the longest bias text, not this one's: a card keeps its size while its bias changes
        int headingChars = input ? heading.length() : n.label().length() + BIAS_CHARS;
        double textW = Math.max(NEURON_CHARS, headingChars) * CHAR_WIDTH + 2 * PADDING;
        return new NodeCard(left + textW, height, false, rows, u.thumbnail());
    }

    private static Row textRow(double y, String text, double tint, boolean heading) {
        return new Row(y, ROW_HEIGHT, text, null, 0, 0, tint, heading);
    }

    /** The label row: the node's name, with its op when it is an op's output ({@code z1 (+)}). */
    private static String heading(GraphNode n) {
        if (n.label().isEmpty()) {
            return n.op();
        }
        // x·W1 says it is a product: "(matmul)" would only widen the card
        boolean labelShowsOp = n.op().equals("matmul") && n.label().contains("\u00b7");
        if (n.kind() == NodeKind.OP && !n.op().isEmpty() && !labelShowsOp) {
            return n.label() + " (" + n.op() + ")";
        }
        return n.label();
    }
}
