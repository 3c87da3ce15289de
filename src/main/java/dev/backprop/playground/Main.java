package dev.backprop.playground;

import dev.backprop.playground.cli.PlaygroundCommand;
import dev.backprop.playground.ui.PlaygroundApp;
import javafx.application.Application;

/**
 * Entry point of the runnable jar. With no arguments it opens the app; with a command
 * ({@code train}, {@code expr}, {@code bench}) it runs headless. It does not extend Application,
 * which lets {@code java -jar} start JavaFX from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(PlaygroundApp.class);
            return;
        }
        System.exit(PlaygroundCommand.run(args));
    }
}
