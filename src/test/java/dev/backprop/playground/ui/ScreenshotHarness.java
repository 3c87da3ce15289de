package dev.backprop.playground.ui;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The app for a test that writes pictures for the README and the docs into {@code -Dscreenshots.dir=DIR}:
 * skipped unless that is set, before any window opens, so `mvn verify` pays nothing for it.
 */
abstract class ScreenshotHarness extends AppHarness {
    /** Where the pictures go, or null: not asked for. */
    protected static final String DIR = System.getProperty("screenshots.dir");

    /** The app in the harness's default 1400x900 window. */
    protected ScreenshotHarness() {
    }

    /** The app in a window of this size (1280x760: what a 1280x800 screen leaves). */
    protected ScreenshotHarness(double windowWidth, double windowHeight) {
        super(windowWidth, windowHeight);
    }

    @BeforeAll
    static void onlyWhenAsked() {
        Assumptions.assumeTrue(DIR != null, "-Dscreenshots.dir not set");
    }
}
