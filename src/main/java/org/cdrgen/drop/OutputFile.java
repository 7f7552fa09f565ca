package org.cdrgen.drop;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A finished output file: its path relative to the output directory (with '/'), data rows (header excluded),
 * bytes on disk and the checksum of those bytes (hex): its SHA-256 or, with `--checksum crc32`, its CRC-32;
 * exactly one of the two is set.
 */
public record OutputFile(String path, long rows, long bytes, @JsonInclude(JsonInclude.Include.NON_NULL) String sha256,
        @JsonInclude(JsonInclude.Include.NON_NULL) String crc32) {

    public OutputFile {
        if ((sha256 == null) == (crc32 == null)) {
            throw new IllegalArgumentException(path + ": exactly one of sha256 and crc32");
        }
    }

    /** A file with its SHA-256. */
    public OutputFile(String path, long rows, long bytes, String sha256) {
        this(path, rows, bytes, sha256, null);
    }

    public OutputFile(String path, long rows, long bytes, FileChecksum kind, String value) {
        this(path, rows, bytes, kind == FileChecksum.SHA256 ? value : null, kind == FileChecksum.CRC32 ? value : null);
    }

    /** Which checksum the file has. */
    public FileChecksum checksumKind() {
        return sha256 != null ? FileChecksum.SHA256 : FileChecksum.CRC32;
    }

    public String checksumValue() {
        return sha256 != null ? sha256 : crc32;
    }
}
