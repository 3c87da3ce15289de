package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.train.Snapshot;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;

/** Edit mode end to end (Monocle): clicks add and delete exactly the points clicked; Ctrl+Z undoes. */
class DataEditAppTest extends AppHarness {
    @Test
    void clicksAddAndDeleteTheClickedPointsAndUndoRestoresTheData() throws Exception {
        BoundaryPane boundary = lookup("#boundary-pane").queryAs(BoundaryPane.class);
        Snapshot before = session().latest();
        Dataset original = before.data().all();
        int n = original.size();

        type(KeyCode.E);
        clickOn("#edit-class-1");
        // a place in the pane, between the points: its plane coordinates as the pane maps them
        Point2D corner = boundary.toScreen(boundary.grid().minX1(), boundary.grid().maxX2());
        Point2D place = corner.add(30, 30);
        clickOn(boundary.localToScreen(place), MouseButton.PRIMARY);
        Snapshot added = waitFor("the added point", s -> s.data().all().size() == n + 1);
        Dataset a = added.data().all();
        Point2D drawn = boundary.toScreen(a.x1(n), a.x2(n));
        assertEquals(place.getX(), drawn.getX(), 1.0, "the new point lies where the click was");
        assertEquals(place.getY(), drawn.getY(), 1.0);
        assertEquals(1, a.label(n), "of the selected class");
        assertArrayEquals(java.util.Arrays.copyOf(a.features().data, 2 * n), original.features().data,
                "the other points are untouched");

        clickOn(boundary.localToScreen(place), MouseButton.SECONDARY);
        Snapshot deleted = waitFor("the deleted point", s -> s.data().all().size() == n);
        assertArrayEquals(original.features().data, deleted.data().all().features().data,
                "right-click deleted the point it was on, nothing else");

        press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor("undo of the delete", s -> s.data().all().size() == n + 1);
        press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        Snapshot undone = waitFor("undo of the add", s -> s.data().all().size() == n);
        assertArrayEquals(original.features().data, undone.data().all().features().data);
        assertArrayEquals(original.labels().data, undone.data().all().labels().data);
        assertArrayEquals(before.data().isTest(), undone.data().isTest());

        type(KeyCode.E); // edit mode off: a click traces again
        Point2D first = boundary.toScreen(original.x1(0), original.x2(0));
        clickOn(boundary.localToScreen(first), MouseButton.PRIMARY);
        Snapshot traced = waitFor("a trace", s -> s.trace() != null);
        assertEquals(n, traced.data().all().size());
        type(KeyCode.ESCAPE);
        assertNull(waitFor("no trace", s -> s.trace() == null).trace());
    }
}
