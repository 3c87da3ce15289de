package dev.backprop.playground.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Help > User guide (F1): the README and docs/ bundled in the jar, in a window beside the playground. A page
 * chooser, the page's headings as a table of contents, Back; links between the pages open the page at the
 * heading they name, web links open in the browser. Pages are read off the FX thread, pictures decoded on
 * JavaFX's own; the window takes the playground's theme sheets, so it follows light and dark.
 */
final class UserGuideWindow {
    /** Where the reader was: a page and how far down it. */
    private record Place(String path, double scroll) {
    }

    /** A page read and parsed off the FX thread, with its pictures' sizes; or why it could not be. */
    private record Loaded(String path, org.commonmark.node.Node document, Map<String, GuideDocs.Picture> pictures, String error) {
    }

    private final Stage stage = new Stage();
    private final Consumer<String> browser;
    private final ComboBox<GuideDocs.Page> pages = new ComboBox<>();
    private final ListView<MarkdownView.Section> contents = new ListView<>();
    private final ScrollPane scroll = new ScrollPane();
    private final Button back = new Button("\u25c2 Back");
    private final Label status = new Label();
    private final Deque<Place> history = new ArrayDeque<>();
    private String shownPath;
    private MarkdownView shown;
    /** Pages already built (six at most): Back and a second visit show them at once. */
    private final Map<String, MarkdownView> built = new HashMap<>();
    /** The newest page asked for: a slower load that finishes later is dropped. */
    private long wanted;
    private boolean choosing;

