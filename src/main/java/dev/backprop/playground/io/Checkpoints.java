package dev.backprop.playground.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's checkpoints: {@code checkpoints/step-<N>.json} in model.json format, the weights at step N,
 * written by {@code train --checkpoint-every N} and read back by the app's Open run.
 */
public final class Checkpoints {
    public static final String FOLDER = "checkpoints";
    /** Checkpoint files a run writes or the app opens at most. */
    public static final int MAX_FILES = 10_000;
    private static final Pattern NAME = Pattern.compile("step-(\\d{1,18})\\.json");

    private Checkpoints() {
    }

    /** One checkpoint file and its step. */
    public record File(long step, Path path) {
    }

    public static String fileName(long step) {
        return "step-" + step + ".json";
    }

    /**
     * The checkpoint files in {@code folder}, by step (other files are ignored).
     *
     * @throws IllegalArgumentException if there are more than {@link #MAX_FILES}
     */
    public static List<File> list(Path folder) throws IOException {
        List<File> files = new ArrayList<>();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return files;
        }
        try (Stream<Path> all = Files.list(folder)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches()) {
                    if (files.size() == MAX_FILES) {
                        throw new IllegalArgumentException(folder + " holds more than " + MAX_FILES + " checkpoints");
                    }
                    files.add(new File(Long.parseLong(m.group(1)), p));
                }
            }
        }
        files.sort(Comparator.comparingLong(File::step));
        return files;
    }
}
