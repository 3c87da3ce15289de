package dev.backprop.playground.ui;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.data.Inputs;
import dev.backprop.playground.train.Predictions;
import dev.backprop.playground.train.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The data pane's view of pictures (digits, Fashion-MNIST): a page of test images (training images on
 * the toggle), each with its true class, the class the network predicts and its probability, the wrong
 * ones marked; filters all, wrong only, or one class; pages. Clicking an image traces it through the
 * network as clicking a point does. The predictions come with the snapshot (made on the engine thread
 * every 250 steps); this view only picks the rows of the page and has {@link GalleryCanvas} draw them.
 */
public final class ImageGallery implements DataView {
    static final String ALL = "all";
    static final String WRONG = "wrong only";

    private final VBox root = new VBox(4);
    private final ChoiceBox<String> filter = new ChoiceBox<>();
    private final ToggleButton test = new ToggleButton("Test");
    private final ToggleButton training = new ToggleButton("Training");
    private final Button previous = new Button("\u25c2");
    private final Button next = new Button("\u25b8");
    private final Label pageText = new Label();
    private final GalleryCanvas canvas = new GalleryCanvas();
    private Snapshot shown;
    private DataSplit filteredFor;
    private Predictions filteredWith;
    private List<Integer> rows = List.of();
    private int page;

    /** @param onTrace gets the row (of the data's {@code all()}) of an image clicked */
    public ImageGallery(IntConsumer onTrace) {
        ToggleGroup sets = new ToggleGroup();
        test.setToggleGroup(sets);
        training.setToggleGroup(sets);
        test.setSelected(true);
        test.setId("gallery-test");
        training.setId("gallery-training");
        filter.setId("gallery-filter");
        previous.setId("gallery-previous");
        next.setId("gallery-next");
        pageText.setId("gallery-page");
        sets.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                refilter(0);
            }
        });
        filter.valueProperty().addListener((o, a, b) -> {
            if (b != null && shown != null && filteredFor == shown.data()) {
                refilter(0); // the user's choice; new data offers its filters first, then filters once
            }
        });
        previous.setOnAction(e -> turn(-1));
        next.setOnAction(e -> turn(1));
        canvas.setOnPick(onTrace);
        canvas.setOnResized(() -> turn(0));
        HBox bar = new HBox(4, filter, test, training, previous, pageText, next);
        bar.setMinWidth(0);
        filter.setTooltip(new javafx.scene.control.Tooltip("Which images: all, the ones the network gets wrong, or one class"));
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        root.getChildren().addAll(bar, canvas);
        root.setMinSize(0, 0);
    }

    @Override
    public String id() {
        return "gallery";
    }

    @Override
    public String title() {
        return "Images";
    }

    @Override
    public String paneTitle() {
        return "Images and predictions (click one to trace it)";
    }

    @Override
    public boolean fits(Inputs inputs) {
        return inputs.isImage();
    }

    @Override
    public Node node() {
        return root;
    }

    /** The dark theme's paper and inks, or the light theme's. */
    public void setDark(boolean dark) {
        canvas.setDark(dark);
    }

    /** The rows the filter and the set toggle let through, in the data's order. */
    List<Integer> rows() {
        return rows;
    }

    /** The rows on the page shown. */
    List<Integer> pageRows() {
        int size = canvas.pageSize();
        int from = Math.min(rows.size(), page * size);
        return rows.subList(from, Math.min(rows.size(), from + size));
    }

    GalleryCanvas canvas() {
        return canvas;
    }

    @Override
    public void show(Snapshot s) {
        shown = s;
        if (s.data() != filteredFor) {
            canvas.fitNames(s.config().dataset());
            offerFilters(s);
            refilter(0);
        } else if (s.predictions() != filteredWith) {
            refilter(page); // "wrong only" follows the predictions; the page stays
        } else {
            draw();
        }
    }

    private void offerFilters(Snapshot s) {
        List<String> items = new ArrayList<>(List.of(ALL, WRONG));
        int classes = Math.max(0, s.config().classes());
        for (int k = 0; k < classes; k++) {
            items.add(name(s.config().dataset(), k));
        }
        String was = filter.getValue();
        filter.getItems().setAll(items);
        filter.setValue(items.contains(was) ? was : ALL);
    }

    private static String name(DatasetKind kind, int k) {
        return "class " + (kind == DatasetKind.FASHION ? ClassNames.of(kind, k) : Integer.toString(k));
    }

    private void refilter(int keepPage) {
        if (shown == null) {
            return;
        }
        DataSplit data = shown.data();
        Predictions p = shown.predictions();
        boolean wantTest = test.isSelected();
        String f = filter.getValue() == null ? ALL : filter.getValue();
        int onlyClass = filter.getItems().indexOf(f) - 2; // after "all" and "wrong only"
        List<Integer> kept = new ArrayList<>();
        for (int row = 0; row < data.all().size(); row++) {
            if (data.isTest(row) != wantTest) {
                continue;
            }
            if (f.equals(WRONG) && (p == null || p.size() != data.all().size() || !p.wrong(data, row))) {
                continue;
            }
            if (onlyClass >= 0 && data.all().label(row) != onlyClass) {
                continue;
            }
            kept.add(row);
        }
        rows = kept;
        filteredFor = data;
        filteredWith = p;
        page = keepPage;
        turn(0);
    }

    private void turn(int by) {
        int size = Math.max(1, canvas.pageSize());
        int pages = Math.max(1, (rows.size() + size - 1) / size);
        page = Math.max(0, Math.min(pages - 1, page + by));
        pageText.setText(String.format(java.util.Locale.ROOT, "%d/%d", page + 1, pages));
        pageText.setTooltip(new javafx.scene.control.Tooltip(String.format(java.util.Locale.ROOT, "page %d of %d: %,d images",
                page + 1, pages, rows.size())));
        previous.setDisable(page == 0);
        next.setDisable(page >= pages - 1);
        draw();
    }

    private void draw() {
        if (shown == null) {
            return;
        }
        Predictions p = shown.predictions();
        canvas.draw(shown.data(), p != null && p.size() == shown.data().all().size() ? p : null, pageRows(),
                shown.config().dataset(), shown.trace() == null ? -1 : shown.trace().index());
    }
}
