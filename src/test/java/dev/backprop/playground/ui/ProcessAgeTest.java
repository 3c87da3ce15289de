package dev.backprop.playground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessAgeTest {
    @Test
    void readsTheStartTicksAfterACommandNameWithSpacesAndParentheses() {
        // pid (comm) state ppid ... field 22 = 150000 ticks = 1500.00 s after boot
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 1 0 0 20 0 30 0 150000 999 77";
        assertEquals(1230, ProcessAge.fromProc(stat, "1501.23 3000.00\n"));
    }

    @Test
    void thisProcessHasAPositiveAge() {
        assertTrue(ProcessAge.millis().orElse(1) > 0);
    }
}
