package dev.backprop.playground.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.backprop.playground.engine.Failures;
import dev.backprop.playground.engine.value.BackwardRule;
import dev.backprop.playground.engine.value.BackwardStepper;
import dev.backprop.playground.engine.value.Nudge;
import dev.backprop.playground.engine.value.Numbers;
import dev.backprop.playground.engine.value.Value;
import dev.backprop.playground.expr.Evaluator;
import dev.backprop.playground.expr.ExprException;
import dev.backprop.playground.expr.ExprLimits;
import dev.backprop.playground.io.InputLimits;
import dev.backprop.playground.io.JsonNumbers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code expr}: evaluates a script into a Value graph, runs backward from the output, prints data and grads. */
@Command(name = "expr", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a script of scalar assignments, run backprop from its output, print data and grads.",
            "Statements are separated by newlines or ';': name = expr, name += expr (also -= *= /=).",
            "Expressions: numbers, names, + - * / ** (right-associative), unary -, parentheses,",
            "tanh relu sigmoid exp log. Example: expr 'a = 2; b = -3; c = 10; f = -2; L = (a*b + c) * f'"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:evaluated", "1:a file could not be read or written",
                        "2:bad arguments or an error in the script (line L, column C: message)"})
public final class ExprCommand implements Callable<Integer> {
    /** A script file's size limit: the parser's character limit, in UTF-8 bytes at worst. */
    static final long MAX_FILE_BYTES = 4L * ExprLimits.MAX_SCRIPT_CHARS;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SCRIPT", description = "the script (or use --file)")
    String script;

    @Option(names = "--file", paramLabel = "F", description = "read the script from a file")
    Path file;

    @Option(names = "--of", paramLabel = "NAME", description = "the output to differentiate (default: the last name assigned)")
    String of;

    @Option(names = "--json", description = {"print {\"output\":NAME,\"values\":{NAME:{\"data\":D,\"grad\":G},...}},",
        "one entry per binding: a rebound name is a, a', a''; with --nudge also",
        "\"nudge\":{\"eta\":E,\"before\":B,\"after\":A,\"predictedChange\":P}"})
    boolean json;

    @Option(names = "--svg", paramLabel = "FILE", description = "write the computation graph as SVG")
    Path svg;

    @Option(names = "--trace", description = "print the backward pass one node per line, with the chain rule")
    boolean trace;

    @Option(names = "--backward", paramLabel = "N", defaultValue = "1",
            description = "run backward N times (1.." + MAX_PASSES + ") without zeroing between: the gradients add up")
    int passes;

    @Option(names = "--rule", paramLabel = "RULE", converter = RuleConverter.class, defaultValue = "accumulate",
            description = "how backward writes a gradient: accumulate (+=, right) or overwrite (=, seed 001's bug)")
    BackwardRule rule;

    @Option(names = "--nudge", paramLabel = "ETA",
            description = "after backward, move every named leaf by -ETA * grad and print the new output")
    Double nudge;

    /** More passes than this teach nothing more and only cost time. */
    static final int MAX_PASSES = 1000;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((script == null) == (file == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give the script either as SCRIPT or with --file");
        }
        if (passes < 1 || passes > MAX_PASSES) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--backward is 1 to " + MAX_PASSES + " passes, not " + passes);
        }
        if (nudge != null && !(Double.isFinite(nudge) && Math.abs(nudge) <= Nudge.MAX_ETA)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--nudge is a number between -" + Nudge.MAX_ETA + " and " + Nudge.MAX_ETA + ", not " + nudge);
        }
        String text;
        try {
            // a FIFO or a device would block or never end: only regular files, and a bounded size
            text = script != null ? script : InputLimits.readString(file, MAX_FILE_BYTES, "--file");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), Failures.cut(e.getMessage()));
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + Failures.describe(e));
            return 1;
        }
        Evaluator.Program program;
        try {
            program = Evaluator.run(text, of);
        } catch (ExprException e) {
            err.println(e.describe());
            return 2;
        }
        for (int pass = 1; pass <= passes; pass++) {
            // the first pass starts from zero; later ones add to it, as backward() twice does in seed 002
            BackwardStepper stepper = new BackwardStepper(program.output(), rule, pass == 1);
            if (trace && passes > 1) {
                out.printf("backward pass %d of %d%n", pass, passes);
            }
            while (stepper.hasNext()) {
                BackwardStepper.Step step = stepper.next();
                if (trace) {
                    out.printf("%d/%d %s%n", step.index() + 1, stepper.total(), step.chainRule());
                }
            }
        }
        Nudge moved = nudge == null ? null
                : Nudge.apply(program.output(), Nudge.namedLeaves(program.output()), nudge);
        if (json) {
            out.println(toJson(program, moved));
        } else {
            if (!trace) {
                printTable(out, program.versions());
            }
            if (moved != null) {
                out.println("nudge " + moved.describe(program.outputVersion()));
            }
        }
        if (svg != null) {
            int code = GraphFiles.writeValueGraph(svg, program.output(), null, err);
            if (code != 0) {
                return code;
            }
        }
        out.flush();
        return 0;
    }

    private static String toJson(Evaluator.Program program, Nudge moved) {
        JsonObject values = new JsonObject();
        boolean nonFinite = false;
        for (Map.Entry<String, Value> e : program.versions().entrySet()) {
            JsonObject v = new JsonObject();
            nonFinite |= JsonNumbers.put(v, "data", e.getValue().data());
            nonFinite |= JsonNumbers.put(v, "grad", e.getValue().grad());
            values.add(e.getKey(), v);
        }
        JsonObject root = new JsonObject();
        root.addProperty("output", program.outputVersion());
        root.add("values", values);
        if (moved != null) {
            JsonObject n = new JsonObject();
            n.addProperty("eta", moved.eta());
            nonFinite |= JsonNumbers.put(n, "before", moved.outputBefore());
            nonFinite |= JsonNumbers.put(n, "after", moved.outputAfter());
            nonFinite |= JsonNumbers.put(n, "predictedChange", moved.predictedChange());
            root.add("nudge", n);
        }
        if (nonFinite) {
            root.addProperty(JsonNumbers.FLAG, true); // the nulls above were NaN or infinite
        }
        return new GsonBuilder().serializeNulls().create().toJson(root);
    }

    private static void printTable(PrintWriter out, Map<String, Value> bindings) {
        int width = Math.max(4, bindings.keySet().stream().mapToInt(String::length).max().orElse(4));
        out.printf("%-" + width + "s  %12s  %12s%n", "name", "data", "grad");
        for (Map.Entry<String, Value> e : bindings.entrySet()) {
            out.printf("%-" + width + "s  %12s  %12s%n", e.getKey(), Numbers.compact(e.getValue().data()),
                    Numbers.compact(e.getValue().grad()));
        }
    }

    static final class RuleConverter extends PlaygroundCommand.NamedConverter<BackwardRule> {
        RuleConverter() {
            super(BackwardRule.class, "backward rule");
        }
    }
}
