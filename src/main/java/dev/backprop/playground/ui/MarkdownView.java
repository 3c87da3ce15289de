package dev.backprop.playground.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * One Markdown page (CommonMark with GitHub's tables) as JavaFX nodes: paragraphs as wrapping text flows,
 * headings that carry GitHub's anchors, lists, code blocks, tables, pictures fitted to the width and links
 * handed to the caller. Colours and sizes come from the {@code md-*} style classes of the theme sheets.
 */
final class MarkdownView extends VBox {
    /** A heading of the page: its level (1-6), its text and the anchor GitHub gives it. */
    record Section(int level, String title, String anchor) {
        @Override
        public String toString() { // the contents list shows this
            return "  ".repeat(Math.max(0, level - 1)) + title;
        }
    }

    /** A table column wider than this many characters wraps, and takes no more of the width than this. */
    private static final int TABLE_LINE = 60;
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private final Function<String, GuideDocs.Picture> pictures;
    private final Consumer<String> onLink;
    private final Map<String, javafx.scene.Node> anchors = new LinkedHashMap<>();
    private final List<Section> sections = new ArrayList<>();

    /** The page's syntax tree; safe off the FX thread. */
    static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /**
     * @param pictures the picture for an image's address as written in the page, or null when there is none
     * @param onLink called with a link's address as written in the page when it is clicked
     */
    MarkdownView(Node document, Function<String, GuideDocs.Picture> pictures, Consumer<String> onLink) {
        this.pictures = pictures;
        this.onLink = onLink;
        getStyleClass().add("md-view");
        setFillWidth(true);
        addBlocks(document, getChildren());
    }

    /** The page's headings in order, with their anchors. */
    List<Section> sections() {
        return List.copyOf(sections);
    }

    /** The heading with GitHub's anchor {@code anchor}, or null when the page has none. */
    javafx.scene.Node anchor(String anchor) {
        return anchors.get(anchor);
    }

    /**
     * GitHub's anchor of a heading: lower case, punctuation dropped, each space a '-'; DocLinksTest checks
     * the docs' links with the same rule.
     */
    static String slug(String title) {
        return title.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    /** The plain text of a node's inlines (a heading's title). */
    static String plainText(Node node) {
        StringBuilder b = new StringBuilder();
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof org.commonmark.node.Text t) {
                b.append(t.getLiteral());
            } else if (c instanceof Code code) {
                b.append(code.getLiteral());
            } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
                b.append(' ');
            } else {
                b.append(plainText(c));
            }
        }
        return b.toString();
    }

    private void addBlocks(Node parent, List<javafx.scene.Node> into) {
        for (Node b = parent.getFirstChild(); b != null; b = b.getNext()) {
            javafx.scene.Node n = block(b);
            if (n != null) {
                into.add(n);
            }
        }
    }

    /** A block of the page, or null for one that shows nothing (a link reference definition). */
    private javafx.scene.Node block(Node b) {
        if (b instanceof Heading h) {
            return heading(h);
        } else if (b instanceof Paragraph p) {
            if (p.getFirstChild() instanceof org.commonmark.node.Image img && img.getNext() == null) {
                return picture(img); // a picture on its own line fills the width
            }
            return flow(p, "md-paragraph");
        } else if (b instanceof ListBlock list) {
            return list(list);
        } else if (b instanceof FencedCodeBlock code) {
            return code(code.getLiteral());
        } else if (b instanceof IndentedCodeBlock code) {
            return code(code.getLiteral());
        } else if (b instanceof HtmlBlock html) {
            return code(html.getLiteral());
        } else if (b instanceof BlockQuote quote) {
            VBox box = new VBox();
            box.getStyleClass().add("md-quote");
            addBlocks(quote, box.getChildren());
            return box;
        } else if (b instanceof ThematicBreak) {
            return new Separator();
        } else if (b instanceof TableBlock table) {
            return table(table);
        }
        return null;
    }

    private javafx.scene.Node heading(Heading h) {
        TextFlow flow = flow(h, "md-h" + h.getLevel());
        String title = plainText(h);
        String anchor = slug(title);
        // GitHub numbers repeated anchors: the second "Usage" is usage-1
        for (int i = 1; anchors.containsKey(anchor); i++) {
            anchor = slug(title) + "-" + i;
        }
        anchors.put(anchor, flow);
        sections.add(new Section(h.getLevel(), title, anchor));
        return flow;
    }

    private TextFlow flow(Node inlines, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        addInlines(inlines, flow, List.of(), null);
        mergeRuns(flow);
        return flow;
    }

    /** Joins neighbouring texts of the same style into one: a page has a few nodes a line, not one a word. */
    private static void mergeRuns(TextFlow flow) {
        List<javafx.scene.Node> merged = new ArrayList<>();
        for (javafx.scene.Node n : flow.getChildren()) {
            if (n instanceof Text t && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof Text last
                    && last.getStyleClass().equals(t.getStyleClass()) && java.util.Objects.equals(last.getUserData(), t.getUserData())) {
                last.setText(last.getText() + t.getText());
            } else {
                merged.add(n);
            }
        }
        flow.getChildren().setAll(merged);
    }

    /** Adds the inlines under {@code parent} with the style classes and link address they sit in. */
    private void addInlines(Node parent, TextFlow flow, List<String> classes, String link) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof org.commonmark.node.Text t) {
                flow.getChildren().add(text(t.getLiteral(), classes, link));
            } else if (c instanceof Code code) {
                flow.getChildren().add(text(code.getLiteral(), with(classes, "md-code"), link));
            } else if (c instanceof Emphasis) {
                addInlines(c, flow, with(classes, "md-em"), link);
            } else if (c instanceof StrongEmphasis) {
                addInlines(c, flow, with(classes, "md-strong"), link);
            } else if (c instanceof Link l) {
                addInlines(c, flow, with(classes, "md-link"), l.getDestination());
            } else if (c instanceof org.commonmark.node.Image img) {
                flow.getChildren().add(picture(img));
            } else if (c instanceof SoftLineBreak) {
                flow.getChildren().add(text(" ", classes, link));
            } else if (c instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", classes, link));
            } else if (c instanceof HtmlInline html) {
                flow.getChildren().add(text(html.getLiteral(), classes, link));
            } else {
                addInlines(c, flow, classes, link);
            }
        }
    }

    private static List<String> with(List<String> classes, String added) {
        List<String> all = new ArrayList<>(classes);
        all.add(added);
        return all;
    }

    private Text text(String literal, List<String> classes, String link) {
        Text t = new Text(literal);
        t.getStyleClass().add("md-text");
        t.getStyleClass().addAll(classes);
        if (link != null) {
            t.setUserData(link); // the address as written, for tests and the status line
            t.setCursor(Cursor.HAND);
            t.setOnMouseClicked(e -> onLink.accept(link));
        }
        return t;
    }

    private javafx.scene.Node picture(org.commonmark.node.Image img) {
        GuideDocs.Picture picture = pictures.apply(img.getDestination());
        if (picture == null) {
            return text("[picture: " + plainText(img) + "]", List.of("md-em"), null);
        }
        ImageView view = new ImageView(picture.load());
        view.setPreserveRatio(true);
        view.setSmooth(true);
        // as wide as the page allows, never wider than the picture
        view.fitWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(1, Math.min(picture.width(), getWidth() - snappedLeftInset() - snappedRightInset())),
                widthProperty(), paddingProperty()));
        // the picture's height from its header while it decodes: the page does not move, headings stay where they are
        StackPane frame = new StackPane(view);
        frame.setAlignment(Pos.TOP_LEFT);
        var height = view.fitWidthProperty().multiply((double) picture.height() / picture.width());
        frame.minHeightProperty().bind(height);
        frame.prefHeightProperty().bind(height);
        frame.maxHeightProperty().bind(height);
        javafx.scene.control.Tooltip.install(view, new javafx.scene.control.Tooltip(plainText(img)));
        return frame;
    }

    /** A table column's weight for its longest cell of {@code chars} characters (its padding counts as 4). */
    private static double columnShare(int chars) {
        return Math.max(8, Math.min(chars, TABLE_LINE)) + 4;
    }

    private javafx.scene.Node list(ListBlock list) {
        VBox box = new VBox();
        box.getStyleClass().add("md-list");
        int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            Label marker = new Label(list instanceof BulletList ? "\u2022" : number++ + ".");
            marker.getStyleClass().add("md-marker");
            marker.setMinWidth(Label.USE_PREF_SIZE);
            VBox content = new VBox();
            content.getStyleClass().add("md-item");
            addBlocks(item, content.getChildren());
            HBox row = new HBox(marker, content);
            HBox.setHgrow(content, Priority.ALWAYS);
            box.getChildren().add(row);
        }
        return box;
    }

    private static javafx.scene.Node code(String literal) {
        Text t = new Text(literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal);
        t.getStyleClass().addAll("md-text", "md-code");
        TextFlow flow = new TextFlow(t);
        flow.getStyleClass().add("md-code-block");
        return flow;
    }

    private javafx.scene.Node table(TableBlock table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        int row = 0;
        List<Integer> longest = new ArrayList<>(); // characters of each column's longest cell
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            boolean head = part instanceof TableHead;
            for (Node r = part.getFirstChild(); r != null; r = r.getNext()) {
                int col = 0;
                for (Node cell = r.getFirstChild(); cell != null; cell = cell.getNext()) {
                    TextFlow flow = flow(cell, head ? "md-th" : "md-td");
                    if (cell instanceof TableCell tc && tc.getAlignment() == TableCell.Alignment.RIGHT) {
                        flow.setTextAlignment(javafx.scene.text.TextAlignment.RIGHT);
                    }
                    flow.setMaxWidth(Double.MAX_VALUE);
                    grid.add(flow, col, row);
                    if (longest.size() <= col) {
                        longest.add(0);
                    }
                    longest.set(col, Math.max(longest.get(col), plainText(cell).length()));
                    col++;
                }
                row++;
            }
        }
        // each column's share of the width follows its longest cell, up to a paragraph's line: a column of
        // file names stays readable beside a column of sentences, which wraps; a short word never wraps
        double total = longest.stream().mapToDouble(MarkdownView::columnShare).sum();
        for (int n : longest) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100 * columnShare(n) / total);
            c.setFillWidth(true);
            grid.getColumnConstraints().add(c);
        }
        return grid;
    }
}
