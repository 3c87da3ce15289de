package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.nn.Limits;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.graph.NumberFormat;
import java.util.Locale;
import java.util.Random;

/**
 * The data-edit slice of the engine thread: points added, deleted and cleared by hand, with Undo and
 * Redo. It owns the undo stack; the network trains on over the edited points with its weights kept
 * ({@link SessionEngine#continueOn}).
 */
final class DataEditSlice {
    private final SessionEngine session;
    private final DataEdits edits = new DataEdits();

    DataEditSlice(SessionEngine session) {
        this.session = session;
    }

    /** New points replaced the edited ones: Undo does not reach back past them. */
    void forget() {
        edits.forget();
    }

    void addPoints(double[] points, double label) {
        DataSplit now = session.trainer().data();
        TrainingConfig config = session.config();
        if (now.all().size() + points.length / 2 > Limits.APP_MAX_SAMPLES) {
            throw new IllegalArgumentException("the app trains at most " + Limits.APP_MAX_SAMPLES + " points");
        }
        if (config.classes() > 0 && !(label == Math.rint(label) && label >= 0 && label < config.classes())) {
            throw new IllegalArgumentException("a point's class must be 0 to " + (config.classes() - 1) + ", got " + label);
        }
        // the split of new points follows the test ratio, reproducibly from the seed
        Random split = new Random(config.seed() * 31 + now.all().size());
        edit(now, DataEdits.added(now, points, label, config.testRatio(), split));
        session.say("added " + points.length / 2 + " point" + (points.length == 2 ? "" : "s") + " of "
                + (config.classes() > 0 ? "class " + (int) label : "target " + NumberFormat.short4(label))
                + " (Ctrl+Z undoes)");
    }

    void deletePointNear(double x1, double x2) {
        DataSplit now = session.trainer().data();
        int row = DataEdits.nearest(now.all(), x1, x2);
        if (now.all().size() <= 2) {
            throw new IllegalArgumentException("the data keeps at least 2 points");
        }
        edit(now, DataEdits.without(now, row));
        session.say(String.format(Locale.ROOT, "deleted the point at (%.3f, %.3f) (Ctrl+Z undoes)", now.all().x1(row),
                now.all().x2(row)));
    }

    void clearPoints() {
        DataSplit now = session.trainer().data();
        if (now.all().size() == 0) {
            throw new IllegalArgumentException("the plane is already empty");
        }
        edit(now, DataEdits.empty());
        session.say("cleared " + now.all().size() + " points: click to add new ones (Ctrl+Z undoes)");
    }

    void undoEdit() {
        DataSplit now = session.trainer().data();
        DataSplit before = edits.undo(now);
        if (before == null) {
            throw new IllegalArgumentException("no edit to undo");
        }
        try {
            session.continueOn(before);
        } catch (RuntimeException e) {
            edits.redo(before); // back as it was
            throw e;
        }
        session.say("undone: " + before.all().size() + " points");
    }

    void redoEdit() {
        DataSplit now = session.trainer().data();
        DataSplit after = edits.redo(now);
        if (after == null) {
            throw new IllegalArgumentException("no edit to redo");
        }
        try {
            session.continueOn(after);
        } catch (RuntimeException e) {
            edits.undo(after);
            throw e;
        }
        session.say("redone: " + after.all().size() + " points");
    }

    private void edit(DataSplit before, DataSplit after) {
        session.continueOn(after);
        edits.edited(before);
    }
}
