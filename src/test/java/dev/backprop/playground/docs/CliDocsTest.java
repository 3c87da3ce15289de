package dev.backprop.playground.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.playground.cli.PlaygroundCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/cli.md shows each command's usage exactly as picocli prints it. Each block follows a marker
 * {@code <!-- usage: NAME -->}. To rewrite the blocks after changing an option:
 * {@code mvn -B -o test-compile surefire:test -Dtest=CliDocsTest -Ddocs.regenerate=true}.
 */
class CliDocsTest {

    static final Path CLI_MD = Path.of("docs", "cli.md");
    static final String REGENERATE =
            "mvn -B -o test-compile surefire:test -Dtest=CliDocsTest -Ddocs.regenerate=true";
    // the marker, then a fenced block; group 1 names the command, group 2 is the block's text
    private static final Pattern BLOCK =
            Pattern.compile("<!-- usage: ([a-z-]+) -->\\n```text\\n(.*?)```", Pattern.DOTALL);

    /** The usage text of the top-level command and of each subcommand, keyed by the marker's name. */
    static Map<String, String> usages() {
        CommandLine top = PlaygroundCommand.commandLine();
        Map<String, String> usages = new LinkedHashMap<>();
        usages.put(top.getCommandName(), usage(top));
        for (String name : List.of("train", "eval", "expr", "bench")) {
            usages.put(name, usage(top.getSubcommands().get(name)));
        }
        return usages;
    }

    private static String usage(CommandLine command) {
        // a fixed width, so the text does not depend on the terminal the build runs in
        command.setUsageHelpWidth(80);
        return command.getUsageMessage(CommandLine.Help.Ansi.OFF).replace("\r\n", "\n");
    }

    /** {@code markdown} with every marked block replaced by the current usage. */
    static String rewrite(String markdown, Map<String, String> usages) {
        Matcher m = BLOCK.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String usage = usages.get(m.group(1));
            String block = usage == null ? m.group(0)
                    : "<!-- usage: " + m.group(1) + " -->\n```text\n" + usage + (usage.endsWith("\n") ? "" : "\n") + "```";
            m.appendReplacement(out, Matcher.quoteReplacement(block));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void everyCommandsUsageIsInCliMdAsPicocliPrintsIt() throws IOException {
        String markdown = Files.readString(CLI_MD, StandardCharsets.UTF_8);
        Map<String, String> usages = usages();
        if (Boolean.getBoolean("docs.regenerate")) {
            markdown = rewrite(markdown, usages);
            Files.writeString(CLI_MD, markdown, StandardCharsets.UTF_8);
        }
        Matcher m = BLOCK.matcher(markdown);
        Map<String, String> documented = new LinkedHashMap<>();
        while (m.find()) documented.put(m.group(1), m.group(2));
        for (Map.Entry<String, String> e : usages.entrySet()) {
            assertTrue(documented.containsKey(e.getKey()), CLI_MD + " has no block <!-- usage: " + e.getKey()
                    + " --> followed by a ```text fence; add the marker and run: " + REGENERATE);
            String expected = e.getValue().endsWith("\n") ? e.getValue() : e.getValue() + "\n";
            assertEquals(expected, documented.get(e.getKey()), CLI_MD + ": the usage of '" + e.getKey()
                    + "' differs from the command's; rewrite the blocks with: " + REGENERATE);
        }
    }

    @Test
    void theUsageNamesTheOptionsTheCommandsTake() {
        // a guard on the generator itself: it must print real options, not an empty text
        Map<String, String> usages = usages();
        assertTrue(usages.get("train").contains("--hidden"), usages.get("train"));
        assertTrue(usages.get("eval").contains("--model"), usages.get("eval"));
        assertTrue(usages.get("expr").contains("--trace"), usages.get("expr"));
        assertTrue(usages.get("backprop-playground").contains("train"));
    }

    @Test
    void rewritingReplacesOnlyTheMarkedBlocks() {
        String md = "# x\n<!-- usage: eval -->\n```text\nold\n```\nkept\n```text\nother\n```\n";
        String out = rewrite(md, Map.of("eval", "new usage\n"));
        assertEquals("# x\n<!-- usage: eval -->\n```text\nnew usage\n```\nkept\n```text\nother\n```\n", out);
    }
}
