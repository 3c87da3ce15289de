package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.cli.TrainCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 28's hostile files: device-like files, text that is not UTF-8, endless lines, huge messages. */
class HostileFilesTest {
    /** A procfs file: "regular" to stat, endless or blocking to read (as /proc/kmsg). */
    private static final String PROC_FILE = "/proc/self/status";

    @TempDir
    Path dir;

    private static void assertRefused(Result r, String expected) {
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void procfsFilesAreRefusedByEveryCommandThatReadsAFile() {
        String why = "is a system interface (proc), not a file";
        assertRefused(TrainCommandTest.run("expr", "--file", PROC_FILE), why);
        assertRefused(TrainCommandTest.run("eval", "--model", PROC_FILE), why);
        assertRefused(TrainCommandTest.run("train", "--data", PROC_FILE), why);
        assertRefused(TrainCommandTest.run("train", "--experiment", PROC_FILE), why);
    }

    @Test
    void anIdxFileLinkedToProcfsIsRefusedBeforeItIsRead() throws Exception {
        Files.createSymbolicLink(dir.resolve("train-images-idx3-ubyte"), Path.of(PROC_FILE));
        assertRefused(TrainCommandTest.run("train", "--dataset", "idx", "--data-dir", dir.toString()),
                "--data-dir: " + dir.resolve("train-images-idx3-ubyte") + " is a system interface (proc), not a file");
    }

    @Test
    void aPipeNobodyWritesToIsRefusedByEveryCommandThatReadsAFile() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        String why = fifo + " is not a regular file";
        assertRefused(TrainCommandTest.run("expr", "--file", fifo.toString()), why);
        assertRefused(TrainCommandTest.run("eval", "--model", fifo.toString()), why);
        assertRefused(TrainCommandTest.run("train", "--data", fifo.toString()), why);
        assertRefused(TrainCommandTest.run("train", "--experiment", fifo.toString()), why);
    }

    @Test
    void aUtf16ModelIsABadModelNotAnInternalError() throws Exception {
        Path model = Path.of(getClass().getResource("/dev/backprop/playground/issue28/model-utf16.json").toURI());
        Result r = TrainCommandTest.run("eval", "--model", model.toString());
        assertRefused(r, "model.json: not UTF-8 text");
        assertFalse(r.err().contains("Input length"), r.err());
    }

    @Test
    void aCsvWithoutLineBreaksIsRefusedBeforeItIsReadWhole() throws Exception {
        Path csv = dir.resolve("one-line.csv");
        Files.writeString(csv, "x1,x2,label\n" + "1,".repeat(2_000_000));
        assertRefused(TrainCommandTest.run("train", "--data", csv.toString()), "a line longer than 65,536 characters (line 2)");
    }

    @Test
    void aMegabyteLayerNameGivesAMessageOfSaneLength() throws Exception {
        Path model = dir.resolve("model.json");
        Files.writeString(model, "{\"layers\":[{\"type\":\"" + "z".repeat(2_000_000) + "\"}],\"loss\":\"bce\"}");
        Result r = TrainCommandTest.run("eval", "--model", model.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().length() < 2_000, "cut: " + r.err().length() + " characters");
        assertTrue(r.err().contains("more characters)"), r.err().substring(0, 200));
    }
}
