package dev.backprop.playground.io;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The temporary files and folders being written right now, so that none outlives the process: each
 * writer deletes its own on success or failure, and a shutdown hook (SIGTERM, System.exit) deletes
 * whatever a writer was still holding. Process-wide by nature, as the files are.
 *
 * <p>The hook and an {@link OutputSet} commit exclude each other: a commit that has begun finishes
 * before the hook deletes anything (so the hook never deletes half a set), and no commit begins once
 * the hook has run (its staged files may already be gone).
 */
final class TempFiles {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    /** Held by a commit in progress, by a delete, and by the shutdown hook. */
    private static final ReentrantLock COMMITS = new ReentrantLock();
    /** Tries at deleting a folder that a writer on another thread may still be adding to. */
    private static final int DELETE_TRIES = 5;
    private static volatile boolean ending;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::endProcess, "temp-file-cleanup"));
    }

    private TempFiles() {
    }

    /**
     * Remembers {@code path} for the hook.
     *
     * @throws IOException once the process is ending: nothing new is begun then
     */
    static Path register(Path path) throws IOException {
        if (ending) {
            throw new IOException("the process is ending");
        }
        LIVE.add(path);
        return path;
    }

    /** Runs {@code commit} unless the process is ending, with the hook held off until it returns. */
    static void duringCommit(IoAction commit) throws IOException {
        COMMITS.lock();
        try {
            if (ending) {
                throw new IOException("the process is ending: the previous files are kept");
            }
            commit.run();
        } finally {
            COMMITS.unlock();
        }
    }

    /** A step that may fail with an IOException. */
    interface IoAction {
        void run() throws IOException;
    }

    /**
     * Deletes {@code path} (a folder with its contents) and forgets it; never throws. Under the commit lock,
     * so the shutdown hook and a run's own clean-up never walk the same folder at once (the hook gave up on
     * a folder the run was emptying under it, and the process then ended with the run's delete half done).
     */
    static void delete(Path path) {
        COMMITS.lock();
        try {
            for (int attempt = 0; attempt < DELETE_TRIES; attempt++) {
                try {
                    deleteTree(path);
                    LIVE.remove(path);
                    return;
                } catch (DirectoryNotEmptyException e) {
                    // a writer on another thread added a file after the walk: walk again
                    continue;
                } catch (IOException | RuntimeException e) {
                    return; // best effort: the shutdown hook, or the next run in this folder, tries again
                }
            }
        } finally {
            COMMITS.unlock();
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> all = Files.walk(path)) {
                for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        } else {
            Files.deleteIfExists(path);
        }
    }

    /** The hook: waits for a commit in progress, stops new ones, then deletes what is left. */
    static void endProcess() {
        COMMITS.lock();
        try {
            ending = true;
            deleteAll(); // still holding the lock: a run's own delete in progress finishes first
        } finally {
            COMMITS.unlock();
        }
    }

    static void deleteAll() {
        for (Path p : Set.copyOf(LIVE)) {
            delete(p);
        }
    }
}
