package org.cdrgen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cdrgen.inspect.DropReport;
import org.cdrgen.inspect.DropStatistics;
import org.cdrgen.inspect.JsonReport;
import org.cdrgen.inspect.TextReport;
import org.cdrgen.inspect.UnreadableDropException;
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
            + " swaps.%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the report failed (unexpected error)",
            "2:bad input: DIR missing, without event files, or with a malformed file"},
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
            // Named like verify's errors; cdrgen's handler prints "cdrgen: " + this, and exits 2.
            throw new BadInputException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.JSON ? JsonReport.render(report) : TextReport.render(report));
        out.flush();
        return ExitCodes.OK;
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