    /**
     * @param themeSheets the playground's style sheets: the window keeps the same list, so it changes theme with it
     * @param browser opens a web address in the user's browser; null: the status line shows the address
     */
    UserGuideWindow(Window owner, ObservableList<String> themeSheets, Consumer<String> browser) {
        this.browser = browser;
        stage.initOwner(owner);
        stage.setTitle("Backprop Playground: user guide");
        pages.setId("guide-page");
        pages.getItems().setAll(GuideDocs.PAGES);
        pages.setOnAction(e -> {
            GuideDocs.Page p = pages.getValue();
            if (!choosing && p != null && !p.path().equals(shownPath)) {
                go(p.path(), null);
            }
        });
        back.setId("guide-back");
        back.setDisable(true);
        back.setOnAction(e -> back());
        status.setId("guide-status");
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bar = new HBox(8, back, pages, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("control-bar");

        contents.setId("guide-contents");
        contents.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> jumpTo(now));
        contents.setOnMouseClicked(e -> jumpTo(contents.getSelectionModel().getSelectedItem()));
        scroll.setId("guide-scroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("guide-scroll");
        SplitPane split = new SplitPane(contents, scroll);
        split.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(contents, false);

        BorderPane root = new BorderPane(split);
        root.setTop(bar);
        root.getStyleClass().add("playground");
        Scene scene = new Scene(root, 1000, 700);
        Bindings.bindContent(scene.getStylesheets(), themeSheets);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), this::back);
        stage.setScene(scene);
    }

    /** Shows the window (the user guide on first opening, else the page it was left at) in front. */
    void show() {
        if (shownPath == null && wanted == 0) {
            load(GuideDocs.PAGES.get(0).path(), null, 0);
        }
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }

    /** The page shown, as its repository path (null until the first has loaded). */
    String shownPath() {
        return shownPath;
    }

    MarkdownView page() {
        return shown;
    }

    ScrollPane scrollPane() {
        return scroll;
    }

    /** Follows a link of the shown page, as a click on it does. */
    void follow(String href) {
        if (GuideDocs.isWeb(href)) {
            if (browser != null) {
                browser.accept(href);
            }
            status.setText((browser != null ? "Opened in your browser: " : "A web page: ") + href);
            return;
        }
        GuideDocs.Target t = GuideDocs.resolve(shownPath, href);
        if (t.path().equals(shownPath) || GuideDocs.page(t.path()).isPresent()) {
            go(t.path(), t.anchor());
        } else {
            status.setText(t.path() + " is in the repository, not in the app's guide");
        }
    }

    /** Opens a page at a heading, remembering the place left for Back. */
    private void go(String path, String anchor) {
        if (shownPath != null) {
            history.push(new Place(shownPath, scroll.getVvalue()));
            back.setDisable(false);
        }
        if (path.equals(shownPath)) {
            scrollTo(anchor);
        } else {
            load(path, anchor, 0);
        }
    }

    private void back() {
        Place p = history.poll();
        back.setDisable(history.isEmpty());
        if (p == null) {
            return;
        }
        if (p.path().equals(shownPath)) {
            scroll.setVvalue(p.scroll());
        } else {
            load(p.path(), null, p.scroll());
        }
    }

    /** Reads, parses and decodes the page on a thread of its own, then shows it at the anchor or the scroll. */
    private void load(String path, String anchor, double scrollTo) {
        long ticket = ++wanted;
        MarkdownView done = built.get(path);
        if (done != null) {
            showPage(path, done, anchor, scrollTo);
            return;
        }
        status.setText("Opening " + path + "\u2026");
        Thread t = new Thread(() -> {
            Loaded page = read(path);
            Platform.runLater(() -> {
                if (ticket == wanted) {
                    build(page, anchor, scrollTo);
                }
            });
        }, "user-guide-page");
        t.setDaemon(true);
        t.start();
    }

    private static Loaded read(String path) {
        try {
            org.commonmark.node.Node document = MarkdownView.parse(GuideDocs.read(path));
            Map<String, GuideDocs.Picture> pictures = new HashMap<>();
            document.accept(new org.commonmark.node.AbstractVisitor() {
                @Override
                public void visit(org.commonmark.node.Image image) {
                    String src = image.getDestination();
                    if (!pictures.containsKey(src) && !GuideDocs.isWeb(src)) {
                        try {
                            pictures.put(src, GuideDocs.picture(GuideDocs.resolve(path, src).path()));
                        } catch (java.io.IOException e) {
                            pictures.put(src, null); // shown as its alt text
                        }
                    }
                }
            });
            return new Loaded(path, document, pictures, null);
        } catch (java.io.IOException | RuntimeException e) {
            return new Loaded(path, null, Map.of(), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void build(Loaded page, String anchor, double scrollTo) {
        if (page.error() != null) {
            status.setText("Could not open " + page.path() + ": " + page.error());
            return;
        }
        MarkdownView view = new MarkdownView(page.document(), page.pictures()::get, this::follow);
        view.setId("guide-text");
        built.put(page.path(), view);
        showPage(page.path(), view, anchor, scrollTo);
    }

    private void showPage(String path, MarkdownView page, String anchor, double scrollTo) {
        shownPath = path;
        shown = page;
        scroll.setContent(shown);
        choosing = true;
        pages.setValue(GuideDocs.page(shownPath).orElse(null));
        choosing = false;
        contents.getItems().setAll(shown.sections());
        status.setText("");
        stage.getScene().getRoot().applyCss();
        stage.getScene().getRoot().layout();
        if (anchor != null) {
            scrollTo(anchor);
        } else {
            scroll.setVvalue(scrollTo);
        }
    }

    private void jumpTo(MarkdownView.Section section) {
        if (section != null) {
            scrollTo(section.anchor());
        }
    }

    /** Scrolls the heading with GitHub's anchor {@code anchor} to the top of the view (null: the page's top). */
    private void scrollTo(String anchor) {
        if (anchor == null) {
            scroll.setVvalue(0);
            return;
        }
        javafx.scene.Node heading = shown.anchor(anchor);
        if (heading == null) {
            status.setText("No heading #" + anchor + " on " + shownPath);
            return;
        }
        double y = shown.sceneToLocal(heading.localToScene(0, 0)).getY();
        double room = shown.getHeight() - scroll.getViewportBounds().getHeight();
        scroll.setVvalue(room <= 0 ? 0 : Math.min(1, y / room));
    }
}
