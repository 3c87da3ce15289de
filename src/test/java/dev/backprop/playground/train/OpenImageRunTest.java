package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.cli.PlaygroundCommand;
import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.data.ImageSets;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.io.DatasetCsv;
import dev.backprop.playground.io.ImageSource;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of pictures wider than 64 pixels writes dataset.csv as image indexes and dataset-source.json
 * beside it; the run opens again with its pictures (Open run, eval --data), or says which folder is gone.
 */
class OpenImageRunTest {
    @TempDir
    Path dir;

    /** Exit code, stdout and stderr of one command line. */
    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = PlaygroundCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** An IDX folder of 10x10 pictures: 30 for training and 10 for testing, image i of class i mod 10. */
    private static Path idxFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String split : new String[] {"train", "t10k"}) {
            int n = split.equals("train") ? 30 : 10;
            ByteArrayOutputStream images = new ByteArrayOutputStream();
            DataOutputStream im = new DataOutputStream(images);
            im.writeInt(0x00000803);
            im.writeInt(n);
            im.writeInt(10);
            im.writeInt(10);
            ByteArrayOutputStream labels = new ByteArrayOutputStream();
            DataOutputStream lb = new DataOutputStream(labels);
            lb.writeInt(0x00000801);
            lb.writeInt(n);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 100; k++) {
                    im.writeByte((i * 37 + k * 11 + (split.equals("train") ? 0 : 5)) % 256);
                }
                lb.writeByte(i % 10);
            }
            Files.write(folder.resolve(split + "-images-idx3-ubyte"), images.toByteArray());
            Files.write(folder.resolve(split + "-labels-idx1-ubyte"), labels.toByteArray());
        }
        return folder;
    }

    private static void assertSamePictures(DataSplit expected, DataSplit actual) {
        assertEquals(expected.all().inputs(), actual.all().inputs());
        assertArrayEquals(expected.all().features().data, actual.all().features().data, 0);
        assertArrayEquals(expected.all().labels().data, actual.all().labels().data, 0);
        assertArrayEquals(expected.isTest(), actual.isTest());
    }

    @Test
    void anIdxRunOpensAgainWithItsPicturesAndNamesTheFolderOnceItIsGone() throws Exception {
        Path folder = idxFolder(dir.resolve("pictures"));
        Path out = dir.resolve("run");
        Result trained = run("train", "--dataset", "idx", "--data-dir", folder.toString(), "--hidden", "4",
                "--batch", "8", "--steps", "6", "--snapshot-every", "3", "--checkpoint-every", "3", "--out", out.toString());
        assertEquals(0, trained.exit(), trained.err());
        List<String> csv = Files.readAllLines(out.resolve("dataset.csv"));
        assertEquals("image,label,split", csv.get(0));
        assertEquals(List.of("0,0,train", "1,1,train"), csv.subList(1, 3));
        assertEquals("30,0,test", csv.get(31));
        assertEquals(new ImageSource(DatasetKind.IDX, folder, null), ImageSource.readBeside(out.resolve("dataset.csv")));

        // the io side, as eval reads it: the folder's pictures, row for row
        DataSplit expected = ImageSets.folder(folder, null).split();
        assertSamePictures(expected, DatasetCsv.read(out.resolve("dataset.csv")));
        Result eval = run("eval", "--model", out.resolve("model.json").toString(), "--data",
                out.resolve("dataset.csv").toString());
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.out().startsWith("net=100-4-10 points=40 "), eval.out());

        // the app's Open run: the pictures, their shape, the checkpoints
        SessionEngine engine = new SessionEngine(TrainingConfig.defaults());
        Snapshot opened = EngineDriver.apply(engine, new Command.OpenRun(out));
        assertEquals(null, opened.problem(), opened.message());
        assertSamePictures(expected, opened.data());
        assertEquals(List.of(0L, 3L, 6L), opened.timeline().steps());

        // the folder gone: both say which one
        Path moved = Files.move(folder, dir.resolve("elsewhere"));
        String gone = "the run's images are the IDX files in " + folder + ", and that folder is not on this machine";
        Snapshot refused = EngineDriver.apply(engine, new Command.OpenRun(out));
        assertNotNull(refused.problem());
        assertTrue(refused.message().contains(gone), refused.message());
        Result evalGone = run("eval", "--model", out.resolve("model.json").toString(), "--data",
                out.resolve("dataset.csv").toString());
        assertEquals(2, evalGone.exit(), evalGone.err());
        assertTrue(evalGone.err().contains(gone), evalGone.err());

        // other pictures in its place: the labels tell
        Files.move(moved, folder);
        Files.write(folder.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 30,
            1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        String other = EngineDriver.apply(engine, new Command.OpenRun(out)).message();
        assertTrue(other.contains("point 1: label 0, but image 0 of the IDX files in " + folder + " is a 1"), other);

        // a run without its source file: said, not "the model takes 100 inputs, dataset.csv has 1"
        Files.delete(out.resolve(ImageSource.FILE));
        String unknown = EngineDriver.apply(engine, new Command.OpenRun(out)).message();
        assertTrue(unknown.contains("dataset.csv holds image indexes, and there is no dataset-source.json"), unknown);
    }

    @Test
    void aFashionRunOfTheCliOpensWithItsPictures() throws Exception {
        // the full set where dataset-fashion-mnist is installed, else the shipped subset: the run records which
        Path out = dir.resolve("fashion");
        Result trained = run("train", "--dataset", "fashion", "--samples", "300", "--hidden", "8", "--batch", "32",
                "--steps", "4", "--snapshot-every", "4", "--out", out.toString());
        assertEquals(0, trained.exit(), trained.err());
        boolean full = ImageSets.holdsIdx(ImageSets.FASHION_DIR);
        assertEquals(new ImageSource(DatasetKind.FASHION, full ? ImageSets.FASHION_DIR : null, 300),
                ImageSource.readBeside(out.resolve("dataset.csv")));
        DataSplit expected = ImageSets.fashion(ImageSets.FASHION_DIR, 300).split();
        DataSplit reopened = DatasetCsv.read(out.resolve("dataset.csv"));
        assertSamePictures(expected, reopened);
        assertEquals(28, reopened.all().inputs().shape()[0]);
    }

    @Test
    void theShippedSubsetIsRebuiltFromItsRecordedSamples() throws Exception {
        DataSplit shipped = ImageSets.fashion(null, 200).split();
        Path csv = dir.resolve("dataset.csv");
        dev.backprop.playground.io.RunFiles.writeDataset(csv, shipped);
        new ImageSource(DatasetKind.FASHION, null, 200).write(ImageSource.beside(csv));
        assertTrue(Files.readString(ImageSource.beside(csv)).contains("\"folder\": null"));
        assertSamePictures(shipped, DatasetCsv.read(csv));
        // the subset's size is part of the source: another gives other pictures, and the labels say so
        new ImageSource(DatasetKind.FASHION, null, 300).write(ImageSource.beside(csv));
        String wrong = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DatasetCsv.read(csv)).getMessage();
        assertTrue(wrong.contains("the pictures there are not the run's"), wrong);
    }
}
