package dev.backprop.playground.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;

/**
 * Classroom mode: which controls and panes the window shows. Each part has a stable name (the
 * experiment file's {@code shown} keys) and a label for the dialog. A hidden part leaves the layout,
 * not merely greyed out: in a box it is unmanaged, in a split pane it is taken out of the items (a
 * split pane left with nothing shown leaves its parent too), a tab leaves its tab pane. Nothing is
 * remembered outside the experiment file: a new window shows everything.
 */
final class Classroom {
    /** One part the teacher can hide. */
    record Part(String name, String label, boolean control) {
    }

    private final Map<String, Part> parts = new LinkedHashMap<>();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Split> splits = new ArrayList<>();
    private final Set<String> hidden = new HashSet<>();
    private TabPane tabPane;
    private Tab tab;
    private String tabName;
    private int tabIndex;

    /** A split pane with every item it had when registered, and its dividers then. */
    private record Split(SplitPane pane, List<Node> items, double[] dividers) {
    }

    /** A control (or group of controls) of the control bar, found by a control's id: the group holding it. */
    void addControl(String name, String label, ControlBar bar, String controlId, boolean wholeGroup) {
        Node control = bar.control(controlId);
        if (control == null) {
            throw new IllegalStateException("no control #" + controlId); // a renamed id: fail at start-up, in tests
        }
        add(new Part(name, label, true), wholeGroup ? control.getParent() : control);
    }

    void addPane(String name, String label, Node node) {
        add(new Part(name, label, false), node);
    }

    /** A tab of {@code pane} (the expression lab): hidden, it leaves the tab pane. */
    void addTab(String name, String label, TabPane pane, Tab t) {
        parts.put(name, new Part(name, label, false));
        tabPane = pane;
        tab = t;
        tabName = name;
        tabIndex = pane.getTabs().indexOf(t);
    }

    /** Registers a split pane holding parts (or split panes holding parts), with its items as they are now. */
    void addSplit(SplitPane pane) {
        splits.add(new Split(pane, List.copyOf(pane.getItems()), pane.getDividerPositions().clone()));
    }

    private void add(Part p, Node node) {
        parts.put(p.name(), p);
        nodes.put(p.name(), node);
    }

    List<Part> parts() {
        return List.copyOf(parts.values());
    }

    boolean isShown(String name) {
        return !hidden.contains(name);
    }

    /** Every part's name with whether it is shown, in the dialog's order (what an experiment file saves). */
    Map<String, Boolean> shown() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        parts.keySet().forEach(n -> m.put(n, isShown(n)));
        return m;
    }

    /** Shows what {@code shown} says; a part it does not name is shown (an older file, a newer part). */
    void apply(Map<String, Boolean> shown) {
        hidden.clear();
        shown.forEach((name, on) -> {
            if (!on && parts.containsKey(name)) { // names this app does not know are ignored
                hidden.add(name);
            }
        });
        layOut();
    }

    void showEverything() {
        apply(Map.of());
    }

    private void layOut() {
        nodes.forEach((name, node) -> {
            if (!inSplit(node)) { // split items leave the split pane below
                node.setVisible(isShown(name));
                node.setManaged(isShown(name));
            }
        });
        for (Split s : splits) {
            List<Node> keep = s.items().stream().filter(this::visible).toList();
            if (!s.pane().getItems().equals(keep)) {
                s.pane().getItems().setAll(keep);
                if (keep.size() == s.items().size()) {
                    s.pane().setDividerPositions(s.dividers()); // everything back: the dividers as they were
                }
            }
        }
        if (tab != null) {
            boolean on = isShown(tabName);
            if (on && !tabPane.getTabs().contains(tab)) {
                tabPane.getTabs().add(Math.min(tabIndex, tabPane.getTabs().size()), tab);
            } else if (!on) {
                tabPane.getTabs().remove(tab);
            }
        }
    }

    private boolean inSplit(Node node) {
        return splits.stream().anyMatch(s -> s.items().contains(node));
    }

    /** A node is visible unless hidden itself, or a split pane (or titled pane around one) with nothing visible left. */
    private boolean visible(Node node) {
        for (Map.Entry<String, Node> e : nodes.entrySet()) {
            if (e.getValue() == node && hidden.contains(e.getKey())) {
                return false;
            }
        }
        if (node instanceof TitledPane t) {
            return visible(t.getContent());
        }
        for (Split s : splits) {
            if (s.pane() == node) {
                return s.items().stream().anyMatch(this::visible);
            }
        }
        return true;
    }
}
