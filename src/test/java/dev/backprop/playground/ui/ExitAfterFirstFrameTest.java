package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** packaging/build.sh's archive run: the app opens, draws a frame and ends by itself with exit code 0. */
class ExitAfterFirstFrameTest {
    @Test
    void theAppExitsWithZeroAfterItsFirstFrame() throws Exception {
        Path prefs = Files.createTempDirectory("prefs");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the same class path as this test (surefire's booter jar names the rest), on Monocle's headless platform
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.util.prefs.userRoot=" + prefs, "-Dplayground.exitAfterFirstFrame=true",
                "-Dplayground.startupProbe=true", "dev.backprop.playground.Main"));
        pb.redirectErrorStream(true);
        File log = Files.createTempFile("app", ".log").toFile();
        pb.redirectOutput(log);
        Process app = pb.start();
        boolean ended = app.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            app.destroyForcibly();
        }
        String output = Files.readString(log.toPath());
        assertTrue(ended, "the app ends by itself; output:\n" + output);
        assertEquals(0, app.exitValue(), output);
        assertTrue(output.contains("startup: first frame"), output);
    }
}
