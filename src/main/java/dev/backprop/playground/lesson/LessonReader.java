package dev.backprop.playground.lesson;

import dev.backprop.playground.engine.nn.Limits;
import dev.backprop.playground.io.ExperimentFile;
import dev.backprop.playground.io.InputLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a lesson file ({@code .lesson}, docs/lessons.md documents it): lines of {@code key: value},
 * a header (lesson, notebook, section, experiment, tab, lab) then one block per step (step, text,
 * do, highlight, check); blank lines and lines starting with '#' are skipped. Strict: an unknown
 * key, a key given twice, a missing one, a check that does not parse or an experiment file that does
 * not open is refused with the line it is on. The experiment file is named relative to the lesson's
 * folder and is read whole here, so a lesson that opens can be applied.
 */
public final class LessonReader {
    /** The file name ending of a lesson. */
    public static final String SUFFIX = ".lesson";
    /** Far more than a lesson's text: a lesson file is read whole. */
    public static final long MAX_BYTES = 256 * 1024;
    public static final int MAX_STEPS = 100;
    /** The experiment files lessons name are small set-ups; the app's own limit on one is larger. */
    static final long MAX_EXPERIMENT_BYTES = 16_000_000L;

    private static final Set<String> HEADER_KEYS = Set.of("lesson", "notebook", "section", "experiment", "tab", "lab");
    private static final Set<String> STEP_KEYS = Set.of("step", "text", "do", "highlight", "check");

    private LessonReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @throws LessonFormatException naming the line that is wrong
     * @throws IOException when the file cannot be read
     */
    public static Lesson read(Path file) throws IOException {
        try { // a FIFO, a device or /proc is refused before it is opened, a large file before it is read
            InputLimits.checkRegularFile(file, MAX_BYTES, "the lesson file");
        } catch (IllegalArgumentException e) {
            throw new LessonFormatException(1, e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new LessonFormatException(1, "the file is not UTF-8 text");
        }
        Path folder = file.toAbsolutePath().getParent();
        return parse(text, folder);
    }

    /**
     * Reads a lesson from its text; the experiment it names is looked for in {@code folder}.
     *
     * @throws LessonFormatException naming the line that is wrong
     */
    public static Lesson parse(String text, Path folder) {
        Header header = new Header();
        List<LessonStep> steps = new ArrayList<>();
        StepBuilder step = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new LessonFormatException(number, "expected 'key: value', got '" + shortened(line) + "'");
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (key.equals("step")) {
                if (step != null) {
                    steps.add(step.build());
                }
                if (steps.size() == MAX_STEPS) {
                    throw new LessonFormatException(number, "more than " + MAX_STEPS + " steps");
                }
                step = new StepBuilder(number);
                step.set(key, value, number);
            } else if (step != null) {
                if (!STEP_KEYS.contains(key)) {
                    throw new LessonFormatException(number, "'" + shortened(key) + "' is not a key of a step (it takes "
                            + "step, text, do, highlight, check" + (HEADER_KEYS.contains(key) ? "; '" + key
                            + "' belongs before the first step" : "") + ")");
                }
                step.set(key, value, number);
            } else {
                if (!HEADER_KEYS.contains(key)) {
                    throw new LessonFormatException(number, "'" + shortened(key) + "' is not a key of the lesson's header "
                            + "(it takes lesson, notebook, section, experiment, tab, lab; a step begins with 'step:')");
                }
                header.set(key, value, number, folder);
            }
        }
        if (step != null) {
            steps.add(step.build());
        }
        int end = Math.max(1, lines.length);
        header.require(end);
        if (steps.isEmpty()) {
            throw new LessonFormatException(end, "the lesson has no step (a step begins with 'step: TITLE')");
        }
        return new Lesson(header.title, header.notebook, header.section, header.experiment, header.onLab,
                header.lab == null ? null : header.lab.toString(), steps);
    }

