package dev.backprop.playground.ui;

import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the window's position, size and theme between runs (java.util.prefs, per user). */
final class WindowMemory {
    private final Preferences prefs;

    WindowMemory(Preferences prefs) {
        this.prefs = prefs;
    }

    static WindowMemory forUser() {
        return new WindowMemory(Preferences.userNodeForPackage(WindowMemory.class).node("window"));
    }

    static final double DEFAULT_WIDTH = 1400;
    static final double DEFAULT_HEIGHT = 900;

    /**
     * Applies the saved bounds if they lie on a screen, else the default size shrunk to fit the
     * primary screen's usable area and centred in it: the menu, Play and the status bar are never
     * off screen (a 1400x900 window on a 1280x800 screen was).
     */
    void restore(Stage stage) {
        Rectangle2D saved = new Rectangle2D(prefs.getDouble("x", Double.NaN), prefs.getDouble("y", Double.NaN),
                prefs.getDouble("width", DEFAULT_WIDTH), prefs.getDouble("height", DEFAULT_HEIGHT));
        Rectangle2D bounds = bounds(saved, Screen.getPrimary().getVisualBounds(),
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList());
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setMaximized(prefs.getBoolean("maximized", false));
    }

    /**
     * Where the window goes: the saved bounds when they lie wholly within one screen's usable area,
     * else the default size (or the saved size) shrunk to the primary screen and centred on it.
     */
    static Rectangle2D bounds(Rectangle2D saved, Rectangle2D primary, java.util.List<Rectangle2D> screens) {
        if (!Double.isNaN(saved.getMinX()) && !Double.isNaN(saved.getMinY())) {
            for (Rectangle2D screen : screens) {
                if (screen.contains(saved)) {
                    return saved;
                }
            }
        }
        double w = Math.min(Double.isNaN(saved.getWidth()) ? DEFAULT_WIDTH : saved.getWidth(), primary.getWidth());
        double h = Math.min(Double.isNaN(saved.getHeight()) ? DEFAULT_HEIGHT : saved.getHeight(), primary.getHeight());
        return new Rectangle2D(primary.getMinX() + (primary.getWidth() - w) / 2, primary.getMinY() + (primary.getHeight() - h) / 2,
                w, h);
    }

    void save(Stage stage) {
        prefs.putBoolean("maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            prefs.putDouble("x", stage.getX());
            prefs.putDouble("y", stage.getY());
            prefs.putDouble("width", stage.getWidth());
            prefs.putDouble("height", stage.getHeight());
        }
    }

    boolean darkTheme() {
        return prefs.getBoolean("dark", false);
    }

    void setDarkTheme(boolean dark) {
        prefs.putBoolean("dark", dark);
    }

    /** Whether the settings panel was open (a first start: folded away, the graph gets the room). */
    boolean settingsShown() {
        return prefs.getBoolean("settings", false);
    }

    void setSettingsShown(boolean shown) {
        prefs.putBoolean("settings", shown);
    }
}
