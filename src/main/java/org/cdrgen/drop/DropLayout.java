package org.cdrgen.drop;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names of a drop's files, in one place: the writer, the manifest's checks, --force's clean-up, verify and
 * stats all ask here. Paths are relative to the drop directory, with '/'.
 *
 * <pre>
 *   events/date=YYYY-MM-DD/part-NNNNN[-shard-I-of-N].csv[.gz|.zst]   (5 or more digits)
 *   subscribers[-shard-I-of-N].csv[.gz|.zst]
 *   cells.csv[.gz|.zst]
 *   manifest.json, then _SUCCESS (written last)
 *   .NAME.inprogress  a file while it is written;  .cdrgen.lock  the run's lock and journal
 * </pre>
 */
public final class DropLayout {
    public static final String EVENTS = "events";
    public static final String MANIFEST = "manifest.json";
    public static final String SUCCESS = "_SUCCESS";
    public static final String LOCK = ".cdrgen.lock";
    public static final String CELLS = "cells.csv";
    private static final String TEMPORARY_SUFFIX = ".inprogress";

    private static final String SHARD = "(-shard-\\d+-of-\\d+)?";
    /** CSV, maybe compressed as a whole, or Parquet (--format parquet). */
    private static final String CODEC = "(\\.csv(\\.gz|\\.zst)?|\\.parquet)";
    private static final Pattern PART = Pattern.compile("part-\\d{5,}" + SHARD + CODEC);
    private static final Pattern SUBSCRIBERS = Pattern.compile("subscribers" + SHARD + CODEC);
    private static final Pattern DATA_FILE = Pattern.compile("(events/date=\\d{4}-\\d{2}-\\d{2}/part-\\d{5,}" + SHARD
            + "|subscribers" + SHARD + "|cells)" + CODEC);
    /** The layout in words, for messages. */
    public static final String DESCRIPTION = "events/date=YYYY-MM-DD/part-NNNNN.csv, subscribers.csv or cells.csv,"
            + " with an optional -shard-I-of-N and .gz or .zst, or .parquet instead of .csv";

    private DropLayout() {
    }

    public static String dayDirectory(LocalDate date) {
        return EVENTS + "/date=" + date;
    }

    /** The n-th part file of a day, without the compression suffix. */
    public static String partName(int n, String shardTag) {
        return String.format(Locale.ROOT, "part-%05d%s.csv", n, shardTag);
    }

    /** The subscribers file, without the compression suffix. */
    public static String subscribersName(String shardTag) {
        return "subscribers" + shardTag + ".csv";
    }

    /** A CSV name ({@link #partName}, {@link #subscribersName}, {@link #CELLS}) as the Parquet file's. */
    public static String asParquet(String csvName) {
        return csvName.substring(0, csvName.length() - ".csv".length()) + DropFormat.PARQUET_SUFFIX;
    }

    /** The hidden name a file is written under until it is complete. */
    public static String temporaryName(String path) {
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + "." + path.substring(slash + 1) + TEMPORARY_SUFFIX;
    }

    public static boolean isTemporary(String name) {
        return name.startsWith(".") && name.endsWith(TEMPORARY_SUFFIX);
    }

    /** A data file of a drop (what a manifest may list): a part, a subscribers file, cells.csv. */
    public static boolean isDataFile(String path) {
        return DATA_FILE.matcher(path).matches();
    }

    /** The file name of a part file, any shard, any codec. */
    public static boolean isPartName(String name) {
        return PART.matcher(name).matches();
    }

    /** The file name of a subscribers file, any shard, any codec. */
    public static boolean isSubscribersName(String name) {
        return SUBSCRIBERS.matcher(name).matches();
    }
}
