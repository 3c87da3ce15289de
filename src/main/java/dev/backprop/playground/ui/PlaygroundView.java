package dev.backprop.playground.ui;

import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.NodeId;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import dev.backprop.playground.graph.GraphView;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.Snapshot;
import dev.backprop.playground.train.TrainingSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

/**
 * The window's content: menu, controls, divergence banner, the graph (largest) beside the boundary
 * and the loss chart, and a status line. An AnimationTimer reads the session's latest snapshot each
 * frame and hands it to the panes; nothing here waits on the engine.
 */
public final class PlaygroundView extends BorderPane {
    private static final String BASE_CSS = "base.css";
    private static final String LIGHT_CSS = "light.css";
    private static final String DARK_CSS = "dark.css";
    /** The graph's share of the network column's height at launch; the loss chart has the rest. */
    static final double GRAPH_SHARE = 0.7;
    /** The output column's share of the window's width at launch: a data plot over 300 px at 1280. */
    static final double OUTPUT_SHARE = 0.3;

    private final TrainingSession session;
    private final Stage stage;
    private final WindowMemory memory;
    private final ControlBar controls;
    private final GraphPane graphPane = new GraphPane();
    private final InspectorPane inspector = new InspectorPane();
    private final StepLog stepLog = new StepLog("Node \u25b8 (Right) walks one training step\nnode by node: forward, backward, update.");
    /** Made when its tab is first shown: start-up draws the network tab only. */
    private ExpressionLab lab;
    private final javafx.scene.control.Tab labTab = new javafx.scene.control.Tab("Expression lab");
    private final javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();
    private final BoundaryPane boundaryPane = new BoundaryPane();
    /** The data's views: the boundary on the plane, the gallery for pictures, the plot of a table's inputs. */
    private final DataPane dataPane = new DataPane();
    /** For image data, the data pane's other view: the first layer's weights as pictures. */
    private final WeightPictures weightPictures = new WeightPictures();
    /** For image data, the data pane's first view: the images with their predictions (a click traces one). */
    private ImageGallery gallery;
    /** The data pane's least height: the views' toggles, the gallery's bar (about 30 px each) and two rows of images. */
    private static final double DATA_MIN_HEIGHT = 2 * GalleryCanvas.CELL_HEIGHT + 64;
    /** Width the loss chart keeps beside the inspector: its timeline bar, legend and step axis in a lesson's narrow row. */
    private static final double CHART_MIN_WIDTH = 270;
    /** Edit mode's bar over the boundary pane (its clicks become commands). */
    private final DataEditMode editMode;
    private final LossChartPane chartPane = new LossChartPane();
    /** One input: y against x with the network's curve, in the boundary's place. */
    private final CurveView curveView = new CurveView();
    /** The perceptron's misclassifications per epoch, in the loss chart's place. */
    private final EpochErrorsChart epochErrorsChart = new EpochErrorsChart();
    private final TraceBar traceBar;
    private final TimelineBar timelineBar;
    private final ConfusionMatrixPane confusionPane = new ConfusionMatrixPane();
    /** Holds the matrix: the problem shows or hides the matrix, classroom mode the slot. */
    private final javafx.scene.layout.StackPane confusionSlot = new javafx.scene.layout.StackPane(confusionPane);
    private final Label banner = new Label();
    private final Label stepLabel = new Label();
    private final Label statusLabel = new Label();
    private final FileActions files;
    private final AnimationTimer timer;
    private final CheckMenuItem darkItem = new CheckMenuItem("Dark theme");
    private final javafx.scene.control.ToggleButton tensorsView = new javafx.scene.control.ToggleButton("Tensors");
    private final javafx.scene.control.ToggleButton neuronsView = new javafx.scene.control.ToggleButton("Neurons");
    /** The sequence number of the last graph view the toggle asked for: the toggle keeps it until acknowledged. */
    private long graphViewSeq;
    /** Which controls and panes students see (View > Classroom…); kept only in experiment files. */
    private final Classroom classroom = new Classroom();
    private long classroomSerial;
    private Snapshot shown;
    /**
     * {@code -Dplayground.exitAfterFirstFrame=true}: quit (exit code 0) once the first frame is drawn, so a
     * scripted run (packaging/build.sh's class-data archive) loads exactly what start-up loads and ends by itself.
     */
    static final boolean EXIT_AFTER_FIRST_FRAME = Boolean.getBoolean("playground.exitAfterFirstFrame");
    private boolean exiting;
    private long problemShown = -1;
    private String problemText = "";
    private final javafx.animation.PauseTransition problemTimeout = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(10));
    private String lastMessage = "";
    /** The newcomer's hint stays gone once a step was taken, a pass stepped through or Play pressed. */
    private boolean firstStepsTaken;
    private final InspectedNode inspectedNode = new InspectedNode();
    private UserGuideWindow userGuide;
    /** Opens a web address; null until the app sets its HostServices: the guide then shows the address. */
    private java.util.function.Consumer<String> browser;
    /** The open lesson, its panel beside the panes, and the student's settings to put back. */
    private final LessonGuide lessons;
    private final LessonMenu lessonMenu;

    public PlaygroundView(TrainingSession session, Stage stage, WindowMemory memory) {
        this.session = session;
        this.stage = stage;
        this.memory = memory;
        this.controls = new ControlBar(session::send, session.latest().config());
        this.files = new FileActions(stage, session::latest, session::send, statusLabel::setText);
        files.setShownParts(classroom::shown);
        this.editMode = new DataEditMode(boundaryPane, session::send, statusLabel::setText);
        this.traceBar = new TraceBar(session::send);
        this.timelineBar = new TimelineBar(session::send);
        this.lessons = new LessonGuide(session::send, classroom::shown, this::lab,
                onLab -> tabs.getSelectionModel().select(onLab ? labTab : tabs.getTabs().get(0)), () -> this,
                controls.settings(), statusLabel::setText);
        this.lessonMenu = new LessonMenu(lessons, stage, session::latest, statusLabel::setText);
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                StartupProbe.firstFrame();
                Snapshot latest = session.latest();
                render(latest);
                lessons.show(latest); // every frame: the lab's state changes without a new snapshot
                if (EXIT_AFTER_FIRST_FRAME && !exiting) {
                    exiting = true;
                    Platform.exit();
                }
            }
        };
        problemTimeout.setOnFinished(e -> {
            problemText = "";
            if (shown != null) {
                showBanner(shown);
            }
        });
        createView();
        initShortcuts();
        controls.setOnExportSvg(() -> files.exportGraphSvg(shownPane()));
    }

    private void createView() {
        getStyleClass().add("playground");
        banner.setId("divergence-banner");
        banner.getStyleClass().add("banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setMinHeight(Region.USE_PREF_SIZE); // wrapped whole: the panes below give up the height
        banner.setVisible(false);
        banner.setManaged(false);
        stepLabel.setId("step-label");
        statusLabel.setId("status");
        graphPane.setId("graph-pane");
        inspector.setId("inspector");
        boundaryPane.setId("boundary-pane");
        chartPane.setId("loss-chart");

        stepLog.setId("network-step-log");
        javafx.scene.control.ScrollPane inspectorScroll = new javafx.scene.control.ScrollPane(inspector);
        inspectorScroll.setFitToWidth(true);
        inspectorScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER); // it wraps to its width
        // the current step (the inspector follows the stepped node) beside the log of steps so far
        SplitPane side = new SplitPane(inspectorScroll, stepLog);
        side.setDividerPositions(0.55);
        javafx.scene.Node graphWithToggle = graphWithViewToggle();
        graphPane.setOnSelect(n -> {
            // a "+N more" node of the neuron view shows that layer's next units (or fewer again)
            if (n != null && n.node() != null && n.node().role() == NodeId.Role.MORE_UNITS) {
                session.send(new Command.ToggleExpandedLayer(n.node().layer()));
            }
            inspector.show(graphPane.graph(), n != null ? n : ExpressionLab.highlighted(graphPane.graph()));
        });
        boundaryPane.setOnPick(traceBar::pick);
        boundaryPane.setOnHover(traceBar::hover);
        chartPane.setOnScrub(step -> session.send(new Command.ScrubTo(step)));
        timelineBar.setOnPinsChanged(chartPane::showPins);
        confusionPane.setId("confusion-matrix");
        // TF Playground's reading order, left to right: the network (graph over its loss), then the
        // output column: the data and boundary, a large square, with the confusion matrix under it
        VBox boundaryView = new VBox(4, editMode, boundaryPane);
        VBox.setVgrow(boundaryPane, Priority.ALWAYS);
        dataPane.addView(new BoundaryView(boundaryView, boundaryPane));
        gallery = new ImageGallery(row -> session.send(new Command.TraceRow(row)));
        dataPane.addView(gallery);
        dataPane.addView(weightPictures);
        curveView.setId("curve-view");
        epochErrorsChart.setId("epoch-errors");
        showEpochErrors(false);
        dataPane.addView(new CurveDataView(curveView));
        dataPane.addView(new TablePlot(row -> session.send(new Command.TraceRow(row))));
        // a matrix wider than a narrowed column is cut at its right, never pushes the column wider
        confusionSlot.setMinWidth(0);
        // the matrix is whole (the VBox would shrink it with the data otherwise); the data takes the rest,
        // two rows of images (or the plane) at least: a window too low for both cuts the column's foot
        confusionSlot.setMinHeight(Region.USE_PREF_SIZE);
        dataPane.setMinHeight(DATA_MIN_HEIGHT);
        javafx.scene.layout.StackPane.setAlignment(confusionPane, javafx.geometry.Pos.TOP_LEFT);
        javafx.scene.shape.Rectangle confusionClip = new javafx.scene.shape.Rectangle();
        confusionClip.widthProperty().bind(confusionSlot.widthProperty());
        confusionClip.heightProperty().bind(confusionSlot.heightProperty());
        confusionSlot.setClip(confusionClip);
        VBox boundaryColumn = new VBox(4, traceBar, dataPane, confusionSlot);
        VBox.setVgrow(dataPane, Priority.ALWAYS);
        VBox chartWithTimeline = new VBox(4, timelineBar, chartPane, epochErrorsChart);
        VBox.setVgrow(chartPane, Priority.ALWAYS);
        VBox.setVgrow(epochErrorsChart, Priority.ALWAYS);
        TitledPane boundaryBox = titled("Data and decision boundary (click a point to trace it)", boundaryColumn);
        dataPane.setOnViewChanged(() -> boundaryBox.setText(dataPane.current() == null ? "Data" : dataPane.current().paneTitle()));
        TitledPane chartBox = titled("Loss and accuracy", chartWithTimeline);
        // the graph takes the column's whole width; under it the chart beside the inspector and step log
        SplitPane chartAndInspector = new SplitPane(chartBox, side);
        chartAndInspector.setDividerPositions(0.6);
        SplitPane.setResizableWithParent(side, false);
        SplitPane network = new SplitPane(graphWithToggle, chartAndInspector);
        network.setOrientation(Orientation.VERTICAL);
        network.setDividerPositions(GRAPH_SHARE);
        SplitPane.setResizableWithParent(chartAndInspector, false);
        SplitPane main = new SplitPane(network, boundaryBox);
        main.setDividerPositions(1 - OUTPUT_SHARE);
        SplitPane.setResizableWithParent(boundaryBox, false);
        for (Region r : new Region[] {chartAndInspector, side, boundaryBox, chartBox, network}) {
            r.setMinSize(0, 0); // every divider can be dragged: no pane's minimum holds it in place
        }
        chartBox.setMinWidth(CHART_MIN_WIDTH); // but the chart's bar and axes, which a narrower column cuts
        // and the chart's readable height (its bar, legend and a plot with its labels): a narrow chart's bar and
        // legend wrap onto more lines, and the graph above gives up the height rather than the plot
        chartBox.setMinHeight(Region.USE_COMPUTED_SIZE);
        new ReadableChartRow(network, chartAndInspector, chartBox, timelineBar.heightProperty(), chartPane.leastHeight(),
                chartPane.visibleProperty()); // the perceptron's errors chart in its place needs its own

        // refusals, problems and messages live at the bottom: they never push the graph down
        statusLabel.setMinWidth(0);
        statusLabel.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(statusLabel, Priority.ALWAYS);
        statusLabel.setTooltip(wholeText(statusLabel));
        HBox statusBar = new HBox(16, stepLabel, controls.refusal(), statusLabel);
        statusBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        statusBar.getStyleClass().add("status-bar");
        VBox statusArea = new VBox(banner, statusBar);
        VBox networkTabContent = new VBox(controls, main);
        VBox.setVgrow(main, Priority.ALWAYS);
        javafx.scene.control.Tab networkTab = new javafx.scene.control.Tab("Network", networkTabContent);
        networkTab.setId("network-tab");
        labTab.setId("lab-tab");
        tabs.getTabs().addAll(networkTab, labTab);
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        // Left/Right step through backprop in the lab: keep them away from the tab header
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            session.send(new Command.SetVisible(b != labTab)); // a hidden tab's grid and graph cost nothing
            if (b == labTab) {
                Platform.runLater(lab()::focusGraph);
            }
        });
        controls.settings().setShown(memory.settingsShown());
        controls.settings().toggle().selectedProperty().addListener((o, was, shown) -> memory.setSettingsShown(shown));
        setTop(menuBar());
        setCenter(tabs);
        lessons.placeIn(this::setRight); // beside the panes, while a lesson shows it: the graph keeps its whole pane
        setBottom(statusArea);
        registerClassroomParts(graphWithToggle, chartAndInspector, side, boundaryBox, chartBox, network, main);
    }

    /** Names every control and pane classroom mode can hide (the names are the experiment file's keys). */
    private void registerClassroomParts(javafx.scene.Node graph, SplitPane chartAndInspector, javafx.scene.Node side, javafx.scene.Node boundaryBox,
                                        javafx.scene.Node chartBox, SplitPane network, SplitPane main) {
        String[][] controlParts = {
            {"play", "Play / Pause", "play", ""}, {"step", "Step", "step", ""}, {"step-250", "+250 steps", "step-250", ""},
            {"reset", "Reset", "reset", ""}, {"speed", "Speed", "speed", "group"},
            {"step-through", "Step through (nodes)", "node-next", "group"}, {"export-svg", "Export SVG", "export-svg", ""},
            {"learning-rate", "Learning rate", "learning-rate", "group"}, {"hidden", "Hidden size", "hidden-size", "group"},
            {"layers", "Layers", "layers", "group"}, {"activation", "Activation", "activation", "group"},
            {"optimizer", "Optimizer", "optimizer", "group"}, {"loss", "Loss", "loss", "group"},
            {"init", "Init", "init", "group"}, {"batch", "Batch", "batch", "group"}, {"dataset", "Data (dataset)", "dataset", "group"},
            {"noise", "Noise", "noise", "group"}, {"points", "Points", "samples", "group"}, {"new-data", "New data", "new-data", ""},
            {"problem", "Problem type", "problem", "group"}, {"classes", "Classes", "classes", "group"},
            {"features", "Features", "feature-x1", "group"}, {"regularization", "Regularization", "regularization", "group"},
        };
        for (String[] c : controlParts) {
            classroom.addControl(c[0], c[1], controls, c[2], !c[3].isEmpty());
        }
        classroom.addPane("graph", "Computation graph", graph);
        classroom.addPane("inspector", "Inspector and step log", side);
        classroom.addPane("boundary", "Data and decision boundary", boundaryBox);
        classroom.addPane("chart", "Loss and accuracy chart", chartBox);
        classroom.addPane("confusion-matrix", "Confusion matrix", confusionSlot);
        classroom.addPane("trace-bar", "Trace bar", traceBar);
        classroom.addPane("edit-mode", "Data edit bar", editMode);
        classroom.addPane("timeline-bar", "Timeline bar", timelineBar);
        classroom.addTab("expression-lab", "Expression lab tab", tabs, labTab);
        classroom.addSplit(chartAndInspector);
        classroom.addSplit(network);
        classroom.addSplit(main);
    }

    /** The graph with its two views' toggle in the top right corner: tensors (the algebra) or neurons. */
    private javafx.scene.Node graphWithViewToggle() {
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        tensorsView.setToggleGroup(group);
        neuronsView.setToggleGroup(group);
        tensorsView.setId("view-tensors");
        neuronsView.setId("view-neurons");
        tensorsView.setTooltip(new javafx.scene.control.Tooltip("The training step at tensor level: x, W1, matmul, +, relu ..."));
        neuronsView.setTooltip(new javafx.scene.control.Tooltip(
                "One node per neuron with its output over the plane, one edge per weight (colour: sign, width: size)"));
        tensorsView.setOnAction(e -> graphViewSeq = session.send(new Command.SetGraphView(GraphView.TENSORS)));
        neuronsView.setOnAction(e -> graphViewSeq = session.send(new Command.SetGraphView(GraphView.NEURONS)));
        HBox toggle = new HBox(tensorsView, neuronsView);
        toggle.getStyleClass().add("view-toggle");
        toggle.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        javafx.scene.layout.StackPane stack = new javafx.scene.layout.StackPane(graphPane, toggle);
        javafx.scene.layout.StackPane.setAlignment(toggle, javafx.geometry.Pos.TOP_RIGHT);
        javafx.scene.layout.StackPane.setMargin(toggle, new javafx.geometry.Insets(2, 6, 0, 0));
        return stack;
    }

    /** The perceptron's chart is its errors per epoch (seed 004's plot), in place of the loss chart. */
    private void showEpochErrors(boolean shown) {
        if (epochErrorsChart.isVisible() == shown && chartPane.isVisible() != shown) {
            return;
        }
        epochErrorsChart.setVisible(shown);
        epochErrorsChart.setManaged(shown);
        chartPane.setVisible(!shown);
        chartPane.setManaged(!shown);
    }

    /** The chart's series and the matrix follow the problem: accuracy and confusion only for classes. */
    private void showProblem(Snapshot s) {
        boolean classifies = s.config().network().head().classifies();
        chartPane.showProblem(classifies, s.config().regularization() != dev.backprop.playground.engine.nn.Regularization.NONE
                && s.config().regularizationRate() > 0);
        confusionPane.setVisible(classifies);
        confusionPane.setManaged(classifies);
        confusionPane.show(s.confusion());
    }

    /** A tooltip that always holds the label's whole text, for a line the window may cut short. */
    static javafx.scene.control.Tooltip wholeText(Label label) {
        javafx.scene.control.Tooltip t = new javafx.scene.control.Tooltip();
        t.setWrapText(true);
        t.setMaxWidth(480);
        t.textProperty().bind(label.textProperty());
        return t;
    }

    private static TitledPane titled(String title, javafx.scene.Node content) {
        TitledPane t = new TitledPane(title, content);
        t.setCollapsible(false);
        t.setMaxHeight(Double.MAX_VALUE);
        return t;
    }

    private MenuBar menuBar() {
        MenuItem exportSvg = item("Export graph as SVG\u2026", "Shortcut+E", () -> files.exportGraphSvg(shownPane()));
        MenuItem exportPng = item("Export boundary as PNG\u2026", "Shortcut+Shift+E", files::exportBoundaryPng);
        MenuItem graphPng = item("Export graph as PNG\u2026", null, () -> files.exportGraphPng(shownPane(), darkItem.isSelected()));
        MenuItem chartPng = item("Export loss chart as PNG\u2026", null, () -> files.exportPanePng(chartPane, "loss-chart"));
        MenuItem save = item("Save model\u2026", "Shortcut+S", files::saveModel);
        MenuItem load = item("Load model\u2026", "Shortcut+O", files::loadModel);
        MenuItem openRun = item("Open run\u2026", "Shortcut+Shift+O", files::openRun);
        MenuItem importData = item("Import data\u2026", null, files::importData);
        MenuItem exportData = item("Export data\u2026", null, files::exportData);
        MenuItem saveExperiment = item("Save experiment\u2026", null, files::saveExperiment);
        MenuItem openExperiment = item("Open experiment\u2026", null, files::openExperiment);
        MenuItem openLesson = lessonMenu.openItem();
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            memory.save(stage);
            Platform.exit();
        });
        Menu file = new Menu("File", null, exportSvg, exportPng, graphPng, chartPng, new SeparatorMenuItem(), save, load, openRun,
                new SeparatorMenuItem(), importData, exportData, saveExperiment, openExperiment, openLesson, new SeparatorMenuItem(), quit);

        darkItem.setOnAction(e -> applyTheme(darkItem.isSelected()));
        MenuItem fit = item("Fit graph to view", "F", graphPane::fit);
        MenuItem log = item("Loss on a log scale", "L", () -> chartPane.logScaleToggle().fire());
        MenuItem classroomItem = item("Classroom\u2026", null, this::showClassroomDialog);
        Menu view = new Menu("View", null, darkItem, fit, log, new SeparatorMenuItem(), classroomItem);

        MenuItem guide = item("User guide", "F1", this::showUserGuide);
        MenuItem shortcuts = item("Keyboard shortcuts", "Shift+F1", this::showShortcuts);
        MenuItem about = item("About", null, this::showAbout);
        Menu help = new Menu("Help", null, guide, shortcuts, about);
        MenuBar bar = new MenuBar(file, view, lessonMenu.menu(), help);
        bar.setId("menu-bar");
        return bar;
    }

    /** Reads a lesson file off the FX thread and opens it (Lessons menu, File > Open lesson). */
    void openLesson(Path file) {
        lessonMenu.open(file);
    }

    LessonGuide lessons() {
        return lessons;
    }

    javafx.scene.control.TabPane tabs() {
        return tabs;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.valueOf(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    private void initShortcuts() {
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof javafx.scene.control.TextInputControl
                    || tabs.getSelectionModel().getSelectedIndex() != 0) {
                return;
            }
            Command c = null;
            if (new KeyCodeCombination(KeyCode.SPACE).match(e)) {
                controls.togglePlay(); // as the play button: a second press before the engine took the first toggles it
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.S).match(e)) {
                c = new Command.Step(1);
            } else if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHIFT_DOWN).match(e)) {
                c = new Command.Step(250);
            } else if (new KeyCodeCombination(KeyCode.R).match(e)) {
                controls.reset(); // as the Reset button: a Play right after it is not refused by the state before it
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.E).match(e)) {
                editMode.toggle();
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN).match(e)) {
                c = new Command.UndoEdit();
            } else if (new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN).match(e)) {
                c = new Command.RedoEdit();
            } else if (e.getCode() == KeyCode.ESCAPE && shown != null && shown.trace() != null) {
                c = new Command.ClearTrace();
            } else if (TimelineCursor.KEYS.contains(e.getCode()) && shown != null && !e.isShortcutDown()
                    && !e.isShiftDown() && !usesArrows(e.getTarget())) {
                c = TimelineCursor.forKey(e.getCode(), shown);
            } else if (!e.isShiftDown() && !e.isShortcutDown()) { // Shift+arrows pan the graph
                // Right / Left / Enter step through backprop wherever the focus is (text fields
                // returned above): sliders move with Up / Down and the Page keys instead
                if (e.getCode() == KeyCode.RIGHT) {
                    c = new Command.NodeForward();
                } else if (e.getCode() == KeyCode.LEFT) {
                    c = new Command.NodeBack();
                } else if (e.getCode() == KeyCode.ENTER && shown != null && shown.stepping() != null) {
                    c = new Command.FinishPass();
                }
            }
            if (c != null) {
                session.send(c);
                e.consume();
            }
        });
    }

    /** The graph pane of the tab in front. */
    GraphPane shownPane() {
        return tabs.getSelectionModel().getSelectedIndex() == 1 ? lab().graphPane() : graphPane;
    }

    /** The graph of the tab in front, as it is drawn now. */
    GraphModel shownGraph() {
        return shownPane().graph();
    }

    /** Controls that move with the arrow keys keep them; elsewhere arrows step through backprop. */
    private static boolean usesArrows(Object target) {
        return target instanceof javafx.scene.control.Slider || target instanceof javafx.scene.control.Spinner
                || target instanceof javafx.scene.control.ChoiceBox || target instanceof javafx.scene.control.ComboBox
                || target instanceof javafx.scene.control.ListView;
    }

    /** Starts reading snapshots each frame. */
    public void start() {
        timer.start();
    }

    /** Stops reading snapshots and the graph viewers' repaint timers. */
    public void stop() {
        timer.stop();
        graphPane.dispose();
        if (lab != null) {
            lab.graphPane().dispose();
        }
    }

    /** Shows {@code s} if it is new: the panes skip work for parts that did not change. */
    void render(Snapshot s) {
        if (s == shown) {
            return;
        }
        shown = s;
        dataPane.show(s); // the view shown draws the data: the boundary, the curve, the gallery, the table
        boolean perceptron = s.config().network().head().countsMistakes();
        showEpochErrors(perceptron);
        if (perceptron) {
            epochErrorsChart.show(s.epochErrors());
        }
        chartPane.showEpochs(s.config().epochs().byEpoch()
                ? dev.backprop.playground.engine.nn.Epochs.stepsPerEpoch(s.data().train().size(), s.config().batchSize()) : 0);
        showProblem(s);
        editMode.showHead(s.config().network().head());
        chartPane.show(s.history(), s.rebuilds());
        firstStepsTaken |= s.step() > 0 || s.running() || s.stepping() != null;
        chartPane.showFirstSteps(!firstStepsTaken);
        chartPane.showTimeline(s.timeline());
        traceBar.followData(s.data().all().inputs().isPlanar());
        traceBar.show(s.trace());
        timelineBar.show(s);
        graphPane.show(s.graph());
        // the toggle follows the view the session publishes (it picks one by the network's widths), once the
        // engine has dealt with the last view asked for (until then it shows the user's choice)
        if (s.appliedSeq() >= graphViewSeq) {
            (s.graph().isNeuronView() ? neuronsView : tensorsView).setSelected(true);
        }
        // the inspector shows the picked node, else the node being stepped, else the last one: from this graph
        inspector.show(s.graph(), inspectedNode.of(s.graph(), graphPane.selected()));
        controls.update(s);
        if (s.shown().serial() != classroomSerial) { // an experiment was opened: show what it shows
            classroomSerial = s.shown().serial();
            classroom.apply(s.shown().names());
        }
        Metrics row = TimelineCursor.shownRow(s);
        stepLabel.setText(String.format(Locale.ROOT, "step %,d   loss %s%s%s", s.step(), // NaN: no point measured
                Double.isNaN(row.trainLoss()) ? "\u2013" : String.format(Locale.ROOT, "%.4f", row.trainLoss()),
                Double.isNaN(row.trainAccuracy()) ? ""
                        : String.format(Locale.ROOT, "   accuracy %.1f%%", 100 * row.trainAccuracy()),
                SpeedText.of(s)));
        if (!Objects.equals(s.message(), lastMessage)) {
            lastMessage = s.message();
            statusLabel.setText(s.message());
        }
        Snapshot.StepView stepping = s.stepping();
        List<String> lines = stepping == null ? List.of() : stepping.lines();
        stepLog.show(lines, lines.size() - 1);
        showBanner(s);
    }

    /**
     * The banner: a divergence stays until Reset; a refused command or an error the engine survived
     * (a bad model.json, an out-of-range value, out of memory) shows for a while, once per problem.
     */
    private void showBanner(Snapshot s) {
        Snapshot.Problem p = s.problem();
        if (p != null && p.serial() != problemShown) {
            problemShown = p.serial();
            problemText = (p.kind() == Snapshot.Problem.Kind.FAILED ? "The engine recovered from an error and is paused: "
                    : "Not applied: ") + p.text();
            problemTimeout.playFromStart();
        }
        String text = s.diverged() ? s.divergence() : problemText;
        banner.setText(text);
        banner.setVisible(!text.isEmpty());
        banner.setManaged(!text.isEmpty());
    }

    public void applyTheme(boolean dark) {
        darkItem.setSelected(dark);
        memory.setDarkTheme(dark);
        if (getScene() != null) {
            var sheets = getScene().getStylesheets();
            sheets.setAll(Objects.requireNonNull(getClass().getResource(BASE_CSS)).toExternalForm(),
                    Objects.requireNonNull(getClass().getResource(dark ? DARK_CSS : LIGHT_CSS)).toExternalForm());
        }
        Color ink = dark ? Color.web("#dddddd") : Color.web("#444444");
        boundaryPane.setAxisColor(ink);
        curveView.setAxisColor(ink);
        epochErrorsChart.setAxisColor(ink);
        chartPane.setAxisColor(ink);
        confusionPane.setDark(dark);
        gallery.setDark(dark);
        graphPane.setTheme(dark);
        if (lab != null) {
            lab.graphPane().setTheme(dark);
        }
    }

    /** Help > User guide: the README and docs/ the jar carries, in a window of their own (one, brought to the front). */
    void showUserGuide() {
        if (userGuide == null) {
            userGuide = new UserGuideWindow(stage, getScene().getStylesheets(), browser);
        }
        userGuide.show();
    }

    /** The guide's window once opened, for tests. */
    UserGuideWindow userGuide() {
        return userGuide;
    }

    /** How web links of the guide open: the app's HostServices (a test may record them instead). */
    public void setBrowser(java.util.function.Consumer<String> browser) {
        this.browser = Objects.requireNonNull(browser);
    }

    private void showShortcuts() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.getDialogPane().setContent(Shortcuts.table());
        a.initOwner(stage);
        a.show();
    }

    private void showAbout() {
        info("About Backprop Playground", "See how a neural network learns: the computation graph with data and grad "
                + "on every node, the decision boundary every 250 steps, and the loss.\n\nThe network engine is seed "
                + "000's MLP from scratch (forward, backward, step) on EJML; the scalar engine is micrograd's Value.");
    }

    private void info(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text);
        a.setTitle(title);
        a.setHeaderText(title);
        a.initOwner(stage);
        a.show();
    }

    private void showClassroomDialog() {
        new ClassroomDialog(stage, classroom).show();
    }

    Classroom classroom() {
        return classroom;
    }

    DataEditMode editMode() {
        return editMode;
    }

    FileActions files() {
        return files;
    }

    /** The expression lab, made (and put in its tab) the first time it is asked for. */
    ExpressionLab lab() {
        if (lab == null) {
            lab = new ExpressionLab();
            lab.setOnExportSvg(() -> files.exportGraphSvg(shownPane()));
            lab.graphPane().setTheme(darkItem.isSelected());
            labTab.setContent(lab);
        }
        return lab;
    }

    GraphPane graphPane() {
        return graphPane;
    }

    WeightPictures weightPictures() {
        return weightPictures;
    }

    DataPane dataPane() {
        return dataPane;
    }

    BoundaryPane boundaryPane() {
        return boundaryPane;
    }

    /** The Tensors | Neurons toggle over the graph's top right corner. */
    javafx.scene.Node viewToggle() {
        return tensorsView.getParent();
    }

    ControlBar controls() {
        return controls;
    }

    CurveView curveView() {
        return curveView;
    }

    EpochErrorsChart epochErrorsChart() {
        return epochErrorsChart;
    }

    LossChartPane chart() {
        return chartPane;
    }

    ConfusionMatrixPane confusion() {
        return confusionPane;
    }
}
