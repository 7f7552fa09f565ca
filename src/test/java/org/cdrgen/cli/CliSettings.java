package org.cdrgen.cli;

import org.cdrgen.run.RunSettings;
import picocli.CommandLine;

/** Builds {@link RunSettings} exactly as the CLI does (same defaults and checks), for tests that run in-process. */
public final class CliSettings {
    private CliSettings() {
    }

    public static RunSettings parse(String... args) {
        CommandLine cl = Main.commandLine();
        cl.parseArgs(args);
        CdrgenCommand command = cl.getCommand();
        return command.settings();
    }
}
