package dev.backprop.playground.train;

/**
 * A command as it waits in the engine's queue: with the sequence number {@link TrainingSession#send}
 * gave it. The snapshot's {@link Snapshot#appliedSeq()} says how far the engine got, so a control
 * knows whether the value it sent has been applied (or refused) instead of guessing from the config.
 */
record Sent(long seq, Command command) {
}
