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

    /** Applies the saved bounds if they are still on a screen, else a default size. */
    void restore(Stage stage) {
        double w = prefs.getDouble("width", 1400);
        double h = prefs.getDouble("height", 900);
        double x = prefs.getDouble("x", Double.NaN);
        double y = prefs.getDouble("y", Double.NaN);
        stage.setWidth(w);
        stage.setHeight(h);
        if (!Double.isNaN(x) && !Screen.getScreensForRectangle(new Rectangle2D(x, y, w, h)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(prefs.getBoolean("maximized", false));
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
}
