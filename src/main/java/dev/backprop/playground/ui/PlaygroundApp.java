package dev.backprop.playground.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop app. */
public final class PlaygroundApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Backprop Playground");
        stage.setScene(new Scene(new Label("Backprop Playground"), 800, 600));
        stage.show();
    }
}
