package dev.backprop.playground.ui;

import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

/**
 * Keeps the chart's row of the network column (graph over chart) as tall as the chart needs to be read:
 * its bar, its legend and a plot with its axis labels. A narrow chart (a lesson's column takes the width)
 * wraps its bar and legend onto more lines; the divider above it then moves up, the graph giving up the
 * height, and moves back to where the user (or the launch) left it once the chart needs less. A split
 * pane alone does not do this: it reads its items' least heights without their width, and only when it
 * is itself resized.
 */
final class ReadableChartRow {
    private final SplitPane column;
    private final Region row;
    private final Region chart;
    /** Where the divider would be if the chart needed no room: the launch's share, then the user's drags. */
    private double wanted;
    private boolean moving;
    /** The last place this moved the divider to, and the row's height then (until a layout follows the move). */
    private double movedTo = Double.NaN;
    private double rowBeforeMove = Double.NaN;

    /**
     * Watches {@code chart} (in {@code row}, the second item of {@code column}) and checks again whenever
     * the row's height, the chart's width or one of {@code needs} (what the chart's least height depends on) changes.
     */
    ReadableChartRow(SplitPane column, Region row, Region chart, Observable... needs) {
        this.column = column;
        this.row = row;
        this.chart = chart;
        this.wanted = column.getDividerPositions()[0];
        column.getDividers().get(0).positionProperty().addListener((o, was, now) -> {
            if (!moving) {
                wanted = now.doubleValue();
            }
        });
        // after the layout pass that changed them: the chart's least height is then up to date
        javafx.beans.InvalidationListener check = o -> Platform.runLater(this::fit);
        row.heightProperty().addListener(check);
        chart.widthProperty().addListener(check);
        for (Observable o : needs) {
            o.addListener(check);
        }
    }

    /** Moves the divider to the wanted place, or as far above it as the chart's least height needs. */
    void fit() {
        double height = column.getHeight();
        double at = column.getDividerPositions()[0];
        if (height <= 0 || chart.getWidth() <= 0 || (at == movedTo && row.getHeight() == rowBeforeMove)) {
            return; // the row's height is the one before the last move: the layout that moves it checks again
        }
        double need = chart.minHeight(chart.getWidth());
        double divider = (1 - at) * height - row.getHeight(); // the part of the divider over the row
        double lowest = 1 - (need + divider) / height; // the divider's lowest place with the chart whole
        double target = Math.max(0, Math.min(wanted, lowest));
        if (Math.abs(target - at) * height > 0.5) {
            moving = true;
            movedTo = target;
            rowBeforeMove = row.getHeight();
            column.setDividerPosition(0, target);
            moving = false;
        }
    }
}
