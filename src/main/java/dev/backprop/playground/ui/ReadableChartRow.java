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
    /** Where the divider was left (by this or seen here): a divider found elsewhere was moved by someone else. */
    private double expected;
    /** The row's height when this last moved the divider, until a layout follows the move. */
    private double rowBeforeMove = Double.NaN;

    /**
     * Watches {@code chart} (in {@code row}, the second item of {@code column}) and checks again whenever
     * the row's height, the chart's width or one of {@code needs} (what the chart's least height depends on)
     * changes, or classroom mode takes a pane out of the column or puts it back.
     */
    ReadableChartRow(SplitPane column, Region row, Region chart, Observable... needs) {
        this.column = column;
        this.row = row;
        this.chart = chart;
        this.wanted = column.getDividerPositions()[0];
        this.expected = wanted;
        // after the layout pass that changed them: the chart's least height is then up to date
        javafx.beans.InvalidationListener check = o -> Platform.runLater(this::fit);
        row.heightProperty().addListener(check);
        chart.widthProperty().addListener(check);
        chart.parentProperty().addListener(check);
        column.getItems().addListener(check);
        for (Observable o : needs) {
            o.addListener(check);
        }
    }

    /** Moves the divider to the wanted place, or as far above it as the chart's least height needs. */
    void fit() {
        double height = column.getHeight();
        if (column.getDividers().size() != 1 || column.getItems().indexOf(row) != 1 || height <= 0) {
            return; // classroom mode left the graph or the row alone in the column: no divider between them
        }
        double at = column.getDividerPositions()[0];
        if (at != expected) {
            wanted = at; // a drag, a window resized, the classroom putting the panes back
            expected = at;
        }
        if (row.getHeight() == rowBeforeMove) {
            return; // the row's height is the one before the last move: the layout that moves it checks again
        }
        rowBeforeMove = Double.NaN; // laid out since
        boolean shown = chart.getScene() != null && chart.isVisible() && chart.getWidth() > 0;
        double need = shown ? chart.minHeight(chart.getWidth()) : 0;
        double divider = (1 - at) * height - row.getHeight(); // the part of the divider over the row
        double lowest = 1 - (need + divider) / height; // the divider's lowest place with the chart whole
        double target = Math.max(0, Math.min(wanted, lowest));
        if (Math.abs(target - at) * height > 0.5) {
            expected = target;
            rowBeforeMove = row.getHeight();
            column.setDividerPosition(0, target);
        }
    }
}
