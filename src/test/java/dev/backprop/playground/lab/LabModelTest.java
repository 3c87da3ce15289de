package dev.backprop.playground.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.engine.value.MlpSetup;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.GraphNode;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The lab's model without its view: commands in, snapshots out, in order. */
class LabModelTest {
    private final LinkedBlockingQueue<LabSnapshot> published = new LinkedBlockingQueue<>();
    private final LabModel model = new LabModel(published::add);

    /** The snapshot that closes command number {@code seq} (progress snapshots before it are skipped). */
    private LabSnapshot after(long seq) throws InterruptedException {
        while (true) {
            LabSnapshot s = published.poll(20, TimeUnit.SECONDS);
            if (s == null) {
                throw new AssertionError("no snapshot for command " + seq);
            }
            if (s.applied() == seq) {
                return s;
            }
        }
    }

    private static double grad(GraphModel g, String label) {
        GraphNode n = g.nodes().stream().filter(x -> x.label().equals(label)).findFirst().orElseThrow();
        return n.grad() == null ? Double.NaN : n.grad().first();
    }

    @Test
    void steppingBackWithoutZeroingRestoresTheEarlierGradient() throws Exception {
        model.evaluate("a = 3; b = a + a");
        model.backwardPass();
        model.setZeroFirst(false);
        model.stepBackward();
        model.stepBackward();
        LabSnapshot twice = after(5);
        assertEquals(4, grad(twice.graph(), "a"));
        assertTrue(twice.stepText().startsWith("2/2  a.grad += db/da"), twice.stepText());
        model.stepBack();
        assertEquals(2, grad(after(6).graph(), "a"), "back: the first pass's 2 again, still shown");
    }

    @Test
    void aBadCommandIsReportedAndTheWorkerGoesOn() throws Exception {
        model.train(MlpSetup.seed001(), 0);
        LabSnapshot bad = after(1);
        assertTrue(bad.wrong() && bad.stepText().contains("1 to 2000 epochs"), bad.stepText());
        model.evaluate("a = 2; b = a * a");
        model.nudge(0.1);
        assertTrue(after(3).stepText().startsWith("no gradients yet"), "a nudge needs a backward first");
        model.train(MlpSetup.seed001(), 3);
        LabSnapshot trained = after(4);
        assertEquals(3, trained.epochs().size());
        assertTrue(trained.mlpShown());
    }

    @Test
    void exampleTableReadsWhatItWrites() {
        MlpSetup s = MlpSetup.seed001();
        String text = ExampleTable.format(s.xs(), s.ys());
        assertEquals("2.0, 3.0, -1.0 -> 1.0", text.lines().findFirst().orElseThrow());
        ExampleTable.Examples back = ExampleTable.parse(text + "\n\n");
        assertArrayEquals(s.ys(), back.ys());
        assertArrayEquals(s.xs()[1], back.xs()[1]);
        assertArrayEquals(new int[] {3, 4, 4, 1}, ExampleTable.parseShape(" 3 - 4-4 -1"));
        assertThrows(IllegalArgumentException.class, () -> ExampleTable.parse("1, 2 -> "));
        assertThrows(IllegalArgumentException.class, () -> ExampleTable.parse("1, x -> 1"));
        assertThrows(IllegalArgumentException.class, () -> ExampleTable.parse("1, 2"));
        assertThrows(IllegalArgumentException.class, () -> ExampleTable.parse("  "));
        assertThrows(IllegalArgumentException.class, () -> ExampleTable.parseShape("3"));
    }

    @Test
    void theLabModelKnowsNoUiToolkit() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/java/dev/backprop/playground/lab"))) {
            for (java.nio.file.Path f : files.toList()) {
                String text = java.nio.file.Files.readString(f);
                assertTrue(!text.matches("(?s).*\\b(javafx|java\\.awt|javax\\.swing|org\\.graphstream)\\..*"),
                        f + " names a UI toolkit (imported or fully qualified)");
            }
        }
    }
}
