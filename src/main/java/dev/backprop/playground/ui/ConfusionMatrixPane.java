package dev.backprop.playground.ui;

import dev.backprop.playground.render.Heatmap;
import dev.backprop.playground.train.Confusion;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The confusion matrix of the last boundary frame: rows are the true class, columns the predicted
 * one, each cell the count of training points, shaded by its share of the row in the true class's
 * colour (a good classifier is a dark diagonal). Headers carry the class colours of the boundary.
 * It only shows what the engine counted ({@link Confusion}); nothing is computed here.
 */
public final class ConfusionMatrixPane extends VBox {
    public static final String STYLE_CLASS = "confusion-matrix";
    /** A cell of a small matrix (up to four classes): roomy. */
    private static final double CELL = 38;
    private static final double CELL_HEIGHT = 24;
    /** Above four classes the cells shrink to their counts (10 classes fit a 1280 px window's data column). */
    private static final int ROOMY_CLASSES = 4;
    private static final double COMPACT_HEIGHT = 18;
    /** A count's room beside its text: two pixels either side. */
    private static final double COUNT_MARGIN = 4;
    /** The compact counts' font (base.css: .compact .confusion-cell at 11 px), to measure their width. */
    private static final javafx.scene.text.Font COUNT_FONT = javafx.scene.text.Font.font(11);
    /** The style class of a matrix of more than {@link #ROOMY_CLASSES} classes: counts at 11 px. */
    static final String COMPACT = "compact";

    private final GridPane table = new GridPane();
    private final Label caption = new Label();
    private Confusion shown = Confusion.EMPTY;
    /** The cells' size as built: a new size builds the table again. */
    private double cellWidth;
    private double cellHeight;
    private boolean dark;

    public ConfusionMatrixPane() {
        getStyleClass().add(STYLE_CLASS);
        Label title = new Label("Confusion (training set)");
        title.getStyleClass().add("confusion-title");
        caption.getStyleClass().add("confusion-caption");
        caption.setWrapText(true);
        caption.maxWidthProperty().bind(table.widthProperty().map(w -> Math.max(7 * CELL, w.doubleValue())));
        table.setHgap(2);
        table.setVgap(2);
        table.setId("confusion-table");
        Tooltip.install(this, new Tooltip("Rows: the true class. Columns: the class the network predicts. Each cell "
                + "counts training points; the diagonal is right, the rest are the mistakes, by kind."));
        setSpacing(4);
        getChildren().addAll(title, table, caption);
        setMinWidth(USE_PREF_SIZE);
    }

    /** Shows {@code c}; cheap when it is the one shown. */
    public void show(Confusion c) {
        if (c == shown) {
            return;
        }
        double[] size = cellSize(c);
        boolean sameShape = c.classes() == shown.classes() && !table.getChildren().isEmpty()
                && size[0] == cellWidth && size[1] == cellHeight;
        shown = c;
        if (!sameShape) {
            cellWidth = size[0];
            cellHeight = size[1];
            build(c.classes());
        }
        fill(c);
    }

    /** The matrix shown now. */
    public Confusion shown() {
        return shown;
    }

    /** The count the cell (true {@code actual}, predicted {@code predicted}) displays, as text. */
    String cellText(int actual, int predicted) {
        return cell(actual, predicted).getText();
    }

    /**
     * {width, height} of a cell for {@code c}: roomy up to four classes; above, as wide as the largest
     * count a cell can hold (its row's total: the rows stay with the data) needs at 11 px, and lower:
     * Fashion-MNIST's 6,000 a class fit a 1280 px window's column.
     */
    static double[] cellSize(Confusion c) {
        if (c.classes() <= ROOMY_CLASSES) {
            return new double[] {CELL, CELL_HEIGHT};
        }
        int largest = 0;
        for (int i = 0; i < c.classes(); i++) {
            largest = Math.max(largest, c.rowTotal(i));
        }
        double w = Math.ceil(TextWidth.of("8".repeat(Integer.toString(largest).length()), COUNT_FONT) + COUNT_MARGIN);
        return new double[] {Math.max(COMPACT_HEIGHT + 4, w), COMPACT_HEIGHT};
    }

