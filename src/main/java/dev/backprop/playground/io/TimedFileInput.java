package dev.backprop.playground.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A file's bytes with a time bound, so no caller (the engine thread, a command) waits forever for a
 * FIFO nobody writes to, a device, or a stalled disk. Opening runs on a helper thread: opening a FIFO
 * waits for a writer and no Java call interrupts it. A watchdog closes the channel of a read that
 * has waited longer than the limit: closing a FileChannel wakes the thread blocked in it. Either way
 * the caller gets a {@link TextLimitException} saying what it waited for; after {@link #NOTICE_MILLIS}
 * of waiting, {@link #notices} hears which file it is.
 */
final class TimedFileInput extends InputStream {
    /** How long a read may wait for its next byte: longer than any disk that still works. */
    static final long STALL_MILLIS = Long.getLong("playground.readStallMillis", 20_000);
    /** When a wait is worth telling a user about. */
    static final long NOTICE_MILLIS = 2_000;
    private static final long CHECK_MILLIS = 200;

    private static final ExecutorService OPENERS = Executors.newCachedThreadPool(daemon("file-open"));
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            daemon("file-read-watchdog"));
    /** Who hears of a long wait: the commands print it on stderr; nobody by default. */
    static volatile Consumer<String> notices = message -> { };

    private final FileChannel channel;
    private final Path file;
    private final String what;
    private final long stallMillis;
    private final ScheduledFuture<?> watch;
    /** System.nanoTime() when the read under way began; 0 between reads. */
    private volatile long readSince;
    private volatile boolean stalled;
    private boolean noticed;

    private TimedFileInput(FileChannel channel, Path file, String what, long stallMillis) {
        this.channel = channel;
        this.file = file;
        this.what = what;
        this.stallMillis = stallMillis;
        this.watch = WATCHDOG.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens {@code file} for reading, waiting at most {@code stallMillis} for the open and then for
     * each read.
     *
     * @throws TextLimitException when the open waits longer
     */
    static TimedFileInput open(Path file, String what, long stallMillis) throws IOException {
        CompletableFuture<FileChannel> opening = CompletableFuture.supplyAsync(() -> {
            try {
                return FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, OPENERS);
        try {
            FileChannel channel;
            try {
                channel = opening.get(Math.min(NOTICE_MILLIS, stallMillis), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                notices.accept(waiting(what, file, "opening it", NOTICE_MILLIS, stallMillis));
                channel = opening.get(Math.max(0, stallMillis - NOTICE_MILLIS), TimeUnit.MILLISECONDS);
            }
            return new TimedFileInput(channel, file, what, stallMillis);
        } catch (TimeoutException e) {
            // the helper stays blocked until someone writes; should the open end after all, close it
            opening.thenAccept(TimedFileInput::closeQuietly);
            throw new TextLimitException(what, gaveUp(file, "could not be opened", stallMillis));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            opening.thenAccept(TimedFileInput::closeQuietly);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while opening " + file);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        readSince = System.nanoTime();
        try {
            return channel.read(ByteBuffer.wrap(b, off, len));
        } catch (AsynchronousCloseException e) {
            if (stalled) {
                throw new TextLimitException(what, gaveUp(file, "sent nothing", stallMillis));
            }
            throw e;
        } finally {
            readSince = 0;
        }
    }

    @Override
    public void close() throws IOException {
        watch.cancel(false);
        channel.close();
    }

    /** The watchdog's look at a read under way. */
    private void check() {
        long since = readSince;
        if (since == 0) {
            return;
        }
        long waited = (System.nanoTime() - since) / 1_000_000;
        if (waited >= stallMillis) {
            stalled = true;
            watch.cancel(false);
            closeQuietly(channel);
        } else if (waited >= NOTICE_MILLIS && !noticed) {
            noticed = true;
            notices.accept(waiting(what, file, "reading it", waited, stallMillis));
        }
    }

    private static String waiting(String what, Path file, String doing, long waitedMillis, long stallMillis) {
        return String.format(Locale.ROOT, "waiting for %s %s (%s: nothing for %d s, giving up after %s s)", what,
                file, doing, waitedMillis / 1000, seconds(stallMillis));
    }

    private static String gaveUp(Path file, String what, long stallMillis) {
        return file + " " + what + " for " + seconds(stallMillis) + " s: is it a pipe, a device or a stalled disk?";
    }

    /** "20" or "2.5" */
    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1e3);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all that is left to do
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
