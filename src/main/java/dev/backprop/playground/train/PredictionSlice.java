package dev.backprop.playground.train;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.nn.FrozenNetwork;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.engine.nn.Trainer;
import org.ejml.data.DMatrixRMaj;

/**
 * The predictions slice of the engine thread: off the plane (pictures, tables) the network's
 * prediction for every point, for the gallery, the table plot and the confusion matrix. A pass goes
 * over the data {@link #CHUNK} rows at a time, so it never holds the engine for more than a frame:
 * while training, a little after each slice; paused, in bands between commands as the full grid is.
 * A pass begins at a boundary frame (every 250 steps), and while playing no sooner than nine times its
 * last cost (the engine thread's CPU time) after the last ended, so predictions take at most a tenth of
 * the engine's time; at most {@link #MAX_IDLE_NANOS} apart. A pass predicts with a {@link FrozenNetwork}
 * copied when it begins, so all its rows are the network of the step it is stamped with, however many
 * steps training takes while it runs.
 * The plane's datasets need none (the boundary shows them): nothing is computed there.
 */
final class PredictionSlice {
    /** Rows predicted in one go. */
    static final int CHUNK = 256;
    /** While playing, what a pass may take after each training slice. */
    static final long SLICE_BUDGET_NANOS = 2_000_000L;
    /** Idle time after a pass, in units of what the pass cost: 9 keeps predictions under a tenth of the engine. */
    static final int IDLE_PER_COST = 9;
    /** The longest idle between passes: on a loaded machine a pass's cost is measured long, the gallery still follows. */
    static final long MAX_IDLE_NANOS = 2_000_000_000L;
    /** The engine thread's CPU time (what a pass costs the engine, whatever else the machine runs), or wall time. */
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private final DMatrixRMaj chunk = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj out = new DMatrixRMaj(1, 1);
    /** The network as of the pass under way's first step: training goes on beside it. */
    private final FrozenNetwork frozen = new FrozenNetwork();
    private Predictions published;
    /** The training rows' confusion matrix of {@link #published}. */
    private Confusion confusion = Confusion.EMPTY;
    /** The network changed (rebuilt, loaded, restored) since {@link #published} was made. */
    private boolean stale = true;
    /** The pass under way, or null. */
    private Pass pass;
    /** System.nanoTime before which no pass begins while playing. */
    private long nextPassAt;

    /** The last complete predictions, or null (none yet, or data on the plane). */
    Predictions published() {
        return published;
    }

    /** The training rows' confusion matrix as of the last complete pass (empty before one, and for regression). */
    Confusion confusion() {
        return confusion;
    }

    /** New data, or another network: what was published is dropped or stale, and a pass under way stops. */
    void restart(boolean newData) {
        pass = null;
        stale = true;
        nextPassAt = 0;
        if (newData) {
            published = null;
            confusion = Confusion.EMPTY;
        }
    }

    /** A boundary frame: a pass begins if the last is out of date and (while playing) its time share allows. */
    void frame(Trainer trainer, boolean running) {
        if (pass == null && wanted(trainer) && (!running || System.nanoTime() >= nextPassAt)) {
            pass = new Pass(trainer);
        }
    }

    /** Whether a pass is under way, or (paused) one is wanted for the network as it stands. */
    boolean owed(Trainer trainer, boolean running) {
        return pass != null || (!running && wanted(trainer));
    }

    private boolean wanted(Trainer trainer) {
        return active(trainer) && (stale || published == null || published.step() != trainer.steps());
    }

    /** Data the boundary cannot show with at least one point: the views that show predictions are there. */
    private static boolean active(Trainer trainer) {
        return Publisher.offThePlane(trainer.data().all()) && trainer.data().all().size() > 0;
    }

    /** While playing, the pass under way goes on for {@link #SLICE_BUDGET_NANOS}; true when it published. */
    boolean afterSlice(Trainer trainer) {
        return pass != null && advance(trainer, System.nanoTime() + SLICE_BUDGET_NANOS);
    }

