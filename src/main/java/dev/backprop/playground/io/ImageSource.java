package dev.backprop.playground.io;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.backprop.playground.engine.data.DataSplit;
import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.DatasetKind;
import dev.backprop.playground.engine.data.ImageSets;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a run's pictures came from, written as {@value #FILE} beside a dataset.csv that holds image
 * indexes ({@link RunFiles#writeDataset}): the dataset (fashion or idx), the folder of IDX files (null
 * for the shipped Fashion-MNIST subset) and the class-balanced {@code --samples} taken (null: every
 * image). The picture sets have no randomness (the official split, a balanced subset in file order),
 * so these three give back the run's images, row for row; the labels in dataset.csv check that they do.
 */
public record ImageSource(DatasetKind dataset, Path folder, Integer samples) {
    public static final String FILE = "dataset-source.json";
    /** Far more than the file needs: a folder's path and two words. */
    static final long MAX_FILE_BYTES = 64 * 1024;

    public ImageSource {
        if (dataset != DatasetKind.FASHION && dataset != DatasetKind.IDX) {
            throw new IllegalArgumentException("pictures come from fashion or idx, not " + dataset.id());
        }
        if (folder == null && dataset == DatasetKind.IDX) {
            throw new IllegalArgumentException("idx pictures come from a folder");
        }
        if (samples != null && samples < 2) {
            throw new IllegalArgumentException("\"samples\" must be at least 2, found " + samples);
        }
        folder = folder == null ? null : folder.toAbsolutePath().normalize();
    }

    /**
     * The source of data {@code loaded} for {@code dataset} with {@code samples} asked (null: all), or
     * null when the data is not a picture set read from files.
     */
    public static ImageSource of(DatasetKind dataset, ImageSets.Loaded loaded, Integer samples) {
        return of(dataset, loaded.source(), samples);
    }

    /** As {@link #of(DatasetKind, ImageSets.Loaded, Integer)}, for pictures read from {@code source} (a loaded set's). */
    public static ImageSource of(DatasetKind dataset, String source, Integer samples) {
        if (dataset != DatasetKind.FASHION && dataset != DatasetKind.IDX) {
            return null;
        }
        return new ImageSource(dataset, ImageSets.SHIPPED_SUBSET.equals(source) ? null : Path.of(source), samples);
    }

    /** The source file that goes with {@code datasetCsv}: {@value #FILE} in the same folder. */
    public static Path beside(Path datasetCsv) {
        return datasetCsv.toAbsolutePath().resolveSibling(FILE);
    }

    /** Writes this source to {@code file} atomically. */
    public void write(Path file) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("dataset", dataset.id());
        root.addProperty("folder", folder == null ? null : folder.toString());
        root.addProperty("samples", samples);
        AtomicFile.writeString(file, new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(root) + "\n");
    }

    /**
     * The source beside {@code datasetCsv}, or null when there is none.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static ImageSource readBeside(Path datasetCsv) throws IOException {
        Path file = beside(datasetCsv);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            String text = InputLimits.readString(file, MAX_FILE_BYTES, FILE);
            JsonElement root = StrictJsonTree.read(new StringReader(text), new StrictJsonTree.Plan() {
                @Override
                public StrictJsonTree.ArrayRule array(String path) {
                    return null;
                }

                @Override
                public void rootMember(String key, JsonElement value) {
                }
            }).root();
            if (!root.isJsonObject()) {
                throw new IllegalArgumentException("expected an object");
            }
            JsonObject o = root.getAsJsonObject();
            JsonElement folder = o.get("folder");
            JsonElement samples = o.get("samples");
            return new ImageSource(DatasetKind.fromId(JsonFields.string(o, "dataset")),
                    folder == null || folder.isJsonNull() ? null : Path.of(JsonFields.string(o, "folder")),
                    samples == null || samples.isJsonNull() ? null : JsonFields.whole32(o, "samples"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FILE + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code split} is what a dataset.csv of image indexes reads as: one input column named "image". */
    public static boolean holdsIndexes(DataSplit split) {
        return split.all().width() == 1 && split.all().inputs().name(0).equals(RunFiles.IMAGE_COLUMN);
    }

    /**
     * The pictures {@code indexes} (a dataset.csv of image indexes) points at,
     * with its labels and split; each row's label must be its picture's.
     *
     * @throws IllegalArgumentException when the source is not on this machine (naming the folder), is
     *         not the run's, or an index is out of range
     */
    public DataSplit rebuild(DataSplit indexes) throws IOException {
        DataSplit images = load();
        Dataset all = images.all();
        Dataset index = indexes.all();
        int[] rows = new int[index.size()];
        for (int i = 0; i < rows.length; i++) {
            double v = index.features().data[i];
            if (v != Math.rint(v) || v < 0 || v >= all.size()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "point %d: image %s is not one of "
                        + "the %,d images of %s", i + 1, RunFiles.num(v), all.size(), describe()));
            }
            rows[i] = (int) v;
            if (index.labels().data[i] != all.labels().data[rows[i]]) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "point %d: label %s, but image %d of "
                        + "%s is a %d: the pictures there are not the run's", i + 1,
                        RunFiles.label(index.labels().data[i]), rows[i], describe(), all.label(rows[i])));
            }
        }
        return DataSplit.of(all.subset(rows), indexes.isTest());
    }

    /** The pictures this source names, all of them in the run's order (train rows first, then test). */
    DataSplit load() throws IOException {
        if (folder == null) {
            return ImageSets.fashion(null, samples).split();
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("the run's images are " + describe() + ", and that folder is not on "
                    + "this machine" + (dataset == DatasetKind.FASHION && folder.equals(ImageSets.FASHION_DIR)
                    ? " (Debian's package dataset-fashion-mnist puts them there)" : "")
                    + "; " + FILE + " names it");
        }
        checkIdxFiles(folder, FILE);
        return ImageSets.folder(folder, samples).split();
    }

    /** "the shipped Fashion-MNIST subset" or "the IDX files in /folder". */
    public String describe() {
        return folder == null ? "the shipped Fashion-MNIST subset" : "the IDX files in " + folder;
    }

    /**
     * The IDX files of {@code dir} that exist must be files, as every input is ({@link InputLimits}): a
     * link to /proc/kmsg named train-images-idx3-ubyte would block the read forever.
     *
     * @param what the option or file that named the folder, for the message
     */
    public static void checkIdxFiles(Path dir, String what) throws IOException {
        for (String split : new String[] {"train", "t10k"}) {
            for (String part : new String[] {"-images-idx3-ubyte", "-labels-idx1-ubyte"}) {
                for (String suffix : new String[] {"", ".gz"}) {
                    Path file = dir.resolve(split + part + suffix);
                    if (Files.exists(file)) {
                        InputLimits.checkRegularFile(file, ImageSets.MAX_FILE_BYTES, what);
                    }
                }
            }
        }
    }
}
