package dev.backprop.playground.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.DatasetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointsCsvTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws Exception {
        Path f = dir.resolve("points.csv");
        Files.writeString(f, text);
        return f;
    }

    private String error(String text, int classes) throws Exception {
        Path f = csv(text);
        return assertThrows(IllegalArgumentException.class, () -> PointsCsv.read(f, classes, 1000)).getMessage();
    }

    @Test
    void exportThenImportGivesTheSameDatasetBitForBit() throws Exception {
        DataSplit original = DataSplit.of(DatasetKind.SPIRAL.generate(300, 0.3, 3, new Random(4)), 0.25, new Random(5));
        Path f = dir.resolve("out.csv");
        RunFiles.writeDataset(f, original);
        PointsCsv.Points back = PointsCsv.read(f, 3, 1000);
        DataSplit split = back.split(0.5, new Random(1)); // the file's split column wins over the ratio
        assertArrayEquals(original.all().features().data, split.all().features().data);
        assertArrayEquals(original.all().labels().data, split.all().labels().data);
        assertArrayEquals(original.isTest(), split.isTest());
        assertEquals(3, back.classes());
    }

    @Test
    void headerInAnotherOrderQuotedFieldsAndWindowsLineEndingsLoad() throws Exception {
        PointsCsv.Points p = PointsCsv.read(csv("\uFEFF\"Label\",x2,\"x1\"\r\n1,\"0.5\",-2\r\n0,1e-1,3\r\n\r\n"),
                PointsCsv.ANY_LABEL, 1000);
        assertArrayEquals(new double[] {-2, 0.5, 3, 0.1}, p.all().features().data);
        assertArrayEquals(new double[] {1, 0}, p.all().labels().data);
        assertNull(p.isTest());
        assertEquals(2, p.classes());
    }

    @Test
    void withoutASplitColumnTheRatioPicksTestPoints() throws Exception {
        StringBuilder sb = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 100; i++) {
            sb.append(i).append(",0,").append(i % 2).append('\n');
        }
        DataSplit s = PointsCsv.read(csv(sb.toString()), 2, 1000).split(0.2, new Random(0));
        assertEquals(20, s.test().size());
    }

    @Test
    void labelsThatAreNotClassIndexesAreTargets() throws Exception {
        assertEquals(0, PointsCsv.read(csv("x1,x2,label\n0,0,0.5\n1,1,2\n"), PointsCsv.ANY_LABEL, 10).classes());
        assertEquals(4, PointsCsv.read(csv("x1,x2,label\n0,0,3\n1,1,0\n"), PointsCsv.ANY_LABEL, 10).classes());
    }

    @Test
    void badFilesNameTheLineAndColumn() throws Exception {
        String good = "x1,x2,label\n0,0,0\n1,1,1\n0,1,1\n";
        assertEquals("line 5, column 2: x2 \"abc\" is not a finite number", error(good + "1,abc,0\n", 2));
        assertEquals("line 5, column 3: label \"x\" is not a class index (0 to 1)", error(good + "1,1,x\n", 2));
        assertEquals("line 5, column 3: label \"2\" is not a class index (0 to 1)", error(good + "1,1,2\n", 2));
        // the app reads before it knows classes from targets: the message names both
        assertEquals("line 5, column 3: label \"x\" is neither a class index (0 to 9) nor a regression target "
                + "(a finite number)", error(good + "1,1,x\n", PointsCsv.ANY_LABEL));
        assertEquals("line 5: expected 3 fields like the header, found 2", error(good + "1,1\n", 2));
        assertTrue(error("", 2).startsWith("the file is empty"));
        // any other column is an input; a header must still name a label (or y targets) and an input
        assertTrue(error("x1,x2,x3\n", 2).startsWith("line 1: the header has no label column"));
        assertTrue(error("label,split\n", 2).startsWith("line 1: the header has no input column"));
        assertEquals("line 3, column 4: split must be train or test, found \"maybe\"",
                error("x1,x2,label,split\n0,0,0,test\n1,1,1,maybe\n", 2));
        assertEquals("line 2, column 1: x1 \"NaN\" is not a finite number", error("x1,x2,label\nNaN,0,0\n", 2));
        assertEquals("line 2: a quote is not closed", error("x1,x2,label\n\"0,0,0\n", 2));
    }

    @Test
    void moreThanTheLimitIsRefusedNamingTheLine() throws Exception {
        Path f = dir.resolve("big.csv");
        StringBuilder sb = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 1001; i++) {
            sb.append("0,0,0\n");
        }
        Files.writeString(f, sb);
        String m = assertThrows(IllegalArgumentException.class, () -> PointsCsv.read(f, 2, 1000)).getMessage();
        assertEquals("line 1002: more than 1,000 points (the limit here)", m);
    }
}
