package dev.backprop.playground.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks made before an input file is opened: it must be a regular file (reading a FIFO or a device
 * would block or never end) no larger than a stated limit.
 */
public final class InputLimits {
    private InputLimits() {
    }

    /** @throws IllegalArgumentException saying why {@code file} is refused */
    public static void checkRegularFile(Path file, long maxBytes, String what) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + ": " + file + " is not a regular file");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %s has %,d bytes, at most %,d",
                    what, file, size, maxBytes));
        }
    }

    /** Reads a UTF-8 text file after {@link #checkRegularFile}. */
    public static String readString(Path file, long maxBytes, String what) throws IOException {
        checkRegularFile(file, maxBytes, what);
        return Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
    }
}
