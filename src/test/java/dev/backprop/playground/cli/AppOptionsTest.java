package dev.backprop.playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The app's start-up options: --speed max|N and --play; anything else prints why and the usage, exit 2. */
class AppOptionsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private AppOptions.Parsed parse(String... args) {
        return AppOptions.parse(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void speedMaxAndPlay() {
        AppOptions.Parsed p = parse("--speed", "max", "--play");
        assertEquals(new AppOptions.Start(Double.POSITIVE_INFINITY, true), p.start());
        assertEquals("", err.toString());
    }

    @Test
    void aSpeedInStepsPerSecondWithoutPlay() {
        assertEquals(new AppOptions.Start(5000, false), parse("--speed=5000").start());
        assertEquals(new AppOptions.Start(1, false), parse("--speed", "1").start());
        assertEquals(new AppOptions.Start(99_999, false), parse("--speed", "99999").start());
    }

    @Test
    void playAloneKeepsTheDefaultSpeed() {
        AppOptions.Start s = parse("--play").start();
        assertTrue(Double.isNaN(s.stepsPerSecond()));
        assertTrue(s.play());
    }

    @Test
    void speedsOutsideTheLimitsOrNotNumbersExit2WithTheReasonAndTheUsage() {
        for (String bad : new String[] {"0", "-5", "100000", "NaN", "Infinity", "fast", ""}) {
            err.getBuffer().setLength(0);
            AppOptions.Parsed p = parse("--speed", bad, "--play");
            assertNull(p.start(), bad);
            assertEquals(2, p.exitCode(), bad);
            assertTrue(err.toString().contains("--speed must be max or a number of steps per second from 1 to 99999"),
                    err.toString());
            assertTrue(err.toString().contains("Usage:"), err.toString());
        }
    }

    @Test
    void unknownOptionsAndRepeatsExit2() {
        assertEquals(2, parse("--play", "--fast").exitCode());
        assertTrue(err.toString().contains("Unknown option"), err.toString());
        assertEquals(2, parse("--speed", "max", "--speed", "10").exitCode());
        assertEquals(2, parse("--speed").exitCode(), "a missing value");
    }

    @Test
    void helpPrintsTheUsageAndExits0() {
        AppOptions.Parsed p = parse("--speed", "max", "--help");
        assertNull(p.start());
        assertEquals(0, p.exitCode());
        assertTrue(out.toString().contains("--speed=max|N"), out.toString());
    }

    @Test
    void onlyTheAppsOwnOptionsOpenTheApp() {
        assertTrue(AppOptions.areAppOptions("--speed", "max"));
        assertTrue(AppOptions.areAppOptions("--speed=max"));
        assertTrue(AppOptions.areAppOptions("--play"));
        assertFalse(AppOptions.areAppOptions("train", "--speed", "max"));
        assertFalse(AppOptions.areAppOptions("--help"));
        assertFalse(AppOptions.areAppOptions());
    }
}
