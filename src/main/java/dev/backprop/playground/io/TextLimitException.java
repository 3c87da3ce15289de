package dev.backprop.playground.io;

import java.io.IOException;

/**
 * A text file that broke a limit while it was read (too long a line, more bytes than allowed) or is
 * not UTF-8 text: a fault of the file, not of the disk, so a command reports it as bad input.
 */
public final class TextLimitException extends IOException {
    private final String detail;

    TextLimitException(String what, String detail) {
        super(what + ": " + detail);
        this.detail = detail;
    }

    /** What is wrong, without the file's name. */
    public String detail() {
        return detail;
    }
}
