package dev.backprop.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plain JVM given picture work starts the command again with the Vector API, its notice dropped. */
class VectorRelaunchTest {
    @TempDir
    Path dir;

    @Test
    void onlyTrainAndEvalOnPicturesAreStartedAgain() {
        assertTrue(VectorRelaunch.picturesIn(new String[] {"train", "--steps", "5", "--dataset", "fashion"}));
        assertTrue(VectorRelaunch.picturesIn(new String[] {"eval", "--model", "m.json", "--dataset=DIGITS"}));
        assertTrue(VectorRelaunch.picturesIn(new String[] {"train", "--dataset", "idx", "--data-dir", "d"}));
        assertFalse(VectorRelaunch.picturesIn(new String[] {"train", "--dataset", "moons"}));
        assertFalse(VectorRelaunch.picturesIn(new String[] {"train"}));
        assertFalse(VectorRelaunch.picturesIn(new String[] {"train", "--dataset"}));
        assertFalse(VectorRelaunch.picturesIn(new String[] {"bench", "--dataset", "fashion"}));
        assertFalse(VectorRelaunch.picturesIn(new String[0]));
        // this JVM has the module (surefire's argLine), so nothing is started again here
        assertFalse(VectorRelaunch.wanted(new String[] {"train", "--dataset", "digits"}));
    }

    @Test
    void aJvmThatIsNotAJavaCommandOfMainIsNotStartedAgain() {
        // surefire's JVM runs its own main class: starting its command line again would run the tests
        assertEquals(null, VectorRelaunch.childCommand(new String[0]));
        assertEquals(null, VectorRelaunch.childCommand(new String[] {"train", "--dataset", "digits"}));
    }

    /** What {@link VectorRelaunch#copyWithoutNotice} passes on of {@code text}, read in chunks of {@code chunk} bytes. */
    private static String copied(String text, int chunk) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        InputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorRelaunch.copyWithoutNotice(in, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theIncubatorNoticeIsDroppedAndEverythingElsePasses() {
        String notice = "WARNING: Using incubator modules: jdk.incubator.vector\n";
        for (int chunk : new int[] {1, 7, 8192}) {
            assertEquals("training 5%\rtraining 9%\nwrote run\n", copied(notice + "training 5%\rtraining 9%\nwrote run\n", chunk));
            assertEquals("WARNING: something else\nx\n", copied("WARNING: something else\nx\n", chunk));
            assertEquals("WARNING: Using\n", copied("WARNING: Using\n", chunk));
            assertEquals("x\n" + notice, copied("x\n" + notice, chunk), "only a first line is the JVM's notice");
            assertEquals("WARNING: Using incub", copied("WARNING: Using incub", chunk), "held, then passed at the end");
            assertEquals("", copied(notice, chunk));
        }
    }

    @Test
    void aPlainJvmTrainsDigitsInAChildWithTheVectorApi() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path err = dir.resolve("err.txt");
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.backprop.playground.Main", "train", "--dataset", "digits", "--hidden", "4", "--steps", "2",
                "--snapshot-every", "2")).redirectError(err.toFile()).redirectOutput(out.toFile()).start();
        assertEquals(0, p.waitFor(), Files.readString(err));
        assertTrue(Files.readString(out).startsWith("dataset=digits net=64-4-10"), Files.readString(out));
        assertFalse(Files.readString(err).contains("WARNING"), Files.readString(err));
    }
}
