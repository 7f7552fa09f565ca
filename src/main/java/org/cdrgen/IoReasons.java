package org.cdrgen;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.channels.ClosedByInterruptException;

/**
 * The operating system's reason for an I/O failure, in words a user reads on one line. Java leaves the reason
 * empty for the commonest failures (and puts the path in the message instead), so the type is translated.
 */
public final class IoReasons {
    private IoReasons() {
    }

    public static String of(IOException e) {
        if (e instanceof FileSystemException fs) {
            if (fs.getReason() != null && !fs.getReason().isBlank()) {
                return fs.getReason();
            }
            if (fs instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (fs instanceof NoSuchFileException) {
                return "no such file or directory";
            }
            if (fs instanceof NotDirectoryException) {
                return "not a directory";
            }
            if (fs instanceof DirectoryNotEmptyException) {
                return "directory not empty";
            }
            if (fs instanceof FileAlreadyExistsException) {
                return "a file of that name already exists";
            }
            if (fs instanceof FileSystemLoopException) {
                return "too many levels of symbolic links";
            }
            if (fs instanceof NotLinkException) {
                return "not a symbolic link";
            }
            return "file system error";
        }
        if (e instanceof ClosedByInterruptException) {
            return "interrupted";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "I/O error" : firstLine(message);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).trim();
    }
}
