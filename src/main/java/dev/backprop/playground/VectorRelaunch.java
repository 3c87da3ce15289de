package dev.backprop.playground;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A plain {@code java -jar} leaves out the Vector API (a jar's manifest cannot add a module, and the
 * incubator module is never resolved by default), so the wide layers would run on the plain loops at a
 * third of the speed. For a command whose data is pictures ({@code train} or {@code eval} with
 * {@code --dataset digits|fashion|idx}) {@link Main} starts the same command again in a JVM given
 * {@code --add-modules jdk.incubator.vector}, the same options and class path, and waits for it: one
 * JVM start more (about 0.1-0.3 s, measured in docs/performance.md) against a run of seconds to minutes.
 * The child's standard streams are this process's; the JVM's one-line notice about incubator modules
 * is dropped from its stderr, everything else passes at once (the progress bar's carriage returns
 * included). SIGTERM or Ctrl+C here is passed on to the child, which finishes or removes its files as
 * it would alone, and this process exits with the child's code.
 */
final class VectorRelaunch {
    static final String MODULE = "jdk.incubator.vector";
    /** Set on the child, so it never starts another (also a way to keep the plain loops: -Dbackprop.relaunch=false). */
    static final String PROPERTY = "backprop.relaunch";
    /** The line the JVM prints at start when an incubator module is resolved. */
    static final String NOTICE = "WARNING: Using incubator modules: ";
    private static final Set<String> COMMANDS = Set.of("train", "eval");
    private static final Set<String> PICTURE_SETS = Set.of("digits", "fashion", "idx");

    private VectorRelaunch() {
    }

    /** True when {@code args} asks for work on pictures and this JVM lacks a Vector API the runtime has. */
    static boolean wanted(String[] args) {
        return picturesIn(args) && System.getProperty(PROPERTY) == null
                && !"false".equals(System.getProperty("backprop.vector"))
                && ModuleLayer.boot().findModule(MODULE).isEmpty()
                && ModuleFinder.ofSystem().find(MODULE).isPresent();
    }

    /** {@code train} or {@code eval} with {@code --dataset} one of the picture sets. */
    static boolean picturesIn(String[] args) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            return false;
        }
        for (int i = 1; i < args.length; i++) {
            String value = args[i].startsWith("--dataset=") ? args[i].substring("--dataset=".length())
                    : args[i].equals("--dataset") && i + 1 < args.length ? args[i + 1] : null;
            if (value != null) {
                return PICTURE_SETS.contains(value.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return false;
    }

    /**
     * The command line of the child: this JVM's own (its options, {@code -jar} or {@code -cp}, the
     * arguments) with the module added, or null when the JVM's command line cannot be read.
     */
    static List<String> childCommand(String[] args) {
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String[]> own = info.arguments();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (own.isEmpty() || !Files.isExecutable(java)) {
            return null;
        }
        List<String> jvm = List.of(own.get());
        // a java command: its options, then -jar JAR or the main class, then the program's arguments (a
        // native launcher, such as the app image's, shows only the arguments: it is not started again)
        int options = jvm.size() - args.length;
        if (options < 1 || !jvm.subList(options, jvm.size()).equals(List.of(args))
                || !jvm.get(options - 1).equals(Main.class.getName()) && !(options >= 2 && jvm.get(options - 2).equals("-jar"))) {
            return null;
        }
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "--add-modules", MODULE, "-D" + PROPERTY + "=child"));
        cmd.addAll(jvm);
        return cmd;
    }

    /**
     * Runs {@code args} in a child JVM with the Vector API and returns its exit code, or -1 when no
     * child could be started (the caller then runs the command itself, on the plain loops).
     */
    static int run(String[] args) {
        List<String> cmd = childCommand(args);
        if (cmd == null) {
            return -1;
        }
        Process child;
        try {
            child = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        // SIGTERM or Ctrl+C: the child gets SIGTERM and this process waits for it to end its writes
        Thread forward = new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "relaunch-forward");
        Runtime.getRuntime().addShutdownHook(forward);
        Thread errors = new Thread(() -> copyWithoutNotice(child.getErrorStream(), System.err), "relaunch-stderr");
        errors.start();
        try {
            int exit = child.waitFor();
            errors.join();
            return exit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * Copies {@code in} to {@code out} as it comes, less a first line that is the JVM's incubator
     * notice; a first line that is anything else is copied whole.
     */
    static void copyWithoutNotice(InputStream in, OutputStream out) {
        byte[] buffer = new byte[8192];
        byte[] notice = NOTICE.getBytes(StandardCharsets.UTF_8);
        // the first line is held until it is known not to be the notice
        java.io.ByteArrayOutputStream first = new java.io.ByteArrayOutputStream();
        boolean deciding = true;
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                int from = 0;
                if (deciding) {
                    int k = 0;
                    while (k < n && buffer[k] != '\n') {
                        k++;
                    }
                    first.write(buffer, 0, Math.min(n, k + 1));
                    byte[] held = first.toByteArray();
                    boolean couldBe = startsLike(held, notice);
                    if (k < n || !couldBe) {
                        deciding = false;
                        if (!(couldBe && held.length >= notice.length)) {
                            out.write(held);
                        }
                        from = Math.min(n, k + 1);
                    } else {
                        continue;
                    }
                }
                out.write(buffer, from, n - from);
                out.flush();
            }
            if (deciding) {
                out.write(first.toByteArray());
            }
            out.flush();
        } catch (IOException e) {
            // the child's stderr closed or ours did: nothing more to pass on
        }
    }

    /** Whether {@code held} and {@code notice} agree on their common length. */
    private static boolean startsLike(byte[] held, byte[] notice) {
        for (int i = 0; i < Math.min(held.length, notice.length); i++) {
            if (held[i] != notice[i]) {
                return false;
            }
        }
        return true;
    }
}
