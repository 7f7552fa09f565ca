package org.cdrgen.drop;

import java.security.MessageDigest;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.cdrgen.Sha256;

/**
 * The checksum manifest.json gives every file (`--checksum`). SHA-256, the default, is what `sha256sum -c`
 * checks; CRC-32 (the one of gzip, zlib and Python's {@code zlib.crc32}, a JVM intrinsic) saves the writer
 * thread ~2.2 CPU-s over a 4.2 GB drop (bench/RESULTS.md) and still catches any changed byte (every change
 * of up to 32 consecutive bits, and any other with probability 1 - 2^-32), but not a deliberate edit.
 */
public enum FileChecksum {
    SHA256("sha256", "SHA-256", Pattern.compile("[0-9a-fA-F]{64}")),
    CRC32("crc32", "CRC-32", Pattern.compile("[0-9a-fA-F]{8}"));

    private final String key;
    private final String displayName;
    private final Pattern hex;

    FileChecksum(String key, String displayName, Pattern hex) {
        this.key = key;
        this.displayName = displayName;
        this.hex = hex;
    }

    /** The option's value and the manifest's key of a file entry: "sha256", "crc32". */
    public String key() {
        return key;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether {@code value} has this checksum's form (hex digits, either case). */
    boolean isWellFormed(String value) {
        return hex.matcher(value).matches();
    }

    /** The checksum by its option value, or null. */
    public static FileChecksum ofKey(String key) {
        for (FileChecksum c : values()) {
            if (c.key.equals(key.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        return null;
    }

    Hasher newHasher() {
        return this == SHA256 ? new ShaHasher() : new CrcHasher();
    }

    /** A running checksum of a file's bytes; {@link #hex()} ends it. */
    interface Hasher {
        void update(byte[] b, int off, int len);

        String hex();
    }

    private static final class ShaHasher implements Hasher {
        private final MessageDigest digest = Sha256.newDigest();

        @Override
        public void update(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }

        @Override
        public String hex() {
            return Sha256.hex(digest);
        }
    }

    private static final class CrcHasher implements Hasher {
        private final CRC32 crc = new CRC32();

        @Override
        public void update(byte[] b, int off, int len) {
            crc.update(b, off, len);
        }

        @Override
        public String hex() {
            return String.format(Locale.ROOT, "%08x", crc.getValue());
        }
    }
}
