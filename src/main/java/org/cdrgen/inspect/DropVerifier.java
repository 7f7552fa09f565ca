package org.cdrgen.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.cdrgen.output.Compression;
import org.cdrgen.output.DropWriter;
import org.cdrgen.output.Manifest;
import org.cdrgen.output.OutputFile;

/**
 * Re-checks a drop against its manifest: every listed file present with its size, SHA-256 and row count,
 * no data file the manifest does not list, no temporary file left, and the success marker present.
 */
public final class DropVerifier {
    private DropVerifier() {
    }

    /** One problem with one file. */
    public record Problem(String path, String what) {
        @Override
        public String toString() {
            return path + ": " + what;
        }
    }

    /** @throws IOException when the manifest itself is missing or unreadable */
    public static List<Problem> verify(Path dir) throws IOException {
        Manifest manifest;
        try {
            manifest = Manifest.readFrom(dir);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(dir.resolve(Manifest.FILE_NAME).toString(), null, "no manifest: not a finished cdrgen drop");
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        for (OutputFile file : manifest.files()) {
            listed.add(file.path());
            check(dir, file, problems);
        }
        for (String path : dataFiles(dir)) {
            if (!listed.contains(path)) {
                problems.add(new Problem(path, path.contains(".inprogress") ? "temporary file left behind"
                        : "not listed in the manifest"));
            }
        }
        if (!Files.exists(dir.resolve(DropWriter.SUCCESS_MARKER))) {
            problems.add(new Problem(DropWriter.SUCCESS_MARKER, "missing: the run did not finish"));
        }
        return problems;
    }

    private static void check(Path dir, OutputFile file, List<Problem> problems) throws IOException {
        Path path = dir.resolve(file.path());
        if (!Files.isRegularFile(path)) {
            problems.add(new Problem(file.path(), "missing"));
            return;
        }
        long size = Files.size(path);
        if (size != file.bytes()) {
            problems.add(new Problem(file.path(), size + " bytes, manifest says " + file.bytes()));
            return;
        }
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equals(file.sha256())) {
            problems.add(new Problem(file.path(), "SHA-256 " + actual + ", manifest says " + file.sha256()));
            return;
        }
        long rows;
        try {
            rows = countRows(path);
        } catch (IOException e) {
            problems.add(new Problem(file.path(), "cannot be decompressed: " + e.getMessage()));
            return;
        }
        if (rows != file.rows()) {
            problems.add(new Problem(file.path(), rows + " rows, manifest says " + file.rows()));
        }
    }

    /** Data rows: lines after the header (cdrgen never writes line breaks inside fields). */
    static long countRows(Path path) throws IOException {
        Compression compression = Compression.ofFileName(path.getFileName().toString());
        long lines = 0;
        try (InputStream in = compression.unwrap(Files.newInputStream(path))) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return Math.max(0, lines - 1);
    }

    /**
     * Files in the drop's own layout (top-level dimension files, everything under events/, temporary files
     * there), as manifest paths; a user's other files and folders are not the drop's business.
     */
    private static List<String> dataFiles(Path dir) throws IOException {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> top = Files.list(dir)) {
            top.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".inprogress") || name.startsWith("subscribers")
                            || name.startsWith("cells.csv"))
                    .forEach(paths::add);
        }
        Path events = dir.resolve("events");
        if (Files.isDirectory(events)) {
            try (Stream<Path> walk = Files.walk(events)) {
                walk.filter(Files::isRegularFile).forEach(p -> paths.add(dir.relativize(p).toString().replace('\\', '/')));
            }
        }
        paths.sort(null);
        return paths;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
