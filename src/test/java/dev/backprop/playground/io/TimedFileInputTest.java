package dev.backprop.playground.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28: a read that nothing feeds ends with a message naming the file, it does not hold its
 * thread forever. The files are named pipes (mkfifo) nobody writes to, or that stop being written.
 */
class TimedFileInputTest {
    /** A guard so a broken bound fails the test instead of hanging the build. */
    private static final Duration GUARD = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private Consumer<String> before;

    @BeforeEach
    void listen() {
        before = TimedFileInput.notices;
        InputLimits.onLongWait(notices::add);
    }

    @AfterEach
    void restore() {
        InputLimits.onLongWait(before);
    }

    private Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        return fifo;
    }

    @Test
    void aPipeNobodyWritesToIsRefusedBeforeItIsOpened() throws Exception {
        Path fifo = fifo("data.csv");
        String why = assertTimeoutPreemptively(GUARD, () -> assertThrows(IllegalArgumentException.class,
                () -> InputLimits.open(fifo, 1000, 100, "the data file"))).getMessage();
        assertEquals("the data file: " + fifo + " is not a regular file", why);
    }

    @Test
    void anOpenThatWaitsForAWriterGivesUpAtTheLimit() throws Exception {
        // past the regular-file check (a file swapped for a pipe after it): opening waits for a writer
        Path fifo = fifo("model.json");
        String why = assertTimeoutPreemptively(GUARD, () -> assertThrows(TextLimitException.class,
                () -> TimedFileInput.open(fifo, "model.json", 300))).getMessage();
        assertEquals("model.json: " + fifo + " could not be opened for 0.3 s: is it a pipe, a device or a stalled disk?",
                why);
        try (OutputStream release = new FileOutputStream(fifo.toFile())) {
            release.flush(); // lets the helper's open end; the input closes the channel it gets
        }
    }

    @Test
    void aReadThatStopsGettingBytesGivesUpAtTheLimitAndSaysWhatItWaitsFor() throws Exception {
        Path fifo = fifo("experiment.bpg.json");
        CountDownLatch done = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try (OutputStream out = new FileOutputStream(fifo.toFile())) {
                out.write("{\"fo".getBytes(StandardCharsets.UTF_8));
                out.flush();
                done.await(); // keeps the pipe open and silent
            } catch (Exception e) {
                // the test's assertions say what went wrong
            }
        });
        writer.start();
        try (TimedFileInput in = TimedFileInput.open(fifo, "the experiment file", 2_500)) {
            byte[] first = new byte[4];
            assertEquals(4, in.readNBytes(first, 0, 4));
            assertArrayEquals("{\"fo".getBytes(StandardCharsets.UTF_8), first);
            String why = assertTimeoutPreemptively(GUARD, () -> assertThrows(TextLimitException.class, in::read))
                    .getMessage();
            assertEquals("the experiment file: " + fifo + " sent nothing for 2.5 s: is it a pipe, a device or a "
                    + "stalled disk?", why);
        } finally {
            done.countDown();
            writer.join();
        }
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith("waiting for the experiment file " + fifo + " (reading it: nothing for 2 s, "
                + "giving up after 2.5 s)"), notices.get(0));
    }
}
