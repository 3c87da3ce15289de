package dev.backprop.playground.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's output files written as one set: each file goes to a hidden staging folder inside the
 * output folder; {@link #commit()} moves the previous run's files of those names aside (into the
 * staging folder) and the new ones in. The folder then holds one whole set or the other:
 * <ul>
 * <li>a failure before or during the commit leaves the older set (a failed commit moves it back);</li>
 * <li>SIGTERM or Ctrl+C: the shutdown hook waits for a commit in progress and lets none begin after it
 * (see {@link TempFiles}), so it never deletes the old set while it is aside, nor half a new one;</li>
 * <li>SIGKILL mid-commit: the staging folder holds a list of the new set's names, written before the
 * first rename; the next run in this folder finds the dead process's folder and finishes its commit
 * (the new set is complete by then), or deletes a staging folder that never reached its commit.</li>
 * </ul>
 */
public final class OutputSet implements AutoCloseable {
    /** Inside a staging folder: the names of the complete new set, present once its commit has begun. */
    static final String COMMIT_LIST = ".commit";
    private static final String ASIDE = ".previous";
    private static final Pattern STAGING = Pattern.compile("\\.run-(\\d+)-\\d+\\.part");
    /**
     * Test hook: milliseconds each rename of a commit takes extra, as on a slow disk, so a test can
     * interrupt a commit in its middle. 0 (the default) in every real run.
     */
    private static final long SLOW_RENAMES_MILLIS = Long.getLong("playground.slowRenamesMillis", 0);

    private final Path dir;
    private final List<String> names;
    private final Path staging;
    private boolean committed;

    private OutputSet(Path dir, List<String> names, Path staging) {
        this.dir = dir;
        this.names = List.copyOf(names);
        this.staging = staging;
    }

    /**
     * Creates {@code dir} if needed and a staging folder for files called {@code names}; first
     * finishes or removes the staging folders that ended processes left in {@code dir}.
     */
    public static OutputSet begin(Path dir, List<String> names) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Files.createDirectories(absolute);
        recoverStale(absolute, names);
        Path staging = TempFiles.register(absolute.resolve(".run-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime() + ".part"));
        Files.createDirectory(staging);
        return new OutputSet(absolute, names, staging);
    }

    /** Where to write {@code name} (one of the set's names) before the commit. */
    public Path staged(String name) {
        if (!names.contains(name)) {
            throw new IllegalArgumentException(name + " is not one of " + names);
        }
        return staging.resolve(name);
    }

    /**
     * Replaces the previous set by the staged files: the old files of the set's names are first moved
     * aside, and moved back if any step fails, so the folder holds one whole set or the other.
     */
    public void commit() throws IOException {
        TempFiles.duringCommit(() -> {
            List<String> fresh = new ArrayList<>();
            for (String name : names) {
                if (Files.exists(staging.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    fresh.add(name);
                }
            }
            // written whole before the first rename: from here on the new set is the one to finish
            AtomicFile.writeString(staging.resolve(COMMIT_LIST), String.join("\n", fresh) + "\n");
            try {
                swap(dir, staging, names, fresh);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(staging.resolve(COMMIT_LIST)); // rolled back: nothing to finish later
                throw e;
            }
        });
        committed = true;
    }

    /** Moves {@code dir}'s files of {@code names} into staging/.previous, then {@code fresh} in from staging. */
    private static void swap(Path dir, Path staging, List<String> names, List<String> fresh) throws IOException {
        Path aside = Files.createDirectories(staging.resolve(ASIDE));
        List<String> movedAside = new ArrayList<>();
        List<String> movedIn = new ArrayList<>();
        try {
            for (String name : names) {
                if (Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    rename(dir.resolve(name), aside.resolve(name));
                    movedAside.add(name);
                }
            }
            for (String name : fresh) {
                if (Files.exists(staging.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    rename(staging.resolve(name), dir.resolve(name));
                    movedIn.add(name);
                }
            }
        } catch (IOException | RuntimeException e) {
            for (String name : movedIn) {
                Files.move(dir.resolve(name), staging.resolve(name));
            }
            for (String name : movedAside) {
                Files.move(aside.resolve(name), dir.resolve(name));
            }
            throw e;
        }
    }

    private static void rename(Path from, Path to) throws IOException {
        if (SLOW_RENAMES_MILLIS > 0) {
            try {
                Thread.sleep(SLOW_RENAMES_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        Files.move(from, to);
    }

    /**
     * Staging folders in {@code dir} of processes that have ended (SIGKILL, a power cut): one whose
     * commit had begun is finished, as the new set was complete; any other is deleted.
     */
    static void recoverStale(Path dir, List<String> names) throws IOException {
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".run-*.part")) {
            for (Path p : entries) {
                Matcher m = STAGING.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !alive(m.group(1))) {
                    stale.add(p);
                }
            }
        }
        for (Path p : stale) {
            Path list = p.resolve(COMMIT_LIST);
            if (Files.isRegularFile(list, LinkOption.NOFOLLOW_LINKS)) {
                List<String> fresh = new ArrayList<>(Files.readAllLines(list, StandardCharsets.UTF_8));
                fresh.retainAll(names); // the list names only files of this set
                finish(dir, p, names, fresh);
            }
            TempFiles.delete(p);
        }
    }

    /**
     * Finishes an interrupted commit: every name not in the new set goes aside; every new file still
     * staged replaces the one of its name (a new file already moved in has no staged copy left).
     */
    private static void finish(Path dir, Path staging, List<String> names, List<String> fresh) throws IOException {
        Path aside = Files.createDirectories(staging.resolve(ASIDE));
        for (String name : names) {
            boolean stillStaged = Files.exists(staging.resolve(name), LinkOption.NOFOLLOW_LINKS);
            boolean old = !fresh.contains(name) || stillStaged;
            if (old && Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                Files.move(dir.resolve(name), aside.resolve(name + "." + System.nanoTime()));
            }
            if (fresh.contains(name) && stillStaged) {
                Files.move(staging.resolve(name), dir.resolve(name));
            }
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not a name this class made: leave it alone
        }
    }

    public boolean committed() {
        return committed;
    }

    /** Removes the staging folder and whatever is still in it (after a commit: the previous set). */
    @Override
    public void close() {
        TempFiles.delete(staging);
    }
}
