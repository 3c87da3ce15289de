package dev.backprop.playground.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's output files written as one set: each file goes to a hidden staging folder inside the
 * output folder; {@link #commit()} removes the previous run's files of those names and moves the new
 * ones in. A run that fails before the commit leaves the older set untouched and no staging folder
 * (closed here, or by the shutdown hook), so two runs' files are never mixed.
 */
public final class OutputSet implements AutoCloseable {
    private final Path dir;
    private final List<String> names;
    private final Path staging;
    private boolean committed;

    private OutputSet(Path dir, List<String> names, Path staging) {
        this.dir = dir;
        this.names = List.copyOf(names);
        this.staging = staging;
    }

    /** Creates {@code dir} if needed and a staging folder for files called {@code names}. */
    public static OutputSet begin(Path dir, List<String> names) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Files.createDirectories(absolute);
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
        Path aside = Files.createDirectory(staging.resolve(".previous"));
        List<String> movedAside = new ArrayList<>();
        List<String> movedIn = new ArrayList<>();
        try {
            for (String name : names) {
                if (Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(dir.resolve(name), aside.resolve(name));
                    movedAside.add(name);
                }
            }
            for (String name : names) {
                if (Files.exists(staging.resolve(name))) {
                    Files.move(staging.resolve(name), dir.resolve(name));
                    movedIn.add(name);
                }
            }
        } catch (IOException | RuntimeException e) {
            for (String name : movedIn) {
                Files.deleteIfExists(dir.resolve(name));
            }
            for (String name : movedAside) {
                Files.move(aside.resolve(name), dir.resolve(name));
            }
            throw e;
        }
        committed = true;
    }

    public boolean committed() {
        return committed;
    }

    /** Removes the staging folder and whatever is still in it. */
    @Override
    public void close() {
        TempFiles.delete(staging);
    }
}
