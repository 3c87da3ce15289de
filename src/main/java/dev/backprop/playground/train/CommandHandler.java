package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.OptimizerKind;
import dev.backprop.playground.engine.nn.Regularization;
import java.nio.file.Path;

/**
 * One method per {@link Command}, called by {@link Command#dispatch} after the command passed its
 * own checks. A method may still refuse by throwing IllegalArgumentException before it changes
 * anything (a combination only the session can judge, e.g. data that leaves no training point).
 */
interface CommandHandler {
    void play();

    void pause();

    void step(long steps);

    void nodeForward();

    void nodeBack();

    void finishPass();

    void setZeroGrad(boolean on);

    void reset();

    void setLearningRate(double learningRate);

    void setSpeed(double stepsPerSecond);

    void setNetwork(NetworkSpec spec);

    void setOptimizer(OptimizerKind kind);

    void setBatchSize(int batchSize);

    void setEpochs(dev.backprop.playground.engine.nn.Epochs epochs);

    void setOptimizerSettings(dev.backprop.playground.engine.nn.OptimizerSettings settings);

    void setData(DatasetKind dataset, int samples, double noise, long seed);

    void setClasses(int classes);

    void setRegularization(Regularization kind, double rate);

    void saveModel(Path file);

    void loadModel(Path file);

    void setGraphView(dev.backprop.playground.graph.GraphView view);

    void toggleExpandedLayer(int layer);

    void setVisible(boolean networkTab);

    void shutdown();

    void tracePoint(double x1, double x2, double label, int index);

    void clearTrace();

    void traceRow(int index);

    void chooseData(DataChoice choice);

    void scrubTo(long step);

    void leaveScrub();

    void resumeFromScrub();

    void openRun(Path dir);

    void importData(Path file);

    void exportData(Path file);

    void saveExperiment(Path file, java.util.Map<String, Boolean> shown);

    void openExperiment(Path file);

    void addPoints(double[] points, double label);

    void deletePointNear(double x1, double x2);

    void undoEdit();

    void clearPoints();

    void redoEdit();
}
