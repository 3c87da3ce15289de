package dev.backprop.playground.ui;

import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.train.TrainingSession;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop app: one window, a training session on its own thread. */
public final class PlaygroundApp extends Application {
    private TrainingSession session;
    private PlaygroundView view;

    @Override
    public void start(Stage stage) {
        session = new TrainingSession(TrainingConfig.defaults());
        WindowMemory memory = WindowMemory.forUser();
        view = new PlaygroundView(session, stage, memory);
        Scene scene = new Scene(view, 1400, 900);
        stage.setTitle("Backprop Playground");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        memory.restore(stage);
        view.applyTheme(memory.darkTheme());
        stage.setOnCloseRequest(e -> memory.save(stage));
        stage.show();
        view.start();
    }

    @Override
    public void stop() {
        if (view != null) {
            view.stop();
        }
        if (session != null) {
            session.close();
        }
    }

    /** The running session, for tests. */
    public TrainingSession session() {
        return session;
    }
}