    /**
     * Works on the pass (beginning one if none is under way and one is wanted) until {@code deadline}
     * (System.nanoTime; one chunk at least); true once a pass is done and published.
     */
    boolean advance(Trainer trainer, long deadline) {
        if (pass == null) {
            if (!wanted(trainer)) {
                return true;
            }
            pass = new Pass(trainer);
        }
        long t0 = cpuNanos();
        Pass p = pass;
        boolean testsShown = false;
        do {
            int before = p.next;
            p.chunk(trainer);
            if (p.testsJustDone(before)) {
                // the test images first: the gallery need not wait for the training rows (60,000 for Fashion-MNIST)
                published = p.result();
                testsShown = true;
            }
        } while (!p.done() && !testsShown && System.nanoTime() < deadline);
        p.nanos += cpuNanos() - t0;
        if (!p.done()) {
            return testsShown;
        }
        published = p.result();
        confusion = published.confusion(trainer.data());
        stale = false;
        pass = null;
        nextPassAt = System.nanoTime() + Math.min(MAX_IDLE_NANOS, IDLE_PER_COST * p.nanos);
        return true;
    }

    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** One pass over the data under way: the test rows first (what the gallery shows first), then the training rows. */
    private final class Pass {
        /** The network of {@link #step}, frozen: the live one moves on while the pass runs. */
        private final Sequential network;
        private final Head head;
        private final int n;
        /** The rows in the order they are predicted: test rows, then training rows. */
        private final int[] order;
        private final int tests;
        /**
         * Pictures: the test rows are published as soon as they are done (the gallery's first page need
         * not wait for 60,000 training rows), their last chunk stopping at the last test row, so each of the
         * gallery's pages (test images, training images) is one step's. A table plot draws all rows at once,
         * so tables publish whole passes only.
         */
        private final boolean testsFirst;
        private final int[] predicted;
        private final float[] probability;
        private final float[] outputs;
        /**
         * The step the pass began at, whose network it predicts with, and the step its result is stamped
         * with: while playing, the rows are predicted over many steps (seconds for 70,000 images); stamped
         * with the step it ended at, a pass begun while playing and ended after a pause passed for the paused
         * network's, and no new pass came (the test images of Fashion-MNIST showed the network of step 250
         * beside a matrix of step 1,500).
         */
        private final long step;
        private int next;
        private long nanos;

        Pass(Trainer trainer) {
            step = trainer.steps();
            network = frozen.freeze(trainer);
            head = network.head();
            DataSplit data = trainer.data();
            n = data.all().size();
            order = new int[n];
            int k = 0;
            for (int row = 0; row < n; row++) {
                if (data.isTest(row)) {
                    order[k++] = row;
                }
            }
            tests = k;
            testsFirst = data.all().inputs().isImage();
            for (int row = 0; row < n; row++) {
                if (!data.isTest(row)) {
                    order[k++] = row;
                }
            }
            // until this pass reaches them, the rows keep the last pass's predictions (none: -1)
            boolean carry = published != null && published.size() == n && published.classes() == head.classes()
                    && published.classifies() == head.classifies();
            predicted = !head.classifies() ? null : carry ? published.predicted().clone() : filled(n);
            probability = !head.classifies() ? null : carry ? published.probability().clone() : new float[n];
            outputs = head.classifies() ? null : carry ? published.outputs().clone() : new float[n * head.targets()];
        }

        private static int[] filled(int n) {
            int[] a = new int[n];
            java.util.Arrays.fill(a, -1);
            return a;
        }

        boolean done() {
            return next >= n;
        }

        /** True when the test rows are done and training rows remain: the gallery's test images can be shown. */
        boolean testsJustDone(int before) {
            return testsFirst && before < tests && next >= tests && next < n;
        }

        /** Predicts the next {@link #CHUNK} rows. */
        void chunk(Trainer trainer) {
            Dataset all = trainer.data().all();
            int d = all.width();
            int rows = Math.min(CHUNK, (testsFirst && next < tests ? tests : n) - next);
            chunk.reshape(rows, d);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(all.features().data, order[next + r] * d, chunk.data, r * d, d);
            }
            network.predict(chunk, out);
            for (int r = 0; r < rows; r++) {
                int row = order[next + r];
                if (predicted != null) {
                    int c = head.predict(out.data, r);
                    predicted[row] = c;
                    probability[row] = (float) probabilityOf(c, r);
                } else {
                    for (int t = 0; t < head.targets(); t++) {
                        outputs[row * head.targets() + t] = (float) out.get(r, t);
                    }
                }
            }
            next += rows;
        }

        /** The network's probability of class {@code c} for row {@code r} of the chunk's output. */
        private double probabilityOf(int c, int r) {
            return switch (head.kind()) {
                case MULTICLASS -> out.get(r, c);
                case BINARY -> c == 1 ? out.get(r, 0) : 1 - out.get(r, 0);
                default -> Double.NaN; // a step or a linear unit gives a class, not a probability
            };
        }

        /** What the pass has so far (copied: the pass goes on writing its own arrays): the network of its first step. */
        Predictions result() {
            return new Predictions(step, head.classes(), predicted == null ? null : predicted.clone(),
                    probability == null ? null : probability.clone(), outputs == null ? null : outputs.clone(),
                    predicted == null ? head.targets() : 0);
        }
    }
}
