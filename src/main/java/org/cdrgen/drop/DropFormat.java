package org.cdrgen.drop;

import java.util.List;

/**
 * The files a drop is written as: CSV (compressed as a whole by {@link Compression}), or Parquet with a codec
 * inside the file ("none", "snappy" or "zstd"; the file is then not compressed as a whole).
 */
public record DropFormat(boolean parquet, String parquetCodec) {
    public static final DropFormat CSV = new DropFormat(false, null);
    public static final List<String> PARQUET_CODECS = List.of("none", "snappy", "zstd");
    public static final String PARQUET_SUFFIX = ".parquet";

    public DropFormat {
        if (parquet && !PARQUET_CODECS.contains(parquetCodec)) {
            throw new IllegalArgumentException("parquet codec " + parquetCodec + " is not one of " + PARQUET_CODECS);
        }
    }

    public static DropFormat parquet(String codec) {
        return new DropFormat(true, codec);
    }

    /** What manifest.json says in "compression": the CSV codec, or parquet's, e.g. "parquet-snappy". */
    public String compressionLabel(Compression csv) {
        return parquet ? "parquet-" + parquetCodec : csv.label();
    }
}
