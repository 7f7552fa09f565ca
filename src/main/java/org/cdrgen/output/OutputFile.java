package org.cdrgen.output;

/** A finished output file: its path relative to the output directory, data rows (header excluded) and bytes on disk. */
public record OutputFile(String path, long rows, long bytes) {
}
