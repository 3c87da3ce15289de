package dev.backprop.playground.ui;

import dev.backprop.playground.lab.LabSnapshot;
import dev.backprop.playground.lesson.Lesson;
import dev.backprop.playground.lesson.LessonState;
import dev.backprop.playground.lesson.LessonStep;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;

/**
 * Walks the student through a lesson: applies its set-up (its experiment file, through the same
 * command as File > Open experiment; its lab script), evaluates the current step's check on each
 * frame's state, marks steps done, highlights the control a step concerns, and on leaving puts the
 * student's own settings back (saved as an experiment file when the first lesson opened, and the
 * lab's script and zero_grad switch). Progress is kept per lesson for this session only.
 */
final class LessonGuide {
    /** Added to the control or pane the current step concerns (base.css draws it). */
    static final String HIGHLIGHT = "lesson-highlight";

    /** How far a student got in one lesson. */
    private static final class Progress {
        int at;
        final boolean[] done;

        Progress(int steps) {
            done = new boolean[steps];
        }
    }

    private final LessonPanel panel = new LessonPanel();
    private final Consumer<Command> send;
    private final Supplier<Map<String, Boolean>> shownParts;
    private final Supplier<ExpressionLab> lab;
    private final Consumer<Boolean> showTab;
    private final Supplier<Node> root;
    private final SettingsPanel settings;
    private final Consumer<String> say;
    private final Map<String, Progress> progress = new HashMap<>();
    private final BooleanProperty panelShown = new SimpleBooleanProperty(true);
    private Consumer<Node> side = node -> { };
    private Lesson lesson;
    private String key;
    /** The student's own set-up, saved when a lesson first opened; null outside lessons. */
    private Path saved;
    private String savedScript;
    private boolean savedZeroFirst;
    /** Checks wait until the lesson's set-up is in the state: the experiment's serial, the lab's snapshot. */
    private long shownSerialAtOpen = -1;
    private LabSnapshot labAtOpen;
    private boolean ready;
    private Node highlighted;

    /**
     * @param showTab selects the lab tab (true) or the network tab (false)
     * @param root     the window's content, where a step's control is looked up by id
     * @param settings the settings panel, opened when a step's control is folded away in it
     */
    LessonGuide(Consumer<Command> send, Supplier<Map<String, Boolean>> shownParts, Supplier<ExpressionLab> lab,
                Consumer<Boolean> showTab, Supplier<Node> root, SettingsPanel settings, Consumer<String> say) {
        this.say = say;
        this.send = send;
        this.shownParts = shownParts;
        this.lab = lab;
        this.showTab = showTab;
        this.root = root;
        this.settings = settings;
        panel.back().setOnAction(e -> go(-1));
        panel.next().setOnAction(e -> go(1));
        panel.hide().setOnAction(e -> panelShown.set(false));
        panel.leave().setOnAction(e -> leave());
        panelShown.addListener((o, a, b) -> layOut());
    }

    LessonPanel panel() {
        return panel;
    }

    /**
     * Shows the panel through {@code side} (the window's right side) while a lesson shows it, and gives
     * {@code side} null otherwise: out of the window, its 46 nodes cost an app start no CSS pass or layout.
     */
    void placeIn(Consumer<Node> side) {
        this.side = side;
        layOut();
    }

    /** Whether the panel is shown while a lesson is open (Hide, Lessons > Show lesson panel). */
    BooleanProperty panelShown() {
        return panelShown;
    }

    boolean active() {
        return lesson != null;
    }

    Lesson lesson() {
        return lesson;
    }

    /** Opens {@code l} (read from {@code file}) at the step it was left at in this session, its set-up applied. */
    void open(Lesson l, Path file, Snapshot now) throws IOException {
        if (saved == null) {
            saved = Files.createTempFile("backprop-before-lesson", ".bpg.json");
            saved.toFile().deleteOnExit();
            send.accept(new Command.SaveExperiment(saved, shownParts.get()));
            ExpressionLab existing = lab.get();
            savedScript = existing.script();
            savedZeroFirst = existing.zeroFirst();
        }
        lesson = l;
        key = file.toAbsolutePath().toString();
        progress.putIfAbsent(key, new Progress(l.steps().size()));
        ready = false;
        shownSerialAtOpen = -1;
        labAtOpen = null;
        if (l.experiment() != null) {
            shownSerialAtOpen = now.shown().serial();
            send.accept(new Command.OpenExperiment(l.experiment()));
        }
        ExpressionLab theLab = lab.get();
        labAtOpen = theLab.state();
        if (l.labScript() != null) {
            theLab.runScript(l.labScript());
        }
        theLab.setZeroFirst(true);
        showTab.accept(l.onLab());
        panelShown.set(true);
        layOut();
    }

    /** Leaves the lesson: the student's settings, data, weights, shown parts and lab script come back. */
    void leave() {
        if (lesson == null) {
            return;
        }
        lesson = null;
        unhighlight();
        if (saved != null) {
            if (keptSettings()) {
                send.accept(new Command.OpenExperiment(saved));
            } else { // the save was refused (the banner said why): the lesson's set-up stays
                say.accept("Your settings from before the lesson could not be kept; the lesson's set-up stays.");
            }
            ExpressionLab theLab = lab.get();
            theLab.runScript(savedScript);
            theLab.setZeroFirst(savedZeroFirst);
            saved = null;
        }
        showTab.accept(false);
        layOut();
    }

    private boolean keptSettings() {
        try {
            return Files.size(saved) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void go(int by) {
        Progress p = progress.get(key);
        p.at = Math.max(0, Math.min(lesson.steps().size() - 1, p.at + by));
        unhighlight();
    }

    /** Evaluates the current step on this frame's state and redraws the panel. */
    void show(Snapshot network) {
        if (lesson == null) {
            return;
        }
        LabSnapshot labState = lab.get().state();
        if (!ready) {
            boolean experimentIn = shownSerialAtOpen < 0 || network.shown().serial() > shownSerialAtOpen;
            boolean labIn = lesson.labScript() == null || (labState != null && labState != labAtOpen);
            ready = experimentIn && labIn;
        }
        Progress p = progress.get(key);
        LessonStep step = lesson.steps().get(p.at);
        LessonState state = new LessonState(network, labState, lesson.onLab());
        if (ready && !p.done[p.at] && step.check().passes(state)) {
            p.done[p.at] = true;
        }
        panel.show(lesson, p.at, p.done, p.done[p.at], ready ? step.check().describe(state) : "the lesson's set-up\u2026");
        highlight(step.highlight());
    }

    /** Steps done in the open lesson, for tests. */
    boolean[] done() {
        return progress.get(key).done.clone();
    }

    int at() {
        return progress.get(key).at;
    }

    private void highlight(String id) {
        if (id == null) {
            unhighlight();
            return;
        }
        if (highlighted != null && id.equals(highlighted.getId())
                && (highlighted.getScene() != null || highlighted == settings.control(id))) {
            return; // still this step's control (a setting the student folded away again stays folded)
        }
        unhighlight();
        Node n = root.get().lookup("#" + id);
        if (n == null && (n = settings.control(id)) != null) {
            settings.setShown(true); // the step asks for a setting folded away: a highlight nobody sees helps nobody
        }
        if (n != null) {
            n.getStyleClass().add(HIGHLIGHT);
            highlighted = n;
        }
    }

    private void unhighlight() {
        if (highlighted != null) {
            highlighted.getStyleClass().remove(HIGHLIGHT);
            highlighted = null;
        }
    }

    private void layOut() {
        side.accept(lesson != null && panelShown.get() ? panel : null);
    }
}
