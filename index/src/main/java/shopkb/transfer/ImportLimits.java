package shopkb.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * What one import may cost. A spreadsheet is a zip file: a few hundred kilobytes can expand to a million rows
 * and keep both cores busy for minutes, so the expanded size is measured before the sheet is parsed, and rows
 * are counted as they are read. Past a limit the whole file is refused.
 */
public final class ImportLimits {

    /** Rows (or JSON lines) in one file: a whole shop's FAQ several times over. */
    public static final int MAX_ROWS = 50_000;
    /** The file itself. */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** All parts of an .xlsx file once decompressed; 20,000 rows of long answers take about a third of it. */
    public static final long MAX_EXPANDED_BYTES = 64L * 1024 * 1024;

    /**
     * Reading one file's rows. The server cannot tell that a client went away while it works (nothing is read
     * or written meanwhile), so an import that runs long is stopped whoever is waiting.
     */
    public static final Duration MAX_DURATION = Duration.ofSeconds(30);

    /** Thrown when a file is over a limit; nothing of it is imported. */
    public static final class TooLargeException extends RuntimeException {
        public TooLargeException(String message) {
            super(message);
        }
    }

    private ImportLimits() {
    }

    /** Decompresses every part of a zip file without keeping it, stopping as soon as the total passes the limit. */
    static void checkExpandedSize(byte[] zip) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var file = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
                try (InputStream in = file.getInputStream(entry)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        total += n;
                        if (total > MAX_EXPANDED_BYTES) {
                            throw new TooLargeException("the .xlsx file expands to more than "
                                    + MAX_EXPANDED_BYTES / (1024 * 1024) + " MB; split it into smaller files");
                        }
                    }
                }
            }
        }
    }

    /** Counts one more row; throws past {@link #MAX_ROWS}. */
    static void countRow(int rowsSoFar) {
        if (rowsSoFar > MAX_ROWS) {
            throw new TooLargeException("the file has more than " + MAX_ROWS + " rows; split it into smaller files");
        }
    }
}
