package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.nn.DecisionGrid;
import dev.backprop.playground.engine.nn.EpochErrors;
import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.engine.nn.NetworkCurve;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.train.Snapshot.Boundary;
import dev.backprop.playground.train.Snapshot.Chart;
import dev.backprop.playground.train.Snapshot.Network;
import dev.backprop.playground.train.Snapshot.Points;
import dev.backprop.playground.train.Snapshot.Problem;
import dev.backprop.playground.train.Snapshot.Run;
import dev.backprop.playground.train.Snapshot.Shown;
import dev.backprop.playground.train.Snapshot.StepView;
import dev.backprop.playground.train.Snapshot.TimelineView;
import dev.backprop.playground.train.Snapshot.Trace;
import java.util.List;

/**
 * Makes a {@link Snapshot} field by field, for tests ({@link Snapshot#builder()}, {@link Snapshot#toBuilder()});
 * what is not set keeps its default. A new snapshot field gets a field here, its setter and its place in
 * {@link #build()}.
 */
public final class SnapshotBuilder {
    private long step = 0;
    private boolean running = false;
    private TrainingConfig config = TrainingConfig.defaults();
    private long configVersion = 0;
    private double lastLoss = 0;
    private double stepsPerSecond = 0;
    private Divergence verdict = null;
    private String playRefusal = "";
    private String message = "";
    private Problem problem = null;
    private long appliedSeq = 0;
    private long samplesSeen = -1;
    private List<Metrics> history = List.of();
    private List<Long> rebuilds = List.of();
    private TimelineView timeline = null;
    private EpochErrors.View epochErrors = EpochErrors.View.EMPTY;
    private DecisionGrid grid = null;
    private int[] gridPixels = null;
    private Confusion confusion = Confusion.EMPTY;
    private NetworkCurve curve = NetworkCurve.NONE;
    private Predictions predictions = null;
    private FirstLayer firstLayer = null;
    private GraphModel graph = null;
    private StepView stepping = null;
    private Trace trace = null;
    private DataSplit data = null;
    private boolean ownData = false;
    private Shown shown = Shown.NONE;

    SnapshotBuilder() {
    }

    SnapshotBuilder(Snapshot s) {
        step = s.step();
        running = s.running();
        config = s.config();
        configVersion = s.configVersion();
        lastLoss = s.lastLoss();
        stepsPerSecond = s.stepsPerSecond();
        verdict = s.verdict();
        playRefusal = s.playRefusal();
        message = s.message();
        problem = s.problem();
        appliedSeq = s.appliedSeq();
        samplesSeen = s.samplesSeen();
        history = s.history();
        rebuilds = s.rebuilds();
        timeline = s.timeline();
        epochErrors = s.epochErrors();
        grid = s.grid();
        gridPixels = s.gridPixels();
        confusion = s.confusion();
        curve = s.curve();
        predictions = s.predictions();
        firstLayer = s.firstLayer();
        graph = s.graph();
        stepping = s.stepping();
        trace = s.trace();
        data = s.data();
        ownData = s.ownData();
        shown = s.shown();
    }

    public SnapshotBuilder step(long step) {
        this.step = step;
        return this;
    }

    public SnapshotBuilder running(boolean running) {
        this.running = running;
        return this;
    }

    public SnapshotBuilder config(TrainingConfig config) {
        this.config = config;
        return this;
    }

    public SnapshotBuilder configVersion(long configVersion) {
        this.configVersion = configVersion;
        return this;
    }

    public SnapshotBuilder lastLoss(double lastLoss) {
        this.lastLoss = lastLoss;
        return this;
    }

    public SnapshotBuilder stepsPerSecond(double stepsPerSecond) {
        this.stepsPerSecond = stepsPerSecond;
        return this;
    }

    public SnapshotBuilder verdict(Divergence verdict) {
        this.verdict = verdict;
        return this;
    }

    public SnapshotBuilder playRefusal(String playRefusal) {
        this.playRefusal = playRefusal;
        return this;
    }

    public SnapshotBuilder message(String message) {
        this.message = message;
        return this;
    }

    public SnapshotBuilder problem(Problem problem) {
        this.problem = problem;
        return this;
    }

    public SnapshotBuilder appliedSeq(long appliedSeq) {
        this.appliedSeq = appliedSeq;
        return this;
    }

    public SnapshotBuilder samplesSeen(long samplesSeen) {
        this.samplesSeen = samplesSeen;
        return this;
    }

    public SnapshotBuilder history(List<Metrics> history) {
        this.history = history;
        return this;
    }

    public SnapshotBuilder rebuilds(List<Long> rebuilds) {
        this.rebuilds = rebuilds;
        return this;
    }

    public SnapshotBuilder timeline(TimelineView timeline) {
        this.timeline = timeline;
        return this;
    }

    public SnapshotBuilder epochErrors(EpochErrors.View epochErrors) {
        this.epochErrors = epochErrors;
        return this;
    }

    public SnapshotBuilder grid(DecisionGrid grid) {
        this.grid = grid;
        return this;
    }

    public SnapshotBuilder gridPixels(int[] gridPixels) {
        this.gridPixels = gridPixels;
        return this;
    }

    public SnapshotBuilder confusion(Confusion confusion) {
        this.confusion = confusion;
        return this;
    }

    public SnapshotBuilder curve(NetworkCurve curve) {
        this.curve = curve;
        return this;
    }

    public SnapshotBuilder predictions(Predictions predictions) {
        this.predictions = predictions;
        return this;
    }

    public SnapshotBuilder firstLayer(FirstLayer firstLayer) {
        this.firstLayer = firstLayer;
        return this;
    }

    public SnapshotBuilder graph(GraphModel graph) {
        this.graph = graph;
        return this;
    }

    public SnapshotBuilder stepping(StepView stepping) {
        this.stepping = stepping;
        return this;
    }

    public SnapshotBuilder trace(Trace trace) {
        this.trace = trace;
        return this;
    }

    public SnapshotBuilder data(DataSplit data) {
        this.data = data;
        return this;
    }

    public SnapshotBuilder ownData(boolean ownData) {
        this.ownData = ownData;
        return this;
    }

    public SnapshotBuilder shown(Shown shown) {
        this.shown = shown;
        return this;
    }

    public Snapshot build() {
        return new Snapshot(new Run(step, running, config, configVersion, lastLoss, stepsPerSecond, verdict, playRefusal,
                message, problem, appliedSeq, samplesSeen), new Chart(history, rebuilds, timeline, epochErrors),
                new Boundary(grid, gridPixels, confusion, curve, predictions, firstLayer),
                new Network(graph, stepping, trace), new Points(data, ownData, shown));
    }
}
