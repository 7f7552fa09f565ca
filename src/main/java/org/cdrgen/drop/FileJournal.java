package org.cdrgen.drop;

import java.io.IOException;
import java.nio.file.Path;

/** Told of every file a run is about to create, before it exists (see {@link DropDirectory}). */
@FunctionalInterface
public interface FileJournal {
    FileJournal NONE = file -> { };

    void willWrite(Path file) throws IOException;
}
