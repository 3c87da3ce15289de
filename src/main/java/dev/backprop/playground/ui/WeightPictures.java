package dev.backprop.playground.ui;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.data.Inputs;
import dev.backprop.playground.render.Diverging;
import dev.backprop.playground.train.FirstLayer;
import dev.backprop.playground.train.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Weights as pictures: each first-layer unit's incoming weights drawn in the image's shape (8x8,
 * 28x28), all on one diverging scale (blue -max, white 0, red +max, max the largest |w| of the whole
 * layer), so pictures compare with each other. With no hidden layer the units are the classes: one
 * picture per class, seed 003's "classification vector" figure. {@link #PAGE} pictures a page.
 * A view of the data pane for image data, beside the gallery. It draws the engine's copy ({@link FirstLayer}, made at the boundary cadence); nothing is computed
 * from the network here, and a snapshot with the same copy costs nothing.
 */
public final class WeightPictures extends VBox implements DataView {
    public static final String STYLE_CLASS = "weight-pictures";
    /** Pictures on one page. */
    static final int PAGE = 32;
    /** A picture's longer side on screen, in pixels (28x28 at 3 px a weight, 8x8 at 10). */
    private static final int SIDE = 84;

    private final Label title = new Label();
    private final Label scale = new Label();
    private final Label hover = new Label(" ");
    private final Label pageText = new Label();
    private final Button previous = new Button("\u25C0 Previous");
    private final Button next = new Button("Next \u25B6");
    private final HBox pager = new HBox(6, previous, pageText, next);
    private final FlowPane pictures = new FlowPane(6, 6);
    private final List<Canvas> canvases = new ArrayList<>();
    /** The data pane's node: the pictures scroll within the column rather than widen it. */
    private final ScrollPane scroll = new ScrollPane(this);
    /** Whose classes the captions name (Fashion-MNIST's garments), or null. */
    private DatasetKind dataset;
    private FirstLayer shown;
    private int page;

    public WeightPictures() {
        getStyleClass().add(STYLE_CLASS);
        for (Label l : List.of(title, scale, hover, pageText)) {
            l.setStyle("-fx-font-size: 12px;"); // every number at least 11 px
            l.setWrapText(true); // a narrow data column: long lines wrap rather than widen it
            l.setMinWidth(0);
        }
        title.setStyle("-fx-font-size: 13px; -fx-font-weight: bold;");
        hover.setId("weight-hover");
        pageText.setId("weight-page");
        previous.setId("weight-previous");
        next.setId("weight-next");
        previous.setOnAction(e -> turn(-1));
        next.setOnAction(e -> turn(1));
        pager.setAlignment(Pos.CENTER_LEFT);
        pictures.setId("weight-pictures");
        // as many pictures a row as the width holds
        pictures.prefWrapLengthProperty().bind(widthProperty());
        setSpacing(6);
        getChildren().addAll(title, scale, pager, pictures, hover);
        scroll.setFitToWidth(true);
        scroll.setMinSize(0, 0);
        scroll.setPrefSize(0, 0); // the data pane sizes the column
    }

    @Override
    public String id() {
        return "weights";
    }

    @Override
    public String title() {
        return "Weights";
    }

    @Override
    public String paneTitle() {
        return "Weights as pictures (the pointer on a pixel reads its weight)";
    }

    @Override
    public boolean fits(Inputs inputs) {
        return inputs.isImage();
    }

    @Override
    public Node node() {
        return scroll;
    }

    /** Shows the snapshot's first layer; cheap when it is the copy shown. */
    @Override
    public void show(Snapshot s) {
        FirstLayer first = s.firstLayer();
        DatasetKind kind = s.config().dataset();
        if (first == shown && kind == dataset) {
            return;
        }
        dataset = kind;
        boolean sameShape = shown != null && first != null && shown.units() == first.units()
                && shown.inputs() == first.inputs() && shown.output() == first.output();
        shown = first;
        if (!sameShape) {
            page = 0;
        }
        draw();
    }

    /** The first layer shown now, or null. */
    FirstLayer shown() {
        return shown;
    }

    /** The pictures on this page (one per unit, at most {@link #PAGE}). */
    List<Canvas> pictures() {
        return List.copyOf(canvases);
    }

    /** The text hovering pixel ({@code r}, {@code c}) of unit {@code unit} gives. */
    String hoverText(int r, int c, int unit) {
        FirstLayer f = shown;
        int i = r * f.cols() + c;
        String index = f.shape() != null ? r + "*" + f.cols() + "+" + c : Integer.toString(i);
        return String.format(Locale.ROOT, "W1[%s, %d] = %.5g  (pixel row %d, column %d \u2192 %s)", index, unit,
                f.weight(i, unit), r, c, caption(f, unit));
    }

