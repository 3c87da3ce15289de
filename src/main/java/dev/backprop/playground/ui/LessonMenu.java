package dev.backprop.playground.ui;

import dev.backprop.playground.lesson.Lesson;
import dev.backprop.playground.lesson.LessonReader;
import dev.backprop.playground.lesson.ShippedLessons;
import dev.backprop.playground.train.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The Lessons menu (the shipped lessons in the notebooks' order, Open lesson…, Show lesson panel,
 * Leave lesson) and the opening of a lesson: read and checked off the FX thread, then handed to the
 * {@link LessonGuide}; a bad file is refused in the status line, with its line.
 */
final class LessonMenu {
    private final LessonGuide guide;
    private final Window owner;
    private final Supplier<Snapshot> latest;
    private final Consumer<String> say;

    /** A lesson file to read, found (or a shipped one copied out) off the FX thread. */
    private interface LessonFile {
        Path find() throws IOException;
    }

    /** A lesson read, with the file it was read from. */
    private record Read(Path file, Lesson lesson) {
    }

    LessonMenu(LessonGuide guide, Window owner, Supplier<Snapshot> latest, Consumer<String> say) {
        this.guide = guide;
        this.owner = owner;
        this.latest = latest;
        this.say = say;
    }

    Menu menu() {
        Menu menu = new Menu("Lessons");
        menu.setId("lessons-menu");
        // the titles are read from the resources off the FX thread: start-up does not wait for them
        CompletableFuture.supplyAsync(() -> ShippedLessons.names().stream()
                .map(name -> Map.entry(name, ShippedLessons.menuLabel(name))).toList())
                .thenAccept(labels -> Platform.runLater(() -> {
                    List<MenuItem> items = new ArrayList<>();
                    for (Map.Entry<String, String> l : labels) {
                        MenuItem i = item(l.getValue(), () -> open(l.getKey(), () -> ShippedLessons.file(l.getKey())));
                        i.setId("lesson-" + l.getKey().replace(LessonReader.SUFFIX, ""));
                        items.add(i);
                    }
                    menu.getItems().addAll(0, items);
                }));
        CheckMenuItem panel = new CheckMenuItem("Show lesson panel");
        panel.selectedProperty().bindBidirectional(guide.panelShown());
        MenuItem leave = item("Leave lesson", guide::leave);
        menu.setOnShowing(e -> {
            panel.setDisable(!guide.active());
            leave.setDisable(!guide.active());
        });
        menu.getItems().addAll(new SeparatorMenuItem(), openItem(), panel, leave);
        return menu;
    }

    /** "Open lesson…", for the Lessons menu and File. */
    MenuItem openItem() {
        return item("Open lesson\u2026", this::choose);
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(e -> action.run());
        return i;
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open lesson");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lesson", "*" + LessonReader.SUFFIX));
        java.io.File f = chooser.showOpenDialog(owner);
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Reads {@code file} off the FX thread, then opens it. */
    void open(Path file) {
        open(file.getFileName().toString(), () -> file);
    }

    private void open(String name, LessonFile where) {
        say.accept("reading the lesson " + name + "\u2026");
        CompletableFuture.supplyAsync(() -> {
            try {
                Path file = where.find();
                return new Read(file, LessonReader.read(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).whenComplete((read, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                String why = cause instanceof UncheckedIOException u ? u.getCause().getMessage() : cause.getMessage();
                say.accept("The lesson " + name + " is refused: " + why);
                return;
            }
            try {
                guide.open(read.lesson(), read.file(), latest.get());
                say.accept("lesson: " + read.lesson().title());
            } catch (IOException e) {
                say.accept("The lesson cannot keep your settings to put them back: " + e.getMessage());
            }
        }));
    }
}
