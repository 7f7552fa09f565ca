package org.cdrgen.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cdrgen.inspect.DropReport;
import org.cdrgen.inspect.DropStatistics;
import org.cdrgen.inspect.JsonReport;
import org.cdrgen.drop.DropLayout;
import org.cdrgen.drop.ReadFailedException;
import org.cdrgen.inspect.TextReport;
import org.cdrgen.inspect.UnreadableDropException;
import org.cdrgen.drop.DropWriter;
import org.cdrgen.drop.Manifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cdrgen stats DIR}: statistics of a drop, computed from its files alone. */
@Command(name = "stats",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Reports statistics of a drop directory, read from its files alone (any directory in the"
            + " schema's layout: events/date=YYYY-MM-DD/part-*.csv, .csv.gz or .csv.zst, and subscribers.csv if"
            + " present): rows per event type, activity per subscriber-day, hourly profiles (UTC), call durations"
            + " and outcomes, on-net MO/MT pairing, contacts, cells, data sessions and volumes, roaming and device"
            + " swaps. A directory without manifest.json or _SUCCESS (a partial drop, or files not written by"
            + " cdrgen) is reported too, after a warning on stderr.%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (also after a warning)",
            "1:the report failed: a file or directory cannot be read (named, with the reason), or memory ran out",
            "2:bad input: DIR missing, without event files, or with a malformed file (a line over 1 MiB, a record"
                + " whose field count differs from the header's, a value of the wrong form)"},
        footer = {"%nExample: cdrgen stats --format json out/ > stats.json"})
public final class StatsCommand implements Callable<Integer> {
    /** Output formats of the report. */
    public enum Format {
        TEXT, JSON
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Drop directory to read.")
    Path dir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            description = "text (aligned sections) or json (one object) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        DropReport report;
        try {
            report = DropStatistics.analyze(dir);
        } catch (UnreadableDropException e) {
            // Named like verify's errors; cdrgen's handler prints "cdrgen stats: " + this, and exits 2.
            throw new BadInputException(e.getMessage());
        } catch (ReadFailedException e) {
            return failed(e.getMessage());
        }
        String warning = unfinishedDropWarning();
        if (warning != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("cdrgen stats: warning: " + warning);
            err.flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.JSON ? JsonReport.render(report) : TextReport.render(report));
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Why the figures may not be those of a finished drop, or null: a run writes manifest.json and then
     * _SUCCESS last, so a drop without them is one still being written or one that was stopped, and a
     * directory with neither may not be cdrgen's at all.
     */
    private String unfinishedDropWarning() {
        if (!Files.exists(dir.resolve(DropLayout.MANIFEST))) {
            return dir + " has no " + DropLayout.MANIFEST + ": not a finished cdrgen drop (a run still writing, one"
                    + " that was stopped, or files written by another program); its files are reported as they are";
        }
        if (!Files.exists(dir.resolve(DropLayout.SUCCESS))) {
            return dir + " has no " + DropLayout.SUCCESS + ": the drop may be partial (a run still writing,"
                    + " or one that was stopped)";
        }
        return null;
    }

    /** An I/O failure: said here, in a reader's words, rather than left to the generic handler. */
    private int failed(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("cdrgen stats: " + message);
        err.flush();
        return ExitCodes.RUN_FAILED;
    }

    /** Accepts text or json in any case, and names both when the value is neither. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "text":
                    return Format.TEXT;
                case "json":
                    return Format.JSON;
                default:
                    throw new CommandLine.TypeConversionException("'" + value + "' is not a format: use text or json");
            }
        }
    }
}
