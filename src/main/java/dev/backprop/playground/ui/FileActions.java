package dev.backprop.playground.ui;

import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.Layout;
import dev.backprop.playground.graph.SvgExport;
import dev.backprop.playground.io.BoundaryPng;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.Snapshot;
import java.io.File;
import java.io.IOException;
import dev.backprop.playground.io.ExperimentFile;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The File menu's actions. Dialogs run on the FX thread; writing happens on a background thread
 * (exports, from the immutable snapshot) or on the engine thread (the model, which it owns), and
 * the outcome comes back as one status message.
 */
final class FileActions {
    /** Exported charts are drawn at twice the screen's resolution: readable when printed or zoomed. */
    static final double CHART_SCALE = 2;
    private final Window owner;
    private final Supplier<Snapshot> snapshot;
    private final Consumer<Command> send;
    private final Consumer<String> status;
    /** What the window shows (classroom mode), saved with an experiment. */
    private Supplier<java.util.Map<String, Boolean>> shownParts = java.util.Map::of;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "export");
        t.setDaemon(true);
        return t;
    });

    FileActions(Window owner, Supplier<Snapshot> snapshot, Consumer<Command> send, Consumer<String> status) {
        this.owner = owner;
        this.snapshot = snapshot;
        this.send = send;
        this.status = status;
    }

    /** Asks where, then writes the pane's graph (as shown: its layout, highlight included) as SVG. */
    void exportGraphSvg(GraphPane pane) {
        if (pane.graph() == null || pane.graphLayout() == null || !pane.graphLayout().fits(pane.graph())) {
            status.accept("the graph is still being laid out: try again in a moment");
            return;
        }
        Path file = choose("Export graph as SVG", "graph.svg", "SVG image", "*.svg", true);
        if (file != null) {
            exportGraphSvg(pane.graph(), pane.graphLayout(), file);
        }
    }

    /** Writes {@code graph} to {@code file} off the FX thread; the outcome goes to the status line. */
    void exportGraphSvg(GraphModel graph, Layout layout, Path file) {
        io.submit(() -> report(file, () -> SvgExport.write(file, graph, layout)));
    }

    /** Asks where, then writes the pane's whole graph as a PNG drawn at twice the screen's resolution. */
    void exportGraphPng(GraphPane pane, boolean dark) {
        if (pane.graph() == null || pane.graphLayout() == null || !pane.graphLayout().fits(pane.graph())) {
            status.accept("the graph is still being laid out: try again in a moment");
            return;
        }
        Path file = choose("Export graph as PNG", "graph.png", "PNG image", "*.png", true);
        if (file != null) {
            exportGraphPng(pane, dark, file);
        }
    }

    void exportGraphPng(GraphPane pane, boolean dark, Path file) {
        GraphNode picked = pane.selected();
        writePng(GraphPicture.draw(pane.graph(), pane.graphLayout(), picked == null ? null : picked.id(), dark), file);
    }

    void exportBoundaryPng() {
        Path file = choose("Export boundary as PNG", "boundary.png", "PNG image", "*.png", true);
        if (file != null) {
            exportBoundaryPng(file);
        }
    }

    /** Writes the latest boundary frame (heatmap, points, axes, legend) off the FX thread. */
    void exportBoundaryPng(Path file) {
        Snapshot s = snapshot.get();
        io.submit(() -> report(file, () -> BoundaryPng.write(file, s.grid(), s.data())));
    }

    /**
     * Writes the loss chart alone (axes, curves, legend; none of the pane's controls) drawn at
     * {@link #CHART_SCALE} times its on-screen resolution. Drawn on the FX thread, encoded off it.
     */
    void exportChartPng(LossChartPane chart, Path file) {
        writePng(chart.exportImage(CHART_SCALE), file);
    }

    /** Asks where, then writes what {@code pane} shows now as a PNG (pixels read on the FX thread, encoded off it). */
    void exportPanePng(javafx.scene.Node pane, String name) {
        Path file = choose("Export " + name + " as PNG", name + ".png", "PNG image", "*.png", true);
        if (file != null) {
            exportPanePng(pane, file);
        }
    }

    void exportPanePng(javafx.scene.Node pane, Path file) {
        if (pane instanceof LossChartPane chart) { // the chart draws itself for export: no check box, 2x
            exportChartPng(chart, file);
            return;
        }
        writePng(pane.snapshot(null, null), file);
    }

    /** Reads the pixels here (FX thread), encodes and writes them atomically off it. */
    private void writePng(javafx.scene.image.Image image, Path file) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        io.submit(() -> report(file, () -> {
            java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
            out.setRGB(0, 0, w, h, argb, 0, w);
            dev.backprop.playground.io.AtomicFile.write(file, o -> javax.imageio.ImageIO.write(out, "png", o));
        }));
    }

    void saveModel() {
        Path file = choose("Save model", "model.json", "Model (JSON)", "*.json", true);
        if (file != null) {
            send.accept(new Command.SaveModel(file));
        }
    }

    void loadModel() {
        Path file = choose("Load model", null, "Model (JSON)", "*.json", false);
        if (file != null) {
            send.accept(new Command.LoadModel(file));
        }
    }

    /** File > Open run: a folder written by train --out; the engine reads it (off the FX thread) and checks it. */
    void openRun() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Open run (a folder written by train --out)");
        java.io.File dir = chooser.showDialog(owner);
        if (dir != null) {
            send.accept(new Command.OpenRun(dir.toPath()));
        }
    }

    /** File > Import data: the engine reads and checks the CSV (off the FX thread); a bad file is refused whole. */
    void importData() {
        Path file = choose("Import data (x1,x2,label[,split])", null, "Points (CSV)", "*.csv", false);
        if (file != null) {
            send.accept(new Command.ImportData(file));
        }
    }

    void exportData() {
        Path file = choose("Export data", "dataset.csv", "Points (CSV)", "*.csv", true);
        if (file != null) {
            send.accept(new Command.ExportData(file));
        }
    }

    void saveExperiment() {
        Path file = choose("Save experiment", "experiment" + ExperimentFile.SUFFIX, "Experiment", "*.json", true);
        if (file != null) {
            saveExperiment(file);
        }
    }

    /** Saves the experiment with what classroom mode shows now. */
    void saveExperiment(Path file) {
        send.accept(new Command.SaveExperiment(file, shownParts.get()));
    }

    void setShownParts(Supplier<java.util.Map<String, Boolean>> shownParts) {
        this.shownParts = shownParts;
    }

    void openExperiment() {
        Path file = choose("Open experiment", null, "Experiment", "*.json", false);
        if (file != null) {
            send.accept(new Command.OpenExperiment(file));
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    private void report(Path file, Write write) {
        String text;
        try {
            write.run();
            text = "wrote " + file;
        } catch (IOException | RuntimeException e) {
            text = "could not write " + file + ": " + e.getMessage();
        }
        String message = text;
        Platform.runLater(() -> status.accept(message));
    }

    private Path choose(String title, String name, String kind, String pattern, boolean save) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        if (name != null) {
            chooser.setInitialFileName(name);
        }
        File f = save ? chooser.showSaveDialog(owner) : chooser.showOpenDialog(owner);
        return f == null ? null : f.toPath();
    }
}
