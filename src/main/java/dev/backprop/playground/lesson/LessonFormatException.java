package dev.backprop.playground.lesson;

/** A lesson file that does not check out: the message names the file's line and what is wrong there. */
public final class LessonFormatException extends IllegalArgumentException {
    private final int line;

    public LessonFormatException(int line, String what) {
        super("line " + line + ": " + what);
        this.line = line;
    }

    /** The line of the lesson file that is wrong, from 1. */
    public int line() {
        return line;
    }
}
