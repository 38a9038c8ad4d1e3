package shopkb.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import shopkb.content.EntryType;
import shopkb.search.SearchRequest;
import shopkb.search.SearchResponse;
import shopkb.server.KbApplication;
import shopkb.server.auth.Role;
import shopkb.shops.Shop;

/**
 * {@code GET /api/search?q=TEXT&limit=N&type=T&scenario=S&product=CODE}, or the same fields as a JSON body to
 * {@code POST /api/search} (for long pastes): validates, searches, returns JSON.
 */
public final class SearchHandler {

    /** Longest accepted message: a whole pasted chat turn fits, a 50 KB paste is refused with a clear error. */
    public static final int MAX_QUERY_CHARS = 5000;
    public static final int DEFAULT_LIMIT = 10;
    /** Own phrasings shown with a search: the agent's best few, beside the team's. */
    static final int MAX_OWN_PHRASINGS = 3;
    private static final Pattern PRODUCT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{1,31}");

    /** The API's JSON, leaving the response stream open for Javalin to finish. */
    private static final ObjectWriter JSON = KbApplication.apiMapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final WorkLimiter limiter;

    public SearchHandler(WorkLimiter limiter) {
        this.limiter = limiter;
    }

    /** The search parameters as sent, all text, validated in one place for GET and POST. */
    public record Params(String q, String limit, String type, String scenario, String product) {
    }

    public void get(Context ctx, ShopCall call) throws IOException {
        SearchRequest request = validate(new Params(ctx.queryParam("q"), ctx.queryParam("limit"), ctx.queryParam("type"),
                ctx.queryParam("scenario"), ctx.queryParam("product")));
        send(ctx, withOwnPhrasings(call, request, searchAndLog(call.shop(), request, !CrossOriginGuard.fromAnotherSite(ctx))));
    }

    public void post(Context ctx, ShopCall call) throws IOException {
        SearchRequest request = validate(JsonBodies.read(ctx, Params.class));
        send(ctx, withOwnPhrasings(call, request, searchAndLog(call.shop(), request, true)));
    }

    /**
     * Writes the response's JSON straight into the response stream (compressed there when the client asks for it):
     * {@code ctx.json} made a String of it, then bytes, then copied those (Javalin's share of the CPU under search load
     * went from 2.7% to 1.0%).
     */
    private static void send(Context ctx, SearchResponse response) throws IOException {
        ctx.contentType(ContentType.APPLICATION_JSON);
        JSON.writeValue(ctx.outputStream(), response);
    }

    /**
     * An agent's search also brings their own phrasings for the message (never logged: they are nobody else's to
     * see, editors' insight included).
     */
    private static SearchResponse withOwnPhrasings(ShopCall call, SearchRequest request, SearchResponse response) {
        if (call.caller() == null || !call.caller().role().includes(Role.AGENT)) {
            return response;
        }
        Shop shop = call.shop();
        return response.withOwn(shop.kb().searchService().matchOwn(request.text(), shop.personal().of(call.by()), MAX_OWN_PHRASINGS));
    }

    /**
     * Searches with what agents' choices taught (when learning is on), and queues the search for the usage log
     * unless another site's page sent it (that would let any page fill the editors' insight tables).
     */
    private SearchResponse searchAndLog(Shop shop, SearchRequest request, boolean log) {
        SearchResponse response = limiter.run(() -> shop.kb().search(request, shop.usage().votes()));
        String queryId = log ? shop.usage().recordSearch(request.text(), response) : null;
        return queryId == null ? response : response.withQueryId(queryId);
    }

    static SearchRequest validate(Params params) {
        String q = params.q();
        if (q == null) {
            throw ApiException.badRequest("q", "the q parameter (the buyer's message) is required");
        }
        if (q.isBlank()) {
            throw ApiException.badRequest("q", "q must not be empty");
        }
        // Characters as people count them (code points): an emoji is one, not two UTF-16 units.
        int chars = q.codePointCount(0, q.length());
        if (chars > MAX_QUERY_CHARS) {
            throw ApiException.badRequest("q", "q is " + chars + " characters; at most " + MAX_QUERY_CHARS + " are accepted");
        }
        return new SearchRequest(q, limit(params.limit()), types(params.type()), scenario(params.scenario()),
                product(params.product()));
    }

    private static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= SearchRequest.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw ApiException.badRequest("limit", "limit must be a whole number from 1 to " + SearchRequest.MAX_LIMIT + ", got '" + raw + "'");
    }

    private static Set<EntryType> types(String raw) {
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        var types = EnumSet.noneOf(EntryType.class);
        for (String name : raw.split(",")) {
            types.add(EntryType.fromName(name.strip()).orElseThrow(() -> ApiException.badRequest("type",
                    "unknown type '" + name.strip() + "'; use faq, phrasing, policy or product (comma-separated)")));
        }
        return types;
    }

    private static String scenario(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > 20) {
            throw ApiException.badRequest("scenario", "scenario is at most 20 characters");
        }
        return raw.strip();
    }

    private static String product(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!PRODUCT_CODE.matcher(raw.strip()).matches()) {
            throw ApiException.badRequest("product", "product must be a product code such as 1712-102");
        }
        return raw.strip();
    }
}
