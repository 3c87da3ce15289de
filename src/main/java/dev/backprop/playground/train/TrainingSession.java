package dev.backprop.playground.train;

import dev.backprop.playground.engine.nn.TrainingConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine thread: takes {@link Command}s from a queue, has the {@link SessionEngine} check and
 * apply them and train, and publishes an immutable {@link Snapshot} into an AtomicReference after
 * each. The UI only calls {@link #send} and {@link #latest}: neither blocks. Each command sent gets the
 * next sequence number; a snapshot's {@link Snapshot#appliedSeq()} is the number up to which every
 * command has been dealt with. The thread cannot be
 * killed by what it is sent: any Throwable from a command or from training (an OutOfMemoryError, a
 * StackOverflowError included) is logged, shown in the snapshot's {@link Snapshot#problem()}, and
 * the session goes on paused.
 */
public final class TrainingSession implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TrainingSession.class.getName());
    public static final double UNTHROTTLED = Double.POSITIVE_INFINITY;
    /** While training, a boundary grid (and the neuron view's pictures) at most this often. */
    public static final long GRID_EVERY_NANOS = Publisher.GRID_EVERY_NANOS;
    /** While training, the graph is rebuilt at most this often. */
    public static final long GRAPH_EVERY_NANOS = GraphPublisher.GRAPH_EVERY_NANOS;
    /** Default speed: a 10,000-step run animates for 4 s, ten boundary frames a second. */
    public static final double DEFAULT_SPEED = 2500;
    public static final int GRID_SIZE = Publisher.GRID_SIZE;
    /**
     * A full grid or a wide network's metrics row in the making holds the engine thread at most about this
     * long before it looks for commands.
     */
    static final long GRID_BAND_NANOS = 8_000_000L;

    private final LinkedBlockingQueue<Sent> queue = new LinkedBlockingQueue<>();
    /** The last sequence number given; the first command gets 1. */
    private final AtomicLong sequence = new AtomicLong();
    /** The window's frames, which the engine paces its training by (nobody reports any without a window). */
    private final UiFrames frames = new UiFrames();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final SessionEngine engine;
    private final Thread thread;
    /** Runs on the engine thread before each command: tests make it throw what nothing else can. */
    private final Consumer<Command> beforeApply;
    /** Reads model files while the engine goes on (one thread, made when the first load comes). */
    private final Executor reader;
    /** Engine thread: the model each held LoadModel is reading (by identity: two loads of one file are two reads). */
    private final Map<Command, ModelFiles.Read> reads = new IdentityHashMap<>();
    /** Engine thread: the data each held ChooseData is reading. */
    private final Map<Command, DataRead> dataReads = new IdentityHashMap<>();
    /** Engine thread: commands taken from the queue that wait, in order, behind a model still being read. */
    private final ArrayDeque<Sent> held = new ArrayDeque<>();
    /** Engine thread: the largest sequence number taken off the queue. */
    private long taken;

    /** @throws IllegalArgumentException if the app cannot train {@code config}'s network */
    public TrainingSession(TrainingConfig config) {
        this(config, c -> { });
    }

    TrainingSession(TrainingConfig config, Consumer<Command> beforeApply) {
        this(config, beforeApply, new ModelReader());
    }

    TrainingSession(TrainingConfig config, Consumer<Command> beforeApply, Executor reader) {
        this.beforeApply = beforeApply;
        this.reader = reader;
        String problem = Command.appProblem(config.network());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        engine = new SessionEngine(config);
        engine.scheduler().pacedBy(frames, EnginePriority::lowerCurrentThread);
        latest.set(engine.snapshot());
        thread = new Thread(this::run, "training-engine");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a command; never blocks. A command that fails its checks is refused on the engine thread.
     *
     * @return the command's sequence number: once a snapshot's {@link Snapshot#appliedSeq()} reaches it,
     *         the command has been applied, refused, or overridden by a later setting of its kind
     *         (nothing is queued for null: the last number given)
     */
    public long send(Command command) {
        if (command == null) {
            return sequence.get();
        }
        // numbered and queued together, so the queue's order is the numbers' order
        synchronized (queue) {
            long seq = sequence.incrementAndGet();
            queue.add(new Sent(seq, command));
            return seq;
        }
    }

    /** A daemon thread for model files, started on the first load. */
    private static final class ModelReader implements Executor {
        private java.util.concurrent.ExecutorService pool;

        @Override
        public synchronized void execute(Runnable work) {
            if (pool == null) {
                pool = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "model-reader");
                    t.setDaemon(true);
                    return t;
                });
            }
            pool.execute(work);
        }
    }

    /** Where the window reports its frames (FX thread): training at full speed leaves it the time for them. */
    public UiFrames frames() {
        return frames;
    }

    /** The most recent snapshot; never null, never blocks. */
    public Snapshot latest() {
        return latest.get();
    }

    @Override
    public void close() {
        send(new Command.Shutdown());
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    // ---- engine thread ------------------------------------------------------------------------

    private void run() {
        while (!engine.stopped()) {
            try {
                if (!cycle()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) { // the engine must outlive anything a command or a network can throw
                survive(t, "training");
            }
        }
    }

    /** Applies what is queued, or trains a slice; returns false when the thread should end. */
    private boolean cycle() throws InterruptedException {
        boolean busy = engine.scheduler().busy();
        long fullGridIn = engine.nanosUntilFullGrid();
        if (held.isEmpty()) {
            // paused after a rebuild, wait for the next command only until the full grid is due
            boolean workDue = busy || fullGridIn == 0 || (fullGridIn < 0 && engine.chart().owes());
            Sent c = workDue ? queue.poll()
                    : queue.poll(fullGridIn > 0 ? Math.min(fullGridIn, 50_000_000L) : 50_000_000L, TimeUnit.NANOSECONDS);
            hold(c);
        }
        for (Sent c = queue.poll(); c != null; c = queue.poll()) {
            hold(c);
        }
        List<Sent> ready = takeReady();
        if (!ready.isEmpty()) {
            List<Sent> batch = Commands.coalesce(ready, Sent::command);
            for (int i = 0; i < batch.size(); i++) {
                Sent sent = batch.get(i);
                if (engine.stopped()) {
                    return false;
                }
                Command command = sent.command();
                try {
                    beforeApply.accept(command);
                    ModelFiles.Read read = reads.remove(command);
                    if (read != null) {
                        engine.readAhead(read);
                    }
                    DataRead data = dataReads.remove(command);
                    if (data != null) {
                        engine.readAhead(data);
                    }
                    engine.apply(command);
                } catch (Throwable t) { // one bad command must not cost the ones queued after it
                    survive(t, "applying " + command.getClass().getSimpleName());
                }
                acknowledge(i + 1 < batch.size() ? batch.get(i + 1).seq() : Long.MAX_VALUE);
            }
            latest.set(engine.snapshot());
            return true;
        }
        ModelFiles.Read reading = held.isEmpty() ? null : reads.get(held.peekFirst().command());
        DataRead dataReading = held.isEmpty() ? null : dataReads.get(held.peekFirst().command());
        if (dataReading != null) {
            // data is being read: what came after it waits; training goes on meanwhile
            engine.say(dataReading.progress());
            if (!busy && engine.nanosUntilFullGrid() != 0) {
                latest.set(engine.snapshot());
                dataReading.awaitUpTo(20);
                return true;
            }
        }
        if (reading != null) {
            // a model is being read: what came after it waits; training and the grid go on meanwhile
            engine.reading(reading);
            if (!busy && engine.nanosUntilFullGrid() != 0) {
                latest.set(engine.snapshot());
                reading.awaitUpTo(20);
                return true;
            }
        }
        if (engine.chart().owes() && (busy || engine.nanosUntilFullGrid() <= 0)) {
            // a wide network's chart row, in bands with commands between: before training goes on, or
            // once the hand stopped (or training did)
            engine.chart().advanceOwed(System.nanoTime() + GRID_BAND_NANOS);
            latest.set(engine.snapshot()); // with the row once done; meanwhile, the engine is here
            return true;
        }
        if (!busy && engine.nanosUntilFullGrid() == 0) {
            // then the full-resolution boundary, a band of rows per cycle, commands in between
            if (engine.advanceFullGrid(System.nanoTime() + GRID_BAND_NANOS) || reading != null) {
                latest.set(engine.snapshot());
            }
            return true;
        }
        if (busy) {
            engine.trainSlice();
            long t0 = System.nanoTime();
            latest.set(engine.snapshot());
            engine.stats().add(EngineStats.Part.PUBLISH, System.nanoTime() - t0);
            rest(engine.scheduler().restNanos());
            engine.stats().reportIfDue(engine.steps());
        }
        return true;
    }

    /** Leaves the CPU to the window for {@code nanos}, waking at once for a command (it is applied next cycle). */
    private void rest(long nanos) throws InterruptedException {
        if (nanos <= 0) {
            return;
        }
        long t0 = System.nanoTime();
        hold(queue.poll(nanos, TimeUnit.NANOSECONDS));
        engine.stats().add(EngineStats.Part.REST, System.nanoTime() - t0);
    }

    /**
     * The held commands that can be applied now, in order, up to a LoadModel whose file is not read yet.
     * A load's read begins once every command before it has been applied (a Save of the same file
     * first, say), on the reader's thread; the engine trains on meanwhile. Pause and Shutdown do not
     * wait behind a read.
     */
    private List<Sent> takeReady() {
        List<Sent> ready = new ArrayList<>();
        while (!held.isEmpty()) {
            Command c = held.peekFirst().command();
            if (c instanceof Command.LoadModel load && load.problem() == null) {
                ModelFiles.Read read = reads.get(c);
                if (read == null) {
                    if (!ready.isEmpty()) {
                        break; // those first; the read begins on the next cycle
                    }
                    reads.put(c, new ModelFiles.Read(load.file(), reader));
                    break;
                }
                if (!read.done()) {
                    break;
                }
            }
            if (c instanceof Command.ChooseData choose && choose.problem() == null) {
                DataRead read = dataReads.get(c);
                if (read == null) {
                    if (!ready.isEmpty()) {
                        break; // those first: the read takes the split in force after them
                    }
                    dataReads.put(c, new DataRead(choose.choice(), engine.config().testRatio(), engine.config().seed(), reader));
                    break;
                }
                if (!read.done()) {
                    break;
                }
            }
            ready.add(held.pollFirst());
        }
        if (ready.isEmpty() && !held.isEmpty()) {
            // waiting on a read: a Pause or a Shutdown behind it goes now (neither touches the network)
            for (java.util.Iterator<Sent> it = held.iterator(); it.hasNext(); ) {
                Sent c = it.next();
                if (c.command() instanceof Command.Pause || c.command() instanceof Command.Shutdown) {
                    it.remove();
                    ready.add(c);
                }
            }
        }
        return ready;
    }

    /** A command taken off the queue waits in {@link #held} until it can be applied. */
    private void hold(Sent c) {
        if (c != null) {
            held.add(c);
            taken = c.seq();
        }
    }

    /**
     * A command was just dealt with: every number taken is, but those of the batch still to apply (from
     * {@code nextInBatch} on) and those held behind a read (a Pause may have gone ahead of them).
     */
    private void acknowledge(long nextInBatch) {
        long next = Math.min(nextInBatch, held.isEmpty() ? Long.MAX_VALUE : held.peekFirst().seq());
        engine.applied(next == Long.MAX_VALUE ? taken : next - 1);
    }

    private void survive(Throwable t, String during) {
        LOG.log(Level.WARNING, "training engine: error while " + during, t);
        try {
            engine.recover(t, during);
            latest.set(engine.snapshot());
        } catch (Throwable again) {
            LOG.log(Level.SEVERE, "training engine: could not recover", again);
        }
    }
}