    /** Headers and empty cells for {@code k} classes. */
    private void build(int k) {
        table.getChildren().clear();
        boolean roomy = k <= ROOMY_CLASSES;
        getStyleClass().remove(COMPACT);
        if (!roomy) {
            getStyleClass().add(COMPACT);
        }
        Label corner = new Label(roomy ? "true \u2193  pred \u2192" : "true\u2193\npred\u2192");
        corner.getStyleClass().add("confusion-corner");
        corner.setWrapText(roomy);
        corner.setMaxWidth(roomy ? CELL + 10 : Region.USE_COMPUTED_SIZE);
        corner.setMinWidth(Region.USE_PREF_SIZE);
        table.add(corner, 0, 0);
        for (int i = 0; i < k; i++) {
            table.add(header(i), i + 1, 0);
            table.add(header(i), 0, i + 1);
            for (int j = 0; j < k; j++) {
                Label cell = new Label();
                cell.getStyleClass().add("confusion-cell");
                cell.setAlignment(Pos.CENTER);
                cell.setMinSize(cellWidth, cellHeight);
                cell.setPrefSize(cellWidth, cellHeight);
                table.add(cell, j + 1, i + 1);
            }
        }
    }

    private Label header(int k) {
        Label h = new Label(Integer.toString(k));
        h.getStyleClass().add("confusion-header");
        h.setAlignment(Pos.CENTER);
        h.setMinSize(cellWidth, cellHeight);
        Color fill = Contrast.readable(Color.web(web(Heatmap.classColour(k))));
        h.setStyle("-fx-background-color: " + toWeb(fill) + "; -fx-text-fill: " + toWeb(Contrast.inkOn(fill)) + ";");
        return h;
    }

    private void fill(Confusion c) {
        int k = c.classes();
        int right = 0;
        for (int i = 0; i < k; i++) {
            int row = c.rowTotal(i);
            right += c.count(i, i);
            for (int j = 0; j < k; j++) {
                int n = c.count(i, j);
                double share = row == 0 ? 0 : (double) n / row;
                Label cell = cell(i, j);
                cell.setText(Integer.toString(n));
                // the row's class colour at the share's strength over the theme's paper; the count in
                // whichever ink reads better on that colour (inline: no theme rule can override it)
                Color base = Color.web(web(Heatmap.classColour(i)));
                Color background = Contrast.readable(paper().interpolate(base, 0.85 * share));
                cell.setStyle("-fx-background-color: " + toWeb(background) + "; -fx-text-fill: "
                        + toWeb(Contrast.inkOn(background)) + ";");
            }
        }
        int total = c.total();
        caption.setText(total == 0 ? "" : String.format(Locale.ROOT, "%d of %d right (%.1f%%), step %,d", right, total,
                100.0 * right / total, c.step()));
    }

    /** Light or dark paper under the counts; redraws the counts shown. */
    public void setDark(boolean darkTheme) {
        if (dark != darkTheme) {
            dark = darkTheme;
            if (shown != null && shown.classes() > 0) {
                fill(shown);
            }
        }
    }

    private Color paper() {
        return dark ? Color.web("#2b2d30") : Color.web("#f4f4f0");
    }

    /** The colours a cell is drawn in: {background, text}, for tests. */
    Color[] cellColours(int actual, int predicted) {
        Label cell = cell(actual, predicted);
        String style = cell.getStyle();
        return new Color[] {Color.web(style.replaceAll(".*-fx-background-color: (#[0-9a-f]{6}).*", "$1")),
            Color.web(style.replaceAll(".*-fx-text-fill: (#[0-9a-f]{6}).*", "$1"))};
    }

    private Label cell(int actual, int predicted) {
        int k = shown.classes();
        // children: the corner, then per row i: column header i, row header i, k cells
        return (Label) table.getChildren().get(1 + actual * (k + 2) + 2 + predicted);
    }

    private static String web(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }

    private static String toWeb(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
