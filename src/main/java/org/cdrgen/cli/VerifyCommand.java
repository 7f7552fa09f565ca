package org.cdrgen.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cdrgen.inspect.DropVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** cdrgen verify DIR: is this drop complete and intact? */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Re-checks a drop against its manifest.json: every file present, with its size, SHA-256"
            + " and row count; no unlisted or temporary file; _SUCCESS present.%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the drop is complete and intact", "1:some file is bad (each named on stderr)",
            "2:DIR is not a drop (no manifest.json)"})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The output directory of a cdrgen run.")
    Path dir;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + " is not a directory");
        }
        if (!Files.isRegularFile(dir.resolve("manifest.json"))) {
            throw new BadInputException(dir + " has no manifest.json: not a finished cdrgen drop");
        }
        List<DropVerifier.Problem> problems = DropVerifier.verify(dir);
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
}
