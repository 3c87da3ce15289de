package dev.backprop.playground.ui;

import dev.backprop.playground.engine.nn.TrainingConfig;
import dev.backprop.playground.train.Command;
import dev.backprop.playground.train.TrainingSession;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop app: one window, a training session on its own thread. */
public final class PlaygroundApp extends Application {
    /** The first session, begun by {@link #prepareSession} while JavaFX starts; null when nobody did. */
    private static volatile CompletableFuture<TrainingSession> prepared;
    /** The speed to open at (steps/s, infinity: max) or NaN for the slider's default; set by {@link #startWith}. */
    private static volatile double startSpeed = Double.NaN;
    private static volatile boolean startPlaying;
    private TrainingSession session;
    private PlaygroundView view;
    private FrameClock frameClock;

    @Override
    public void init() {
        StartupProbe.mark("toolkit"); // JavaFX is up; start() follows on its thread
    }

    @Override
    public void start(Stage stage) {
        session = firstSession();
        StartupProbe.mark("session");
        WindowMemory memory = WindowMemory.forUser();
        view = new PlaygroundView(session, stage, memory);
        view.setBrowser(href -> getHostServices().showDocument(href));
        StartupProbe.mark("view");
        Scene scene = new Scene(view, 1400, 900);
        stage.setTitle("Backprop Playground");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        memory.restore(stage);
        view.applyTheme(memory.darkTheme());
        stage.setOnCloseRequest(e -> memory.save(stage));
        stage.show();
        StartupProbe.mark("shown");
        frameClock = new FrameClock(session, scene);
        frameClock.start(); // before the view's timer: its time is the frame's start
        view.start();
        applyStartOptions();
    }

    /**
     * The command line's {@code --speed max|N --play} (for demos and measurement), once, on the first window:
     * the speed through the slider, so the slider shows it and sends it as a hand would.
     */
    public static void startWith(double stepsPerSecond, boolean play) {
        startSpeed = stepsPerSecond;
        startPlaying = play;
    }

    private void applyStartOptions() {
        double speed = startSpeed;
        boolean play = startPlaying;
        startSpeed = Double.NaN;
        startPlaying = false;
        if (!Double.isNaN(speed)) {
            view.controls().speedSlider().setValue(speed == TrainingSession.UNTHROTTLED ? TransportRow.MAX_LOG_SPEED
                    : Math.log10(speed));
        }
        if (play) {
            session.send(new Command.Play());
        }
    }

    @Override
    public void stop() {
        if (frameClock != null) {
            frameClock.stop();
        }
        if (view != null) {
            view.stop();
        }
        if (session != null) {
            session.close();
        }
    }

    /**
     * Begins building the first training session (data, network, its first grid and graph: about 100 ms cold)
     * on a thread of its own, so that it is ready when JavaFX, which starts in the meantime, calls start.
     * The next launch takes it; the one after that builds its own.
     */
    public static CompletableFuture<TrainingSession> prepareSession() {
        prepared = CompletableFuture.supplyAsync(() -> new TrainingSession(TrainingConfig.defaults()), work -> {
            Thread t = new Thread(work, "session-start");
            t.setDaemon(true);
            t.start();
        });
        return prepared;
    }

    private static TrainingSession firstSession() {
        CompletableFuture<TrainingSession> early = prepared;
        prepared = null;
        if (early == null) {
            return new TrainingSession(TrainingConfig.defaults());
        }
        return dev.backprop.playground.engine.Failures.join(early); // the constructor's own failure, as if it had run here
    }

    /** The running session, for tests. */
    public TrainingSession session() {
        return session;
    }
}
