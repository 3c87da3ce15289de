package dev.backprop.playground.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSVs with any columns: named inputs in header order, y/y1..yk targets, and their limits; dataset.csv read back. */
class WideCsvTest {
    @TempDir
    Path dir;

    private static PointsCsv.Points read(String text) throws Exception {
        return PointsCsv.read(new BufferedReader(new StringReader(text)), PointsCsv.ANY_LABEL, 1000);
    }

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> read(text)).getMessage();
    }

    @Test
    void everyOtherColumnIsAnInputNamedByItsHeader() throws Exception {
        PointsCsv.Points p = read("Sepal,label,petal,split,width,depth\n1,2,3,test,4,5\n6,0,7,train,8,9\n");
        Dataset d = p.all();
        assertEquals(List.of("Sepal", "petal", "width", "depth"), d.inputs().names());
        assertArrayEquals(new double[] {1, 3, 4, 5, 6, 7, 8, 9}, d.features().data, 0);
        assertArrayEquals(new double[] {2, 0}, d.labels().data, 0);
        assertEquals(3, p.classes());
        assertTrue(p.isTest()[0] && !p.isTest()[1]);
    }

    @Test
    void yColumnsAreRealTargetsInTheirNumberOrder() throws Exception {
        PointsCsv.Points p = read("y2,a,y1\n1,2,3\n4,5,6\n");
        assertEquals(0, p.classes());
        assertEquals(2, p.all().targets());
        // row 1: y1 = 3, y2 = 1
        assertArrayEquals(new double[] {3, 1, 6, 4}, p.all().labels().data, 0);
        assertEquals(1, p.all().width());
        PointsCsv.Points one = read("x,y\n1,2\n3,4\n");
        assertEquals(0, one.classes());
        assertEquals(1, one.all().targets());
        assertNull(one.isTest());
    }

    @Test
    void thePlanesFilesKeepX1First() throws Exception {
        Dataset d = read("x2,label,x1\n5,0,1\n6,1,2\n").all();
        assertTrue(d.inputs().isPlanar());
        assertArrayEquals(new double[] {1, 5, 2, 6}, d.features().data, 0);
    }

    @Test
    void headersOutsideTheLimitsAreRefusedBeforeTheBody() {
        StringBuilder wide = new StringBuilder();
        for (int c = 1; c <= 2000; c++) {
            wide.append('c').append(c).append(',');
        }
        assertEquals("line 1: 2,000 input columns, at most 1,024", error(wide + "label\n"));
        assertTrue(error("a,y1,y3\n").contains("y3 without y2"));
        assertTrue(error("a,y17\n").contains("at most 16 targets"));
        assertTrue(error("a,label,y\n").contains("give one of label, y, or y1..yk"));
        assertTrue(error("a,,label\n").startsWith("line 1, column 2: the column has no name"));
        assertTrue(error("a,A,label\n").contains("\"a\" appears twice"));
        assertEquals("line 3: expected 3 fields like the header, found 4", error("a,b,label\n1,2,0\n1,2,0,5\n"));
    }

    @Test
    void aDatasetCsvWithNamedColumnsReadsBackAsWritten() throws Exception {
        PointsCsv.Points p = read("a,b,c,y1,y2,split\n1,2,3,0.5,-1,train\n4,5,6,1.5,2,test\n7,8,9,2.5,3,train\n");
        DataSplit s = p.split(0, new java.util.Random(0));
        Path f = dir.resolve("dataset.csv");
        RunFiles.writeDataset(f, s);
        assertEquals("a,b,c,y1,y2,split", Files.readAllLines(f).get(0));
        DataSplit back = DatasetCsv.read(f);
        assertArrayEquals(s.all().features().data, back.all().features().data, 0);
        assertArrayEquals(s.all().labels().data, back.all().labels().data, 0);
        assertEquals(s.all().inputs(), back.all().inputs());
        assertEquals(1, back.test().size());
    }
}
