package dev.backprop.playground.io;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Checks made before an input file is opened, and the reader that keeps to them while it is read:
 * it must be a regular file (reading a FIFO or a device would block or never end) on a file system
 * that holds files (procfs and sysfs "files" such as /proc/kmsg pass the regular-file test but block
 * or never end), no larger than a stated limit, and UTF-8 text. The limit holds while reading too: a
 * file that grows, or reports a size of 0, is cut off at the limit. Opening and each read wait at
 * most {@link TimedFileInput#STALL_MILLIS}: a file swapped for a FIFO after the check, or a stalled
 * disk, fails with a message instead of holding its reader forever.
 */
public final class InputLimits {
    /** Kernel and pseudo file systems: their entries are interfaces, not files. */
    private static final Set<String> PSEUDO_FILE_SYSTEMS = Set.of("proc", "sysfs", "devtmpfs", "devpts", "debugfs",
            "tracefs", "securityfs", "configfs", "cgroup", "cgroup2", "pstore", "bpf", "efivarfs", "fusectl",
            "binfmt_misc", "hugetlbfs", "mqueue", "autofs", "rpc_pipefs", "nsfs");

    private InputLimits() {
    }

    /**
     * Says to {@code listener} which file a read has waited for, once it has waited 2 s (the commands
     * print it on stderr); the app leaves it unset, its engine gives up with a message after the limit.
     */
    public static void onLongWait(java.util.function.Consumer<String> listener) {
        TimedFileInput.notices = listener;
    }

    /** @throws IllegalArgumentException saying why {@code file} is refused */
    public static void checkRegularFile(Path file, long maxBytes, String what) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + ": " + file + " is not a regular file");
        }
        String type = Files.getFileStore(file).type();
        Path real = file.toRealPath();
        if (PSEUDO_FILE_SYSTEMS.contains(type) || real.startsWith("/proc") || real.startsWith("/sys")) {
            throw new IllegalArgumentException(what + ": " + file + " is a system interface (" + type
                    + "), not a file");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %s has %,d bytes, at most %,d",
                    what, file, size, maxBytes));
        }
    }

    /**
     * Opens {@code file} as UTF-8 text after {@link #checkRegularFile}: reading more than
     * {@code maxBytes}, or a line longer than {@code maxLineChars}, fails with a message naming the
     * limit; so does text that is not UTF-8 (a UTF-16 file, a binary one).
     */
    public static BufferedReader open(Path file, long maxBytes, int maxLineChars, String what) throws IOException {
        checkRegularFile(file, maxBytes, what);
        InputStream bytes = new BoundedInputStream(TimedFileInput.open(file, what, TimedFileInput.STALL_MILLIS), maxBytes,
                what);
        Reader text = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return new BufferedReader(new CheckedReader(text, maxLineChars, what));
    }

    /** Reads a UTF-8 text file after {@link #checkRegularFile}, at most {@code maxBytes} of it. */
    public static String readString(Path file, long maxBytes, String what) throws IOException {
        StringBuilder all = new StringBuilder((int) Math.min(Files.size(file), maxBytes) + 16);
        try (Reader in = open(file, maxBytes, Integer.MAX_VALUE, what)) {
            char[] buffer = new char[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.append(buffer, 0, n);
            }
        }
        return all.toString();
    }

    /** Fails once more than the limit has been read. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private final long max;
        private final String what;
        private long count;

        BoundedInputStream(InputStream in, long max, String what) {
            super(in);
            this.max = max;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > max) {
                throw new TextLimitException(what, String.format(Locale.ROOT, "more than %,d bytes (it grew while read)",
                        max));
            }
        }
    }

    /** Counts the characters of the current line (and the lines) and names a decoding error in words. */
    private static final class CheckedReader extends FilterReader {
        private final int maxLineChars;
        private final String what;
        private int lineChars;
        private long line = 1;

        CheckedReader(Reader in, int maxLineChars, String what) {
            super(in);
            this.maxLineChars = maxLineChars;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(cbuf, off, len);
            } catch (CharacterCodingException e) {
                throw new TextLimitException(what, "not UTF-8 text (saved as UTF-16, or not text at all?)");
            }
            for (int i = off; i < off + n; i++) {
                if (cbuf[i] == '\n') {
                    lineChars = 0;
                    line++;
                } else if (++lineChars > maxLineChars) {
                    throw new TextLimitException(what, String.format(Locale.ROOT,
                            "a line longer than %,d characters (line %,d)", maxLineChars, line));
                }
            }
            return n;
        }
    }
}
