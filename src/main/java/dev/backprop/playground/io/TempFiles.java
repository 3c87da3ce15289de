package dev.backprop.playground.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The temporary files and folders being written right now, so that none outlives the process: each
 * writer deletes its own on success or failure, and a shutdown hook (SIGTERM, System.exit) deletes
 * whatever a writer was still holding. Process-wide by nature, as the files are.
 */
final class TempFiles {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::deleteAll, "temp-file-cleanup"));
    }

    private TempFiles() {
    }

    static Path register(Path path) {
        LIVE.add(path);
        return path;
    }

    /** Deletes {@code path} (a folder with its contents) and forgets it; never throws. */
    static void delete(Path path) {
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> all = Files.walk(path)) {
                    for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
            } else {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the shutdown hook tries again
            return;
        }
        LIVE.remove(path);
    }

    static void deleteAll() {
        for (Path p : Set.copyOf(LIVE)) {
            delete(p);
        }
    }
}