    private void turn(int by) {
        int pages = pages();
        page = Math.max(0, Math.min(pages - 1, page + by));
        draw();
    }

    private int pages() {
        return shown == null ? 1 : Math.max(1, (shown.units() + PAGE - 1) / PAGE);
    }

    private void draw() {
        FirstLayer f = shown;
        if (f == null) {
            title.setText("First-layer weights");
            scale.setText("No first layer of weights to draw.");
            pager.setVisible(false);
            pager.setManaged(false);
            pictures.getChildren().clear();
            canvases.clear();
            return;
        }
        // the pane's title says "Weights as pictures": this line says what each picture is
        title.setText(f.output() ? "One picture per class (no hidden layer)"
                : "Each first-layer unit's incoming weights");
        scale.setText(String.format(Locale.ROOT, "blue \u2212%.3g \u00B7 white 0 \u00B7 red +%.3g, one scale for all "
                + "(the layer's largest |w|), step %,d", f.maxAbsWeight(), f.maxAbsWeight(), f.step()));
        int from = page * PAGE;
        int count = Math.min(PAGE, f.units() - from);
        boolean paged = f.units() > PAGE;
        pager.setVisible(paged);
        pager.setManaged(paged);
        pageText.setText(String.format(Locale.ROOT, "%s %d\u2013%d of %d", f.output() ? "classes" : "units", from + 1,
                from + count, f.units()));
        previous.setDisable(page == 0);
        next.setDisable(page >= pages() - 1);
        int cell = Math.max(1, SIDE / Math.max(f.rows(), f.cols()));
        if (canvases.size() != count || canvases.isEmpty() || canvases.get(0).getWidth() != f.cols() * cell) {
            build(count, f.cols() * cell, f.rows() * cell);
        }
        WritableImage image = new WritableImage(f.cols(), f.rows());
        int[] argb = new int[f.inputs()];
        double max = f.maxAbsWeight();
        for (int k = 0; k < count; k++) {
            int unit = from + k;
            for (int i = 0; i < argb.length; i++) {
                argb[i] = 0xFF000000 | Diverging.rgb(max == 0 ? 0 : f.weight(i, unit) / max);
            }
            image.getPixelWriter().setPixels(0, 0, f.cols(), f.rows(), PixelFormat.getIntArgbInstance(), argb, 0,
                    f.cols());
            Canvas canvas = canvases.get(k);
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.setImageSmoothing(false); // one weight, one sharp square
            g.drawImage(image, 0, 0, canvas.getWidth(), canvas.getHeight());
            canvas.getProperties().put("unit", unit);
            ((Label) ((VBox) canvas.getParent()).getChildren().get(1)).setText(caption(f, unit));
        }
    }

    /** {@code count} empty pictures of {@code width} x {@code height}, each with its caption. */
    private void build(int count, double width, double height) {
        pictures.getChildren().clear();
        canvases.clear();
        for (int k = 0; k < count; k++) {
            Canvas canvas = new Canvas(width, height);
            canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hovered(canvas, e.getX(), e.getY()));
            canvas.setOnMouseExited(e -> hover.setText(" "));
            Label caption = new Label();
            caption.setStyle("-fx-font-size: 12px;");
            VBox box = new VBox(2, canvas, caption);
            box.setAlignment(Pos.TOP_CENTER);
            canvases.add(canvas);
            pictures.getChildren().add(box);
        }
    }

    /** The pointer at ({@code x}, {@code y}) over {@code canvas}: the weight under it in the status label. */
    void hovered(Canvas canvas, double x, double y) {
        FirstLayer f = shown;
        Object unit = canvas.getProperties().get("unit");
        if (f == null || unit == null) {
            return;
        }
        int c = (int) Math.min(f.cols() - 1, Math.max(0, x / canvas.getWidth() * f.cols()));
        int r = (int) Math.min(f.rows() - 1, Math.max(0, y / canvas.getHeight() * f.rows()));
        hover.setText(hoverText(r, c, (Integer) unit));
    }

    private String caption(FirstLayer f, int unit) {
        if (!f.output()) {
            return "unit " + (unit + 1);
        }
        String name = dataset == null ? Integer.toString(unit) : ClassNames.of(dataset, unit);
        return name.equals(Integer.toString(unit)) ? "class " + unit : name;
    }

    /** The hover label's text now. */
    String hoverLabel() {
        return hover.getText();
    }
}
