package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.backprop.playground.engine.nn.Metrics;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.Snapshot;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The timeline keys: Home, End, PageUp, PageDown, from the live run and while scrubbing. */
class TimelineCursorTest {
    private static final List<Long> STEPS = List.of(0L, 250L, 500L, 1000L);

    private static Snapshot at(long scrubbed) {
        List<Metrics> history = List.of(new Metrics(0, 0.7, 0.7, 0.5, 0.5, 0), new Metrics(250, 0.5, 0.5, 0.8, 0.8, 0),
                new Metrics(500, 0.3, 0.3, 0.9, 0.9, 0), new Metrics(1000, 0.1, 0.1, 0.97, 0.97, 0));
        return Snapshot.builder().step(scrubbed >= 0 ? scrubbed : 1100).history(history)
                .timeline(new Snapshot.TimelineView(STEPS, List.of(), scrubbed, List.of(), 0)).build();
    }

    @Test
    void fromTheLiveRun() {
        assertEquals(new Command.ScrubTo(0), TimelineCursor.forKey(KeyCode.HOME, at(-1)));
        assertEquals(new Command.ScrubTo(1000), TimelineCursor.forKey(KeyCode.PAGE_UP, at(-1)));
        assertNull(TimelineCursor.forKey(KeyCode.PAGE_DOWN, at(-1)));
        assertNull(TimelineCursor.forKey(KeyCode.END, at(-1)));
        assertEquals(0.1, TimelineCursor.shownRow(at(-1)).trainLoss());
    }

    @Test
    void whileScrubbing() {
        assertEquals(new Command.ScrubTo(250), TimelineCursor.forKey(KeyCode.PAGE_UP, at(500)));
        assertEquals(new Command.ScrubTo(1000), TimelineCursor.forKey(KeyCode.PAGE_DOWN, at(500)));
        assertEquals(new Command.ScrubTo(0), TimelineCursor.forKey(KeyCode.PAGE_UP, at(0)), "stays at the first");
        assertEquals(new Command.ScrubTo(1000), TimelineCursor.forKey(KeyCode.PAGE_DOWN, at(1000)), "and the last");
        assertEquals(new Command.LeaveScrub(), TimelineCursor.forKey(KeyCode.END, at(500)));
        assertEquals(0.3, TimelineCursor.shownRow(at(500)).trainLoss(), "the status line shows the scrubbed step");
        assertNull(TimelineCursor.forKey(KeyCode.A, at(500)));
    }
}
