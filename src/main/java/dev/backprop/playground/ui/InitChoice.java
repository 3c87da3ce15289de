package dev.backprop.playground.ui;

import dev.backprop.playground.engine.nn.Initializer;
import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;

/** The init menu: the seeds' choices by their labels, plus whatever init a loaded run came with. */
final class InitChoice {
    private InitChoice() {
    }

    static ChoiceBox<Initializer> create() {
        ChoiceBox<Initializer> box = new ChoiceBox<>();
        box.getItems().addAll(Initializer.CHOICES);
        box.setValue(Initializer.AUTO);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Initializer init) {
                return init == null ? "" : init.bias() == Initializer.fromId(init.id()).bias() ? init.label()
                        : init.describe();
            }

            @Override
            public Initializer fromString(String s) {
                return Initializer.fromId(s);
            }
        });
        return box;
    }

    /** Shows {@code init}, adding it to the menu when it is not one of the offered ones (a CLI run's normal:0.5). */
    static void show(ChoiceBox<Initializer> box, Initializer init) {
        if (init != null && !box.getItems().contains(init)) {
            box.getItems().add(init);
        }
        box.setValue(init);
    }
}
