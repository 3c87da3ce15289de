package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Help > User guide end to end (Monocle), in one app start: F1 opens the bundled docs; links switch page and
 * scroll to headings, Back returns, the contents scroll, the theme follows the window's.
 */
class UserGuideAppTest extends AppHarness {
    UserGuideAppTest() {
        super(1280, 760); // what a 1280x800 screen leaves
    }

    @Test
    void f1OpensTheGuideWhoseLinksMoveBetweenPagesAndHeadings() throws Exception {
        List<String> opened = new CopyOnWriteArrayList<>();
        interact(() -> view.setBrowser(opened::add));
        type(KeyCode.F1);
        UserGuideWindow guide = waitForPage("docs/user-guide.md");
        assertTrue(guide.stage().isShowing());
        @SuppressWarnings("unchecked")
        ListView<MarkdownView.Section> contents = (ListView<MarkdownView.Section>) guide.stage().getScene().lookup("#guide-contents");
        assertTrue(contents.getItems().stream().anyMatch(s -> s.anchor().equals("keyboard")), "the contents list the headings");
        MarkdownView page = guide.page();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> page.lookupAll("ImageView").stream()
                .anyMatch(i -> ((ImageView) i).getImage().getWidth() > 500)); // the screenshots decode in the background
        for (Node n : guide.page().lookupAll(".md-text")) {
            double size = ((Text) n).getFont().getSize();
            assertTrue(size >= 11, "text of " + size + " px: " + ((Text) n).getText());
        }

        // a link to a heading of another page opens that page with the heading at the top
        Text link = linkTo(guide, "../README.md#where-it-comes-from");
        interact(() -> Event.fireEvent(link, click()));
        guide = waitForPage("README.md");
        WaitForAsyncUtils.waitForFxEvents();
        assertHeadingAtTop(guide, "where-it-comes-from");

        // Back: the user guide again, at its top where it was left
        clickOn("#guide-back");
        guide = waitForPage("docs/user-guide.md");
        assertEquals(0, guide.scrollPane().getVvalue(), 1e-9);

        // a heading chosen in the contents scrolls the page to it
        MarkdownView.Section keyboard = contents.getItems().stream().filter(s -> s.anchor().equals("keyboard")).findFirst().orElseThrow();
        interact(() -> contents.getSelectionModel().select(keyboard));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(guide.scrollPane().getVvalue() > 0.3, "Keyboard is far down the page");
        assertHeadingAtTop(guide, "keyboard");

        // the theme follows the window's; web links go to the browser (the app's HostServices, here a list)
        interact(() -> view.applyTheme(true));
        assertTrue(guide.stage().getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
        interact(() -> view.applyTheme(false));
        assertTrue(guide.stage().getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("light.css")));
        UserGuideWindow shown = guide;
        interact(() -> shown.follow("https://github.com/karpathy/micrograd"));
        assertEquals(List.of("https://github.com/karpathy/micrograd"), opened);
        assertEquals("docs/user-guide.md", guide.shownPath(), "a web link leaves the page as it is");
    }

    private UserGuideWindow waitForPage(String path) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> view.userGuide() != null && path.equals(view.userGuide().shownPath()));
        WaitForAsyncUtils.waitForFxEvents();
        return view.userGuide();
    }

    private static Text linkTo(UserGuideWindow guide, String href) {
        return (Text) guide.page().lookupAll(".md-link").stream().filter(n -> href.equals(n.getUserData())).findFirst()
                .orElseThrow(() -> new AssertionError("no link to " + href + " on " + guide.shownPath()));
    }

    private static MouseEvent click() {
        return new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, true, false, false, null);
    }

    /** The heading sits at the top of the page's view, within a line. */
    private static void assertHeadingAtTop(UserGuideWindow guide, String anchor) {
        Node heading = guide.page().anchor(anchor);
        assertNotNull(heading, anchor);
        Bounds h = heading.localToScene(heading.getBoundsInLocal());
        Node viewport = guide.scrollPane().lookup(".viewport");
        Bounds v = viewport.localToScene(viewport.getBoundsInLocal());
        assertEquals(v.getMinY(), h.getMinY(), 24, "the heading " + anchor + " is at the top of the view");
    }
}
