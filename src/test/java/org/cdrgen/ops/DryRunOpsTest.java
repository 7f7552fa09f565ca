package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --dry-run prints the plan on stdout, exits 0 and creates nothing. */
class DryRunOpsTest {
    @TempDir
    Path tmp;

    @Test
    void dryRunPrintsThePlanAndCreatesNothing() {
        Path dir = tmp.resolve("never/created");
        Cli.Result r = Cli.run("--subscribers", "1500", "--days", "3", "--seed", Cli.SEED, "--start-date",
                Cli.START, "--max-file-size", "1MiB", "--dry-run", "--output-dir", dir.toString());
        assertEquals(0, r.exit(), r.describe());
        assertFalse(Files.exists(dir.getParent()), "--dry-run created " + dir.getParent());
        String plan = r.out();
        // 1,500 subscribers in chunks of 1,000: 2 chunks a day, 3 days.
        assertTrue(plan.contains("6 chunks"), plan);
        assertTrue(plan.contains("4,500 subscriber-days"), plan);
        assertTrue(plan.contains("rows (est.)"), plan);
        assertTrue(plan.contains("bytes (est.)"), plan);
        assertTrue(plan.contains("files (est.)"), plan);
        assertTrue(plan.contains("3 day directories"), plan);
        assertEquals("", r.err(), r.describe());
    }

    @Test
    void theEstimateIsCloseToWhatARunWrites() {
        Path dir = tmp.resolve("drop");
        Cli.Result dry = Cli.run("--subscribers", "500", "--days", "2", "--seed", Cli.SEED, "--start-date",
                Cli.START, "--dry-run", "--output-dir", dir.toString());
        assertEquals(0, dry.exit(), dry.describe());
        assertFalse(Files.exists(dir));
        long estimatedRows = number(dry.out(), "rows \\(est\\.\\)\\s+([\\d,]+)");
        long estimatedBytes = number(dry.out(), "bytes \\(est\\.\\)\\s+([\\d,]+)");

        Cli.generate(dir, 500, 2);
        long rows = Drops.manifest(dir).get("event_rows").asLong();
        long bytes = 0;
        for (String f : Drops.files(dir)) {
            if (f.startsWith("events/")) {
                bytes += Drops.read(dir.resolve(f)).length;
            }
        }
        assertTrue(Math.abs(estimatedRows - rows) < 0.25 * rows, "estimated " + estimatedRows + " rows, wrote " + rows);
        assertTrue(Math.abs(estimatedBytes - bytes) < 0.25 * bytes, "estimated " + estimatedBytes + " bytes, wrote " + bytes);
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
