package shopkb.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import shopkb.transfer.ContentExporter;
import shopkb.transfer.ContentImporter;
import shopkb.transfer.ImportLimits;
import shopkb.transfer.ImportReport;
import shopkb.transfer.TransferFormat;

/**
 * {@code POST /api/import?format=jsonl|csv|xlsx&dryRun=true} with the file as the body, and
 * {@code GET /api/export?format=...}. A real import with any rejected row writes nothing and answers 422.
 */
public final class TransferHandler {

    private TransferHandler() {
    }

    public static void importFile(Context ctx, ShopCall call) throws IOException {
        TransferFormat format = format(ctx);
        String dryRun = ctx.queryParam("dryRun");
        if (dryRun != null && !dryRun.equals("true") && !dryRun.equals("false")) {
            throw ApiException.badRequest("dryRun", "dryRun is true or false");
        }
        byte[] data = body(ctx);
        if (data.length == 0) {
            throw ApiException.badRequest("body", "send the file as the request body");
        }
        ImportReport report = new ContentImporter(call.shop().kb()).run(format, data, "true".equals(dryRun), call.by());
        ctx.status(!report.dryRun() && !report.rejected().isEmpty() ? 422 : 200).json(report);
    }

    public static void export(Context ctx, ShopCall call) {
        TransferFormat format = format(ctx);
        ctx.contentType(format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"faq-content." + format.extension() + "\"")
                .result(ContentExporter.export(call.shop().kb().content().entries().values(), format));
    }

    /** The file, up to the import limit (larger than the API's 1 MB for other bodies: shops' sheets are big). */
    private static byte[] body(Context ctx) throws IOException {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] data = in.readNBytes((int) ImportLimits.MAX_FILE_BYTES + 1);
            if (data.length > ImportLimits.MAX_FILE_BYTES) {
                throw new ImportLimits.TooLargeException("the file is over " + ImportLimits.MAX_FILE_BYTES / (1024 * 1024) + " MB");
            }
            return data;
        }
    }

    private static TransferFormat format(Context ctx) {
        String name = ctx.queryParam("format");
        return TransferFormat.fromName(name == null ? "" : name).orElseThrow(() ->
                ApiException.badRequest("format", "format is jsonl, csv or xlsx"));
    }
}
