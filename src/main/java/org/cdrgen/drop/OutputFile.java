package org.cdrgen.drop;

/**
 * A finished output file: its path relative to the output directory (with '/'), data rows (header excluded),
 * bytes on disk and the SHA-256 of those bytes (hex).
 */
public record OutputFile(String path, long rows, long bytes, String sha256) {
}
