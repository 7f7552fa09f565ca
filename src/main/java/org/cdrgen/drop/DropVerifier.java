package org.cdrgen.drop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.cdrgen.IoReasons;
import org.cdrgen.drop.Manifest.InvalidManifestException;

/**
 * Re-checks a drop against its manifest: every listed file present with its size, checksum (SHA-256, or
 * CRC-32 where the manifest gives that) and row count,
 * the manifest's totals equal to the sums of its entries, no data file the manifest does not list, no
 * temporary file left, and the success marker present. The manifest is untrusted input: no entry may lead
 * outside the drop or through a symbolic link, and every file is read once.
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

    /**
     * The drop's problems, none if it is complete and intact.
     *
     * @throws InvalidManifestException when the drop is refused: its manifest is malformed, lists a file twice,
     *     or lists a path outside the drop's layout or through a symbolic link
     * @throws ReadFailedException when manifest.json or a directory of the drop cannot be read
     */
    public static List<Problem> verify(Path dir) throws InvalidManifestException {
        Manifest manifest = readManifest(dir);
        // Every entry is checked before any file is opened: a refused drop has nothing read.
        List<Path> located = new ArrayList<>(manifest.files().size());
        for (OutputFile file : manifest.files()) {
            located.add(Manifest.resolveInside(dir, file.path()));
        }
        List<Problem> problems = new ArrayList<>(totals(manifest));
        Set<String> listed = new TreeSet<>();
        for (int i = 0; i < located.size(); i++) {
            OutputFile file = manifest.files().get(i);
            listed.add(file.path());
            String fault = fault(located.get(i), file);
            if (fault != null) {
                problems.add(new Problem(file.path(), fault));
            }
        }
        for (String path : dataFiles(dir)) {
            if (!listed.contains(path)) {
                problems.add(new Problem(path, DropLayout.isTemporary(path.substring(path.lastIndexOf('/') + 1)) ? "temporary file left behind"
                        : "not listed in the manifest"));
            }
        }
        if (!Files.exists(dir.resolve(DropLayout.SUCCESS))) {
            problems.add(new Problem(DropLayout.SUCCESS, "missing: the run did not finish"));
        }
        return problems;
    }

    private static Manifest readManifest(Path dir) throws InvalidManifestException {
        try {
            return Manifest.read(dir);
        } catch (InvalidManifestException e) {
            throw e;
        } catch (IOException e) {
            throw new ReadFailedException("cannot read " + dir.resolve(DropLayout.MANIFEST) + ": " + IoReasons.of(e),
                    e);
        }
    }

    /** The manifest's totals against the sums of its own entries: an edited total must not pass. */
    private static List<Problem> totals(Manifest manifest) {
        List<Problem> problems = new ArrayList<>();
        BigInteger eventRows = rowsOfFilesStartingWith(manifest, DropLayout.EVENTS + "/");
        if (!eventRows.equals(BigInteger.valueOf(manifest.eventRows()))) {
            problems.add(new Problem(DropLayout.MANIFEST, "event_rows is " + manifest.eventRows()
                    + ", but its event files hold " + eventRows + " rows"));
        }
        // (subscribers.csv holds one row per version of a line's identity in the drop's days: no total to match.)
        return problems;
    }

    /** Exact: the rows of many files can add up to more than a long holds. */
    private static BigInteger rowsOfFilesStartingWith(Manifest manifest, String prefix) {
        BigInteger sum = BigInteger.ZERO;
        for (OutputFile file : manifest.files()) {
            if (file.path().startsWith(prefix)) {
                sum = sum.add(BigInteger.valueOf(file.rows()));
            }
        }
        return sum;
    }

    /** What is wrong with one listed file, or null if it matches its entry; the first fault found only. */
    private static String fault(Path path, OutputFile file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return "missing";
        } catch (IOException e) {
            return "cannot be read: " + IoReasons.of(e);
        }
        if (!attributes.isRegularFile()) {
            return "not a regular file";
        }
        if (attributes.size() != file.bytes()) {
            return attributes.size() + " bytes, manifest says " + file.bytes();
        }
        String actual;
        try {
            actual = checksum(path, file.checksumKind());
        } catch (IOException e) {
            return "cannot be read: " + IoReasons.of(e);
        }
        if (!actual.equalsIgnoreCase(file.checksumValue())) {
            return file.checksumKind().displayName() + " " + actual + ", manifest says " + file.checksumValue();
        }
        long rows;
        try {
            rows = countRows(path);
        } catch (Compression.CodecUnavailableException e) {
            throw new ReadFailedException(e.getMessage(), e); // this machine's fault, not the file's: said once
        } catch (IOException e) {
            boolean compressed = Compression.ofFileName(path.getFileName().toString()) != Compression.NONE;
            return (compressed ? "cannot be decompressed: " : "cannot be read: ") + IoReasons.of(e);
        }
        return rows == file.rows() ? null : rows + " rows, manifest says " + file.rows();
    }

    private static String checksum(Path path, FileChecksum kind) throws IOException {
        FileChecksum.Hasher hasher = kind.newHasher();
        // Not through a link, should one have appeared since the manifest's paths were checked.
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                hasher.update(buf, 0, n);
            }
        }
        return hasher.hex();
    }

    /** Data rows: lines after the header (cdrgen never writes line breaks inside fields). */
    static long countRows(Path path) throws IOException {
        if (path.getFileName().toString().endsWith(DropFormat.PARQUET_SUFFIX)) {
            return ParquetFiles.rows(path);
        }
        Compression compression = Compression.ofFileName(path.getFileName().toString());
        long lines = 0;
        try (InputStream in = compression.unwrap(Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS))) {
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
    private static List<String> dataFiles(Path dir) {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> top = Files.list(dir)) {
            top.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> DropLayout.isTemporary(name) || name.startsWith("subscribers")
                            || name.startsWith(DropLayout.CELLS))
                    .forEach(paths::add);
        } catch (IOException | UncheckedIOException e) {
            throw cannotList(dir, e);
        }
        Path events = dir.resolve(DropLayout.EVENTS);
        if (Files.isDirectory(events)) {
            try (Stream<Path> walk = Files.walk(events)) {
                walk.filter(Files::isRegularFile).forEach(p -> paths.add(dir.relativize(p).toString().replace('\\', '/')));
            } catch (IOException | UncheckedIOException e) {
                throw cannotList(events, e);
            }
        }
        paths.sort(null);
        return paths;
    }

    /** Names the directory that failed, which may be one below {@code dir} in a walk. */
    private static ReadFailedException cannotList(Path dir, Exception e) {
        IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
        String failed = cause instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : dir.toString();
        return new ReadFailedException("cannot list " + failed + ": " + IoReasons.of(cause), e);
    }
}
