package dev.backprop.playground.cli;

import dev.backprop.playground.engine.value.Value;
import dev.backprop.playground.graph.GraphModel;
import dev.backprop.playground.graph.LayoutLimits;
import dev.backprop.playground.graph.SvgExport;
import dev.backprop.playground.graph.ValueGraphBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;

/** Writes graph SVGs for the commands, reporting failures on stderr. */
final class GraphFiles {
    private GraphFiles() {
    }

    /** Returns 0; 2 after saying the graph is too large to draw; 1 after saying why the file could not be written. */
    static int writeSvg(Path file, GraphModel graph, PrintWriter err) {
        try {
            SvgExport.write(file, graph);
            return 0;
        } catch (LayoutLimits.GraphTooLargeException e) {
            err.println("cannot draw " + file + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("could not write " + file + ": " + e.getMessage());
            return 1;
        }
    }

    static int writeValueGraph(Path file, Value root, Set<Value> parameters, PrintWriter err) {
        return writeSvg(file, ValueGraphBuilder.build(root, parameters == null ? Set.of() : parameters, null, null), err);
    }
}
