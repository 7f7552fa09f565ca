package org.cdrgen;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, as the manifest (files) and the run metadata (profiles) use it: a digest and its lower-case hex. */
public final class Sha256 {
    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Finishes the digest and gives its hex form. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String hex(byte[] bytes) {
        return hex(update(newDigest(), bytes));
    }

    private static MessageDigest update(MessageDigest digest, byte[] bytes) {
        digest.update(bytes);
        return digest;
    }
}
