package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --out} ended by SIGTERM (Process.destroy) in a child JVM at chosen and at random
 * moments, with every rename of the commit slowed (a slow disk): the output folder holds the previous
 * set whole or the new set whole, never a mix, never a loss, and no staging folder is left behind.
 */
class TrainOutSigtermTest {
    /** Each rename of the commit takes this much longer, so SIGTERM can land inside a commit. */
    private static final long SLOW_RENAME_MILLIS = 150;
    private static final long WAIT_SECONDS = 120;

    @TempDir
    static Path tmp;
    private static Map<String, String> setOfSeed1;
    private static Map<String, String> setOfSeed2;
    private static long runMillis;

    @BeforeAll
    static void writeTheTwoReferenceSets() throws Exception {
        long t0 = System.nanoTime();
        // the two sets a run can leave, each written by an uninterrupted run (both at once: they share nothing)
        Process first = start(1, tmp.resolve("ref1"));
        Process second = start(2, tmp.resolve("ref2"));
        finished(first);
        finished(second);
        setOfSeed1 = contents(tmp.resolve("ref1"));
        setOfSeed2 = contents(tmp.resolve("ref2"));
        // one run's length, about: the two ran side by side (on 2 cores, each about as long as alone)
        runMillis = (System.nanoTime() - t0) / 1_000_000 + 12 * SLOW_RENAME_MILLIS;
        assertEquals(setOfSeed1.keySet(), setOfSeed2.keySet());
        assertTrue(setOfSeed1.keySet().containsAll(List.of("dataset.csv", "metrics.csv", "model.json", "boundary.png",
                "graph.svg", "checkpoints/step-0.json")), setOfSeed1.keySet().toString());
    }

    @Test
    void sigtermDuringTheCommitLeavesTheNewSetWhole() throws Exception {
        Path out = Files.createTempDirectory(tmp, "out");
        copyTree(tmp.resolve("ref1"), out);
        Process p = start(2, out);
        waitFor(out, staging -> Files.exists(staging.resolve(".previous")), p); // the old set is going aside
        p.destroy();
        assertTrue(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(setOfSeed2, contents(out), "the commit had begun: it is finished before the process ends");
    }

    @Test
    void sigtermWhileCheckpointsAreWrittenLeavesThePreviousSetWhole() throws Exception {
        Path out = Files.createTempDirectory(tmp, "out");
        copyTree(tmp.resolve("ref1"), out);
        Process p = start(2, out);
        waitFor(out, staging -> Files.isDirectory(staging.resolve("checkpoints")), p);
        p.destroy();
        assertTrue(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(setOfSeed1, contents(out));
    }

    @Test
    void sigtermAtRandomMomentsNeverMixesNorLosesASet() throws Exception {
        Path out = Files.createTempDirectory(tmp, "out");
        copyTree(tmp.resolve("ref1"), out);
        Map<String, String> previous = setOfSeed1;
        Random moments = new Random(28);
        for (int run = 0; run < 3; run++) {
            int seed = run % 2 == 0 ? 2 : 1;
            Map<String, String> next = seed == 2 ? setOfSeed2 : setOfSeed1;
            Process p = start(seed, out);
            Thread.sleep(moments.nextInt((int) Math.max(1, runMillis)));
            p.destroy();
            assertTrue(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));
            Map<String, String> now = contents(out);
            if (!now.equals(previous) && !now.equals(next)) {
                fail("run " + run + " left a mix: " + now.keySet() + " matches neither whole set");
            }
            previous = now;
        }
    }

    private static void finished(Process p) throws Exception {
        assertTrue(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "the run ends");
        assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes()));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static Process start(int seed, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "-Dplayground.slowRenamesMillis=" + SLOW_RENAME_MILLIS,
                "dev.backprop.playground.Main", "train", "--samples", "200", "--hidden", "4", "--steps", "2000",
                "--checkpoint-every", "500", "--seed", Integer.toString(seed), "--out", out.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    /** Waits until a staging folder in {@code out} passes {@code ready}, or fails if the run ends first. */
    private static void waitFor(Path out, Predicate<Path> ready, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.filter(e -> e.getFileName().toString().startsWith(".run-")).anyMatch(ready)) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        fail("the moment never came");
    }

    /** Every file under {@code dir} (hidden ones too) with a digest of its bytes. */
    private static Map<String, String> contents(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(all::add);
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Path f : all) {
            files.put(dir.relativize(f).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f))));
        }
        return files;
    }
}
