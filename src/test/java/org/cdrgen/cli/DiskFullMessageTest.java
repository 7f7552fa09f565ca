package org.cdrgen.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.time.LocalDate;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.drop.Compression;
import org.cdrgen.run.GenerationRun;
import org.cdrgen.run.Progress;
import org.cdrgen.run.RunSettings;
import org.cdrgen.run.Shard;
import org.junit.jupiter.api.Test;

/**
 * The one line a full disk gives (README: "one line on stderr naming the path"): {@link Main#describe} of what
 * a run on a full (Jimfs) disk throws.
 */
class DiskFullMessageTest {
    @Test
    void describeOfADiskFullFailureIsOneLineNamingThePath() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setMaxSize(2_000_000).build())) {
            Path out = fs.getPath("/data/drop");
            RunSettings settings = new RunSettings(1000, 1, LocalDate.parse("2026-03-02"), 20260302L, 2, out,
                    128L << 20, Compression.NONE, new ProfileLoader().loadBuiltIn(),
                    RunSettings.DEFAULT_CHUNK_SUBSCRIBERS, Shard.WHOLE);
            IOException e = assertThrows(IOException.class, () -> new GenerationRun(settings, Progress.NONE,
                    new GenerationRun.OutputPolicy(false, false)).run());
            String line = Main.describe(e, "cannot write ");
            assertFalse(line.contains("\n") || line.contains("\r"), "one line: " + line);
            assertTrue(line.contains("space"), "says why: " + line);
            assertTrue(line.contains(out.toString() + "/"), "names the file being written under " + out + ": " + line);
        }
    }
}
