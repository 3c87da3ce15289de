package dev.backprop.playground.engine.nn;

/** Epoch error counts for tests outside the engine: one epoch of one step per count. */
public final class EpochErrorsFixture {
    private EpochErrorsFixture() {
    }

    public static EpochErrors.View of(long... errors) {
        EpochErrors e = new EpochErrors();
        for (int s = 0; s < errors.length; s++) {
            e.stepped(s + 1, 1, errors[s], 1);
        }
        return e.view();
    }
}
