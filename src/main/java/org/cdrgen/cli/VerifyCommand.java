package org.cdrgen.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cdrgen.drop.DropLayout;
import org.cdrgen.drop.DropVerifier;
import org.cdrgen.drop.ReadFailedException;
import org.cdrgen.drop.Manifest.InvalidManifestException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** cdrgen verify DIR: is this drop complete and intact? */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Re-checks a drop against its manifest.json: every file present, with its size, SHA-256"
            + " and row count; the manifest's totals (event_rows, subscribers) equal to the sums of its files;"
            + " no unlisted or temporary file; _SUCCESS present. The manifest is not trusted: a drop whose"
            + " manifest lists a path outside the drop's layout, a file twice, or a file reached through a"
            + " symbolic link is refused, and nothing of it is read.%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the drop is complete and intact",
            "1:some file is bad, or a total of the manifest disagrees with its files (each named on stderr);"
                + " or a file or directory cannot be read (named, with the reason)",
            "2:DIR is not a drop (no manifest.json), or its manifest.json is refused: malformed, a field missing"
                + " or of the wrong type, a path outside the drop's layout or through a symbolic link, a file"
                + " listed twice"})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The output directory of a cdrgen run.")
    Path dir;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + " is not a directory");
        }
        if (!Files.isRegularFile(dir.resolve(DropLayout.MANIFEST))) {
            throw new BadInputException(dir + " has no manifest.json: not a finished cdrgen drop");
        }
        List<DropVerifier.Problem> problems;
        try {
            problems = DropVerifier.verify(dir);
        } catch (InvalidManifestException e) {
            throw new BadInputException(e.getMessage());
        } catch (ReadFailedException e) {
            return failed(e.getMessage());
        }
        if (problems.isEmpty()) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("OK: " + dir + " matches its manifest");
            out.flush();
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        for (DropVerifier.Problem problem : problems) {
            err.println("cdrgen verify: " + dir.resolve(problem.path()) + ": " + problem.what());
        }
        err.flush();
        return ExitCodes.RUN_FAILED;
    }

    /** An I/O failure: said here, in a reader's words, rather than left to the generic handler. */
    private int failed(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("cdrgen verify: " + message);
        err.flush();
        return ExitCodes.RUN_FAILED;
    }
}
