package org.cdrgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cdrgen.Version;
import org.cdrgen.testing.Cli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --help and --version through the real CLI. */
class HelpAndVersionTest {
    /** Options whose documented default (or "required") the help must show, with the text it shows. */
    static final Map<String, List<String>> DEFAULTS = Map.of(
            "--subscribers", List.of("required"),
            "--days", List.of("default: 1)"),
            "--start-date", List.of("default: today, UTC"),
            "--seed", List.of("default: drawn at random"),
            "--threads", List.of("available processors", Integer.toString(Runtime.getRuntime().availableProcessors())),
            "--output-dir", List.of("required"),
            "--max-file-size", List.of("default: 128MiB"),
            "--config", List.of("default: the built-in profile"));

    @Test
    void helpListsEveryOptionWithItsDefault() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.exit(), r.describe());
        String help = r.out();
        Map<String, String> entries = optionEntries(help);
        for (Map.Entry<String, List<String>> option : DEFAULTS.entrySet()) {
            String entry = entries.get(option.getKey());
            assertTrue(entry != null, "help lacks an entry for " + option.getKey() + ":\n" + help);
            for (String text : option.getValue()) {
                assertTrue(entry.contains(text), option.getKey() + " should document '" + text + "': " + entry);
            }
        }
        // Every option the command has is listed; every one that takes a value says its default or "required".
        for (CommandLine.Model.OptionSpec option : Main.commandLine().getCommandSpec().options()) {
            String name = option.longestName();
            String entry = entries.get(name);
            assertTrue(entry != null, "help lacks " + name + ":\n" + help);
            if (option.arity().max() > 0 && !option.usageHelp() && !option.versionHelp()) {
                assertTrue(entry.contains("default") || entry.contains("required"),
                        name + " takes a value but documents no default: " + entry);
            }
        }
        assertFalse(help.contains("${"), "unresolved variable in help:\n" + help);
        assertTrue(help.contains("Exit codes"), "help documents the exit codes:\n" + help);
        assertEquals("", r.stderr(), "nothing on stderr");
        assertEquals(help, Cli.run("-h").out(), "-h and --help print the same");
    }

    /** The option list of a picocli help text: long option name -> its entry, wrapped lines joined. */
    static Map<String, String> optionEntries(String help) {
        Pattern start = Pattern.compile("^\\s+(?:-\\w, )?(--[a-z-]+)(.*)$");
        Map<String, String> entries = new LinkedHashMap<>();
        String current = null;
        for (String line : help.split("\n")) {
            if (!entries.isEmpty() && !line.startsWith(" ")) {
                break; // the option list ends where the next heading ("Commands:", "Exit codes:") starts
            }
            Matcher m = start.matcher(line);
            if (m.matches()) {
                current = m.group(1);
                entries.put(current, m.group(2).trim());
            } else if (current != null && line.startsWith("    ") && !line.isBlank()) {
                entries.put(current, entries.get(current) + " " + line.trim());
            } else {
                current = null;
            }
        }
        return entries;
    }

    @Test
    void versionPrintsTheProjectVersion() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.exit(), r.describe());
        assertEquals("cdrgen 0.1.0", r.out().lines().findFirst().orElse(""), r.describe());
        assertEquals("0.1.0", Version.get());
        assertEquals("", r.stderr());
    }
}
