package org.cdrgen.cli;

import org.cdrgen.Version;
import picocli.CommandLine;

/** Prints the version the jar was built as. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"cdrgen " + Version.get(), "Java " + System.getProperty("java.version")};
    }
}
