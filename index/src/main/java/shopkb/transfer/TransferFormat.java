package shopkb.transfer;

import java.util.Arrays;
import java.util.Optional;

/** File formats for import and export. Spreadsheets (CSV, .xlsx) carry FAQ entries; JSON Lines carries every type. */
public enum TransferFormat {
    JSONL("application/x-ndjson", "jsonl"),
    CSV("text/csv; charset=utf-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    TransferFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<TransferFormat> fromName(String name) {
        return Arrays.stream(values()).filter(f -> f.extension.equalsIgnoreCase(name)).findFirst();
    }
}
