package dev.backprop.playground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.playground.cli.PlaygroundCommand;
import dev.backprop.playground.engine.nn.TrainerState;
import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.io.Checkpoints;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28: Open run holds what the timeline keeps, not every checkpoint: of a run with more
 * checkpoints than the timeline's 2,000 entries it reads 2,000, spread evenly from the first to the last.
 */
class OpenRunMemoryTest {
    @TempDir
    Path dir;

    @Test
    void onlyTheCheckpointsTheTimelineKeepsAreReadEvenlySpaced() throws Exception {
        Path run = dir.resolve("run");
        StringWriter err = new StringWriter();
        var cl = PlaygroundCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute("train", "--samples", "100", "--hidden", "2", "--steps", "2", "--checkpoint-every", "1",
                "--out", run.toString()), err.toString());
        Path folder = run.resolve(Checkpoints.FOLDER);
        int last = 2_500;
        for (int step = 3; step <= last; step++) {
            Files.copy(folder.resolve(Checkpoints.fileName(2)), folder.resolve(Checkpoints.fileName(step)));
        }
        List<TrainerState> states = RunRecord.read(run, TrainingConfig.defaults()).checkpoints();
        assertEquals(Timeline.MAX_ENTRIES, states.size());
        for (int k = 0; k < states.size(); k++) {
            assertEquals(Math.round((double) k * last / (Timeline.MAX_ENTRIES - 1)), states.get(k).step(), "entry " + k);
        }
        assertEquals(0, states.get(0).step());
        assertEquals(last, states.get(states.size() - 1).step());
    }
}