    private static String shortened(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    /** The header as read so far. */
    private static final class Header {
        final Set<String> seen = new HashSet<>();
        String title;
        String notebook;
        String section;
        Path experiment;
        boolean onLab;
        StringBuilder lab;

        void set(String key, String value, int line, Path folder) {
            if (!key.equals("lab") && !seen.add(key)) {
                throw new LessonFormatException(line, "'" + key + "' is given twice");
            }
            if (value.isEmpty() && !key.equals("lab")) {
                throw new LessonFormatException(line, "'" + key + "' is empty");
            }
            switch (key) {
                case "lesson" -> title = value;
                case "notebook" -> {
                    if (!value.matches("00[0-4]")) {
                        throw new LessonFormatException(line, "notebook must be one of the seeds 000 to 004, got '"
                                + shortened(value) + "'");
                    }
                    notebook = value;
                }
                case "section" -> section = value;
                case "tab" -> {
                    if (!value.equals("network") && !value.equals("lab")) {
                        throw new LessonFormatException(line, "tab must be 'network' or 'lab', got '" + shortened(value) + "'");
                    }
                    onLab = value.equals("lab");
                }
                case "lab" -> lab = lab == null ? new StringBuilder(value) : lab.append('\n').append(value);
                default -> experiment = experiment(value, line, folder);
            }
        }

        void require(int line) {
            for (String key : List.of("lesson", "notebook", "section")) {
                if (!seen.contains(key)) {
                    throw new LessonFormatException(line, "the header has no '" + key + ":' line");
                }
            }
        }
    }

    /** The experiment file beside the lesson, opened whole now: a lesson that opens can be applied. */
    private static Path experiment(String name, int line, Path folder) {
        if (!name.endsWith(".json")) {
            throw new LessonFormatException(line, "the experiment must be a .bpg.json file, got '" + shortened(name) + "'");
        }
        Path file = folder == null ? Path.of(name) : folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new LessonFormatException(line, "the experiment file " + name + " is not there (it is looked for beside the lesson)");
        }
        try {
            ExperimentFile.read(file, MAX_EXPERIMENT_BYTES, Limits.APP_MAX_SAMPLES);
        } catch (IOException | IllegalArgumentException e) {
            throw new LessonFormatException(line, "the experiment file " + name + " does not open: " + e.getMessage());
        }
        return file;
    }

    /** One step as read so far. */
    private static final class StepBuilder {
        final int line;
        final Set<String> seen = new HashSet<>();
        String title;
        final StringBuilder text = new StringBuilder();
        String action;
        String highlight;
        LessonCheck check;

        StepBuilder(int line) {
            this.line = line;
        }

        void set(String key, String value, int number) {
            if (!key.equals("text") && !seen.add(key)) {
                throw new LessonFormatException(number, "'" + key + "' is given twice in the step of line " + line);
            }
            seen.add(key);
            if (value.isEmpty() && !key.equals("text")) {
                throw new LessonFormatException(number, "'" + key + "' is empty");
            }
            switch (key) {
                case "step" -> title = value;
                // an empty text line starts a new paragraph
                case "text" -> text.append(text.length() == 0 ? "" : value.isEmpty() ? "\n" : text.charAt(text.length() - 1) == '\n' ? "" : " ")
                        .append(value);
                case "do" -> action = value;
                case "highlight" -> {
                    if (!value.matches("[A-Za-z0-9_-]+")) {
                        throw new LessonFormatException(number, "highlight takes a control's id (letters, digits, - and _), got '"
                                + shortened(value) + "'");
                    }
                    highlight = value;
                }
                default -> {
                    try {
                        check = LessonCheck.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw new LessonFormatException(number, "check: " + e.getMessage());
                    }
                }
            }
        }

        LessonStep build() {
            for (String key : List.of("text", "do", "check")) {
                if (!seen.contains(key)) {
                    throw new LessonFormatException(line, "the step '" + shortened(title) + "' has no '" + key + ":' line");
                }
            }
            return new LessonStep(title, text.toString().strip(), action, highlight, check, line);
        }
    }
}
