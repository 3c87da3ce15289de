package dev.backprop.playground.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /** Replaces the previous set by the staged files: stale files of the set's names are removed. */
    public void commit() throws IOException {
        for (String name : names) {
            Files.deleteIfExists(dir.resolve(name));
        }
        for (String name : names) {
            Path file = staging.resolve(name);
            if (Files.exists(file)) {
                Files.move(file, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
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
