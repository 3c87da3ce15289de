package dev.backprop.playground.ui;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.image.Image;

/**
 * The documents the jar carries for Help > User guide: README.md, docs/*.md and the pictures in assets/,
 * under {@link #ROOT} with the repository's layout (the pom copies them), so a page's relative links
 * resolve as they do on GitHub.
 */
final class GuideDocs {
    static final String ROOT = "/dev/backprop/playground/guide/";
    /** Pictures wider than this are decoded at this width: the guide's window is narrower, and memory is not free. */
    static final int MAX_PICTURE_WIDTH = 1000;

    /** A page of the guide: its path in the repository and the name the page chooser shows. */
    record Page(String path, String title) {
        @Override
        public String toString() {
            return title;
        }
    }

    /** Every bundled page, the user guide first (GuideDocsTest checks that docs/ has no other page). */
    static final List<Page> PAGES = List.of(
            new Page("docs/user-guide.md", "User guide"),
            new Page("README.md", "README"),
            new Page("docs/lessons.md", "Lessons"),
            new Page("docs/cli.md", "Command line"),
            new Page("docs/formats.md", "File formats and limits"),
            new Page("docs/architecture.md", "Architecture"),
            new Page("docs/performance.md", "Performance"));

    /** Where a link leads: a bundled page (path) and a heading on it (anchor, or null for the top). */
    record Target(String path, String anchor) {
    }

    private GuideDocs() {
    }

    static Optional<Page> page(String path) {
        return PAGES.stream().filter(p -> p.path().equals(path)).findFirst();
    }

    /** Whether {@code href} leaves the guide (a web or mail address). */
    static boolean isWeb(String href) {
        String h = href.toLowerCase(Locale.ROOT);
        return h.startsWith("http://") || h.startsWith("https://") || h.startsWith("mailto:");
    }

    /**
     * The repository path and anchor that {@code href}, written in the page at {@code from}, names:
     * "cli.md#eval" in docs/user-guide.md is docs/cli.md at "eval", "#keyboard" is the same page.
     */
    static Target resolve(String from, String href) {
        int hash = href.indexOf('#');
        String file = hash < 0 ? href : href.substring(0, hash);
        String anchor = hash < 0 || hash == href.length() - 1 ? null : href.substring(hash + 1);
        if (file.isEmpty()) {
            return new Target(from, anchor);
        }
        String path = URI.create("/" + from).resolve(file).normalize().getPath();
        return new Target(path.startsWith("/") ? path.substring(1) : path, anchor);
    }

    /** The bundled file at a repository path, or null when the jar does not carry it. */
    static URL url(String path) {
        return path.startsWith("../") ? null : GuideDocs.class.getResource(ROOT + path);
    }

    /** A bundled page's text. */
    static String read(String path) throws IOException {
        URL url = url(path);
        if (url == null) {
            throw new IOException(path + " is not bundled with the app");
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A bundled PNG: where it is and its size in pixels, read from its header without decoding it. */
    record Picture(URL url, int width, int height) {
        /** The picture, decoded on JavaFX's own thread after this returns, at most {@link #MAX_PICTURE_WIDTH} wide. */
        Image load() {
            return new Image(url.toExternalForm(), Math.min(width, MAX_PICTURE_WIDTH), 0, true, true, true);
        }
    }

    /** The bundled PNG at a repository path, or null when the jar does not carry it or it is no PNG. */
    static Picture picture(String path) throws IOException {
        URL url = url(path);
        if (url == null) {
            return null;
        }
        int[] size = pngSize(url);
        return size == null ? null : new Picture(url, size[0], size[1]);
    }

    /** A PNG's width and height from its header (the IHDR chunk's first 8 bytes), or null when it is no PNG. */
    static int[] pngSize(URL url) throws IOException {
        try (DataInputStream in = new DataInputStream(url.openStream())) {
            byte[] head = new byte[24];
            in.readFully(head);
            boolean png = (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
            return png ? new int[] {bigEndian(head, 16), bigEndian(head, 20)} : null;
        } catch (java.io.EOFException e) {
            return null;
        }
    }

    private static int bigEndian(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
