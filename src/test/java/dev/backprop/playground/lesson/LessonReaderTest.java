package dev.backprop.playground.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.io.Experiment;
import dev.backprop.playground.io.ExperimentFile;
import dev.backprop.playground.engine.nn.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson files: the shipped ones read, a hand-written one opens, and a bad one is refused with its line. */
class LessonReaderTest {
    @TempDir
    Path dir;

    private static final String HEADER = "lesson: A test\nnotebook: 004\nsection: The perceptron learning rule\n";

    @Test
    void theShippedLessonsReadInTheNotebooksOrder() throws Exception {
        List<Path> files = ShippedLessons.files();
        assertTrue(files.size() >= 10, "at least ten lessons: " + files.size());
        List<String> notebooks = new ArrayList<>();
        for (Path f : files) {
            Lesson l = LessonReader.read(f);
            notebooks.add(l.notebook());
            assertTrue(l.onLab() || l.experiment() != null, f + " sets itself up");
            for (LessonStep s : l.steps()) {
                assertTrue(!s.text().isEmpty() && !s.action().isEmpty(), f + " step " + s.title());
            }
        }
        assertEquals(notebooks.stream().sorted().toList(), notebooks, "menu order follows the notebooks");
        assertEquals(List.of("000", "001", "002", "003", "004"), notebooks.stream().distinct().toList(),
                "every notebook has a lesson");
    }

    @Test
    void aHandWrittenLessonWithItsExperimentBesideItOpens() throws Exception {
        ExperimentFile.write(dir.resolve("mine.bpg.json"), new Experiment(TrainingConfig.defaults(), null, null,
                Map.of("optimizer", false)));
        Path file = dir.resolve("mine.lesson");
        Files.writeString(file, HEADER + "experiment: mine.bpg.json\n\n# a comment\nstep: Play\n"
                + "text: First line\ntext: goes on.\ntext:\ntext: A new paragraph.\n"
                + "do: Press Play.\nhighlight: play\ncheck: step >= 100 and accuracy >= 0.9\n"
                + "step: Stop\ntext: Two\ndo: Pause.\ncheck: optimizer == sgd\n");
        Lesson l = LessonReader.read(file);
        assertEquals("A test", l.title());
        assertEquals("Seed 004 \u00b7 The perceptron learning rule", l.follows());
        assertEquals(dir.resolve("mine.bpg.json").toAbsolutePath(), l.experiment().toAbsolutePath());
        assertEquals(2, l.steps().size());
        LessonStep first = l.steps().get(0);
        assertEquals("First line goes on.\nA new paragraph.", first.text());
        assertEquals("play", first.highlight());
        assertEquals(7, first.line());
        assertEquals("step >= 100 and accuracy >= 0.9", first.check().text());
        assertNull(l.steps().get(1).highlight());
        assertNull(l.labScript());
    }

    @Test
    void aLabLessonKeepsItsScriptLines() {
        Lesson l = LessonReader.parse(HEADER + "tab: lab\nlab: a = 3\nlab: b = a + a\nstep: S\ntext: t\ndo: d\ncheck: grad a == 2\n", dir);
        assertTrue(l.onLab());
        assertEquals("a = 3\nb = a + a", l.labScript());
    }

    /** Each bad file is refused with the line it is wrong on and what is wrong. */
    @Test
    void aBadLessonIsRefusedNamingTheLine() throws Exception {
        String step = "step: S\ntext: t\ndo: d\ncheck: step >= 1\n";
        refused(HEADER + "colour: red\n" + step, 4, "'colour' is not a key of the lesson's header");
        refused(HEADER + step + "lesson: again\n", 8, "'lesson' belongs before the first step");
        refused(HEADER + "this line has no colon\n" + step, 4, "expected 'key: value'");
        refused(HEADER + "notebook: 007\n" + step, 4, "'notebook' is given twice");
        refused("lesson: x\nnotebook: 7\n", 2, "notebook must be one of the seeds 000 to 004");
        refused(HEADER + "step: S\ntext: t\ncheck: step >= 1\n", 4, "the step 'S' has no 'do:' line");
        refused(HEADER + "step: S\ntext: t\ndo: d\ncheck: speed >= 1\n", 7, "check: 'speed' is not something a check reads");
        refused(HEADER + "step: S\ntext: t\ndo: d\ncheck: accuracy => 1\n", 7, "OP one of >= <= == > <");
        refused(HEADER + "step: S\ntext: t\ndo: d\ncheck: grad a == 6 \u00b1 x\n", 7, "the tolerance 'x' is not a finite number");
        refused(HEADER + "step: S\ntext: t\ndo: d\ncheck: accuracy >= 0.9 \u00b1 0.1\n", 7, "only == takes a tolerance");
        refused(HEADER + "step: S\ntext: t\ndo: d\ndo: again\ncheck: step >= 1\n", 7, "'do' is given twice");
        refused(HEADER + "step: S\ntext: t\ndo: d\nhighlight: #play\ncheck: step >= 1\n", 7, "highlight takes a control's id");
        refused(HEADER, 4, "the lesson has no step");
        refused("notebook: 001\nsection: s\n" + step, 7, "the header has no 'lesson:' line");
        refused(HEADER + "tab: graph\n" + step, 4, "tab must be 'network' or 'lab'");
        refused(HEADER + "experiment: gone.bpg.json\n" + step, 4, "the experiment file gone.bpg.json is not there");
        Files.writeString(dir.resolve("broken.bpg.json"), "{\"format\": \"backprop-playground-experiment\", \"version\": 9}");
        refused(HEADER + "experiment: broken.bpg.json\n" + step, 4,
                "the experiment file broken.bpg.json does not open: version 9 is not known");
    }

    @Test
    void aFileThatIsNotTextOrTooLargeIsRefused() throws Exception {
        Path binary = dir.resolve("b.lesson");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        assertEquals("line 1: the file is not UTF-8 text", assertThrows(LessonFormatException.class,
                () -> LessonReader.read(binary)).getMessage());
        Path large = dir.resolve("l.lesson");
        Files.write(large, new byte[(int) LessonReader.MAX_BYTES + 1]);
        assertTrue(assertThrows(LessonFormatException.class, () -> LessonReader.read(large)).getMessage()
                .contains("bytes, at most 262,144"));
        assertTrue(assertThrows(LessonFormatException.class, () -> LessonReader.read(dir)).getMessage()
                .contains("is not a regular file"), "a folder is refused");
    }

    private void refused(String text, int line, String what) throws Exception {
        Path file = dir.resolve("bad.lesson");
        Files.writeString(file, text);
        LessonFormatException e = assertThrows(LessonFormatException.class, () -> LessonReader.read(file), text);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("line " + line + ": ") && e.getMessage().contains(what), e.getMessage());
    }
}
