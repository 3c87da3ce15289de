package dev.backprop.playground.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lessons shipped with the app, in the notebooks' order: the resources listed in
 * {@code lessons/index.txt}, copied once to a temporary folder so that a shipped lesson is read
 * and applied exactly as a teacher's file on disk is.
 */
public final class ShippedLessons {
    private static final String FOLDER = "lessons/";
    private static Path copied;

    private ShippedLessons() {
    }

    /** The shipped lesson files, in menu order. */
    public static synchronized List<Path> files() {
        try {
            if (copied == null) {
                copied = copyAll();
            }
            List<Path> lessons = new ArrayList<>();
            for (String name : index()) {
                if (name.endsWith(LessonReader.SUFFIX)) {
                    lessons.add(copied.resolve(name));
                }
            }
            return lessons;
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped lessons cannot be copied out: " + e.getMessage(), e);
        }
    }

    /** "000 · An MLP from scratch on the two moons": the notebook and title, from the file's header lines. */
    public static String menuLabel(Path lesson) {
        String notebook = "";
        String title = lesson.getFileName().toString();
        try {
            for (String line : Files.readAllLines(lesson, StandardCharsets.UTF_8)) {
                if (line.startsWith("notebook:")) {
                    notebook = line.substring(9).strip() + " \u00b7 ";
                } else if (line.startsWith("lesson:")) {
                    title = line.substring(7).strip();
                } else if (line.startsWith("step:")) {
                    break;
                }
            }
        } catch (IOException e) {
            // the file name stands in: opening the lesson says what is wrong
        }
        return notebook + title;
    }

    private static List<String> index() throws IOException {
        return new String(resource("index.txt"), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static Path copyAll() throws IOException {
        Path dir = Files.createTempDirectory("backprop-lessons");
        dir.toFile().deleteOnExit();
        for (String name : index()) {
            Path file = dir.resolve(name);
            Files.write(file, resource(name));
            file.toFile().deleteOnExit();
        }
        return dir;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ShippedLessons.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IOException("no resource " + FOLDER + name);
            }
            return in.readAllBytes();
        }
    }
}
