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
 * {@code lessons/index.txt}. The menu reads their titles from the resources; a lesson opened is
 * first copied out (with the experiment files, once) to a temporary folder, so that a shipped lesson
 * is read and applied exactly as a teacher's file on disk is.
 */
public final class ShippedLessons {
    private static final String FOLDER = "lessons/";
    private static Path copied;

    private ShippedLessons() {
    }

    /** The shipped lessons' file names, in menu order. */
    public static List<String> names() {
        try {
            return index().stream().filter(n -> n.endsWith(LessonReader.SUFFIX)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped lessons' index is missing: " + e.getMessage(), e);
        }
    }

    /** The shipped lesson {@code name} as a file on disk, its experiment files beside it. */
    public static synchronized Path file(String name) throws IOException {
        if (copied == null) {
            copied = copyAll();
        }
        return copied.resolve(name);
    }

    /** Every shipped lesson as a file on disk, in menu order. */
    public static List<Path> files() {
        List<Path> files = new ArrayList<>();
        try {
            for (String name : names()) {
                files.add(file(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped lessons cannot be copied out: " + e.getMessage(), e);
        }
        return files;
    }

    /** "000 · An MLP from scratch on the two moons": the notebook and title, from the lesson's header lines. */
    public static String menuLabel(String name) {
        String notebook = "";
        String title = name;
        try {
            for (String line : new String(resource(name), StandardCharsets.UTF_8).split("\n")) {
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
