package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.Epochs;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.OptimizerSettings;
import dev.backprop.playground.engine.nn.Regularization;
import dev.backprop.playground.graph.GraphView;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which slice of the engine thread applies which command: the one table of it. {@link SessionEngine#apply}
 * checks a command first (its own problem, divergence, a scrub or a step-through it ends: the rules at the
 * end of this file), then dispatches it here.
 */
final class CommandRouter implements CommandHandler {
    private final RunSlice run;
    private final SettingsSlice settings;
    private final StepThroughSlice stepThrough;
    private final TimelineSlice timeline;
    private final DataEditSlice edits;
    private final FileSlice files;
    private final GraphSlice graphs;
    private final DataChoiceSlice dataChoices;
    private final SessionEngine session;

    CommandRouter(SessionEngine session, RunSlice run, SettingsSlice settings, StepThroughSlice stepThrough, TimelineSlice timeline,
                  DataEditSlice edits, FileSlice files, GraphSlice graphs, DataChoiceSlice dataChoices) {
        this.session = session;
        this.run = run;
        this.settings = settings;
        this.stepThrough = stepThrough;
        this.timeline = timeline;
        this.edits = edits;
        this.files = files;
        this.graphs = graphs;
        this.dataChoices = dataChoices;
    }

    // run and settings

    @Override
    public void play() {
        run.play();
    }

    @Override
    public void pause() {
        run.pause();
    }

    @Override
    public void step(long steps) {
        run.step(steps);
    }

    @Override
    public void setSpeed(double stepsPerSecond) {
        run.setSpeed(stepsPerSecond);
    }

    @Override
    public void reset() {
        settings.reset();
    }

    @Override
    public void setLearningRate(double learningRate) {
        settings.setLearningRate(learningRate);
    }

    @Override
    public void setNetwork(NetworkSpec spec) {
        settings.setNetwork(spec);
    }

    @Override
    public void setOptimizer(OptimizerKind kind) {
        settings.setOptimizer(kind);
    }

    @Override
    public void setBatchSize(int batchSize) {
        settings.setBatchSize(batchSize);
    }

    @Override
    public void setEpochs(Epochs epochs) {
        settings.setEpochs(epochs);
    }

    @Override
    public void setOptimizerSettings(OptimizerSettings optimizerSettings) {
        settings.setOptimizerSettings(optimizerSettings);
    }

    @Override
    public void setData(DatasetKind dataset, int samples, double noise, long seed) {
        settings.setData(dataset, samples, noise, seed);
    }

    @Override
    public void setClasses(int classes) {
        settings.setClasses(classes);
    }

    @Override
    public void setRegularization(Regularization kind, double rate) {
        settings.setRegularization(kind, rate);
    }

    @Override
    public void shutdown() {
        session.shutdown();
    }

    // step-through

    @Override
    public void nodeForward() {
        stepThrough.nodeForward();
    }

    @Override
    public void nodeBack() {
        stepThrough.nodeBack();
    }

    @Override
    public void finishPass() {
        stepThrough.finishPass();
    }

    @Override
    public void setZeroGrad(boolean on) {
        stepThrough.setZeroGrad(on);
    }

    // timeline

    @Override
    public void scrubTo(long step) {
        timeline.scrubTo(step);
    }

    @Override
    public void leaveScrub() {
        timeline.leaveScrub();
    }

    @Override
    public void resumeFromScrub() {
        timeline.resumeFromScrub();
    }

    // data edits

    @Override
    public void addPoints(double[] points, double label) {
        edits.addPoints(points, label);
    }

    @Override
    public void deletePointNear(double x1, double x2) {
        edits.deletePointNear(x1, x2);
    }

    @Override
    public void undoEdit() {
        edits.undoEdit();
    }

    @Override
    public void clearPoints() {
        edits.clearPoints();
    }

    @Override
    public void redoEdit() {
        edits.redoEdit();
    }

    // files and data read

    @Override
    public void saveModel(Path file) {
        files.saveModel(file);
    }

    @Override
    public void loadModel(Path file) {
        files.loadModel(file);
    }

    @Override
    public void openRun(Path dir) {
        files.openRun(dir);
    }

    @Override
    public void importData(Path file) {
        files.importData(file);
    }

    @Override
    public void exportData(Path file) {
        files.exportData(file);
    }

    @Override
    public void saveExperiment(Path file, Map<String, Boolean> shown) {
        files.saveExperiment(file, shown);
    }

    @Override
    public void openExperiment(Path file) {
        files.openExperiment(file);
    }

    @Override
    public void chooseData(DataChoice choice) {
        dataChoices.choose(choice);
    }

    // graph and boundary

    @Override
    public void setGraphView(GraphView view) {
        graphs.setGraphView(view);
    }

    @Override
    public void toggleExpandedLayer(int layer) {
        graphs.toggleExpandedLayer(layer);
    }

    @Override
    public void setVisible(boolean networkTab) {
        graphs.setVisible(networkTab);
    }

    @Override
    public void tracePoint(double x1, double x2, double label, int index) {
        graphs.tracePoint(x1, x2, label, index);
    }

    @Override
    public void clearTrace() {
        graphs.clearTrace();
    }

    @Override
    public void traceRow(int index) {
        graphs.traceRow(index);
    }

    // ---- how the session treats a command before it is applied ----------------------------------

    /** Commands that train: after divergence they would only produce NaN. */
    static boolean needsHealthyNetwork(Command c) {
        return c instanceof Command.Play || c instanceof Command.Step || c instanceof Command.NodeForward
                || c instanceof Command.FinishPass;
    }

    /** Commands that look at (or save) the step being scrubbed without leaving it. */
    static boolean keepsScrubbing(Command c) {
        return c instanceof Command.ScrubTo || c instanceof Command.ResumeFromScrub || c instanceof Command.LeaveScrub
                || c instanceof Command.Pause || c instanceof Command.SetSpeed || c instanceof Command.TracePoint
                || c instanceof Command.ClearTrace || c instanceof Command.SaveModel || c instanceof Command.Shutdown
                || c instanceof Command.SetVisible;
    }

    /**
     * Whether {@code c} must wait for an owed metrics row: all but a rebuild or load (which owes its own)
     * and the commands that neither read the chart nor touch the weights or the points, which go on while
     * it is measured a block at a time.
     */
    static boolean needsTheOwedRow(Command c) {
        return !(c instanceof Command.SetNetwork || c instanceof Command.LoadModel || c instanceof Command.SetSpeed
                || c instanceof Command.SetLearningRate || c instanceof Command.SetVisible
                || c instanceof Command.SetGraphView || c instanceof Command.ToggleExpandedLayer
                || c instanceof Command.TracePoint || c instanceof Command.TraceRow || c instanceof Command.ClearTrace
                || c instanceof Command.SaveModel || c instanceof Command.Pause);
    }
}
