package org.cdrgen.drop;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** What a rotating writer of either format (CSV, Parquet) gives the drop writer: finish, give up, list. */
interface RotatingFiles extends Closeable {
    /** Makes sure the writer has written one file, header only if no row came. */
    void ensureOneFile() throws IOException;

    /** Closes without publishing: the temporary file is removed. */
    void abort();

    /** The files published, in the order they were finished. */
    List<OutputFile> finishedFiles();
}
