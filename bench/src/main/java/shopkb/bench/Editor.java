package shopkb.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import shopkb.bench.Timeline.EditOutcome;

/**
 * An editor at work during a fault run, five edits a second until stopped: every third edit creates a new FAQ entry, the
 * others rewrite the answer of an entry (read for its ETag, written back with If-Match; the read and the write go to the
 * same server). Each edit goes to the next server in turn, and to the next when that one cannot be reached: a read
 * after any failure, a write only when it was never sent (refused connection). What a server acknowledged (2xx) goes
 * into the {@link EditLedger}; a write sent whose answer never came goes there as of unknown outcome.
 */
final class Editor implements Runnable {

    /** An FAQ of the content at the start: updated, and lending its intent and scenario to new entries. */
    record Faq(String id, String intent, String scenario) {
    }

    static final int EDITS_PER_SECOND = 5;
    private static final long PERIOD_NANOS = 1_000_000_000L / EDITS_PER_SECOND;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Balancer balancer;
    private final Map<URI, String> tokens;
    private final List<Faq> faqs;
    private final EditLedger ledger;
    private final Timeline timeline;
    private final List<String> created = new ArrayList<>();
    private final Random random = new Random(17);
    private volatile boolean stopped;
    private volatile URI writingTo;

    /** @param tokens an editor's (or admin's) token for each server */
    Editor(Balancer balancer, Map<URI, String> tokens, List<Faq> faqs, EditLedger ledger, Timeline timeline) {
        this.balancer = balancer;
        this.tokens = Map.copyOf(tokens);
        this.faqs = List.copyOf(faqs);
        this.ledger = ledger;
        this.timeline = timeline;
    }

    @Override
    public void run() {
        long next = System.nanoTime();
        for (int n = 0; !stopped; n++) {
            String text = "亲,这是故障演练第" + n + "次编辑写下的答案。";
            try {
                if (n % 3 == 0) {
                    create("faq.faults.e" + n, text);
                } else {
                    update(pick(), text);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            next += PERIOD_NANOS;
            LockSupport.parkNanos(next - System.nanoTime()); // the editor's pace, not a wait for a result
        }
    }

    /** Ends the loop after the edit under way. */
    void stop() {
        stopped = true;
    }

    private String pick() {
        int choices = faqs.size() + created.size();
        int choice = random.nextInt(choices);
        return choice < faqs.size() ? faqs.get(choice).id() : created.get(choice - faqs.size());
    }

    private void create(String id, String text) throws InterruptedException {
        Faq like = faqs.get(random.nextInt(faqs.size()));
        ObjectNode body = JSON.createObjectNode().put("type", "faq").put("id", id).put("intent", like.intent())
                .put("scenario", like.scenario()).put("question", "故障演练新建的问题" + id.substring(id.lastIndexOf('.') + 1))
                .put("answer", text);
        for (URI server : balancer.nextOrder()) {
            HttpRequest request = writeRequest(server, "/api/entries").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build();
            if (sent(server, request, id, text)) {
                return;
            }
        }
        timeline.edit(System.nanoTime(), EditOutcome.FAILED, "no server reachable");
    }

    private void update(String id, String text) throws InterruptedException {
        for (URI server : balancer.nextOrder()) {
            HttpResponse<String> read;
            try {
                read = balancer.http().send(HttpRequest.newBuilder(server.resolve("/api/entries/" + id))
                        .timeout(Balancer.REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                continue; // a read: the next server
            }
            if (read.statusCode() != 200) {
                timeline.edit(System.nanoTime(), EditOutcome.FAILED, "read " + read.statusCode());
                return;
            }
            HttpRequest request;
            try {
                ObjectNode entry = (ObjectNode) JSON.readTree(read.body());
                entry.put("answer", text);
                request = writeRequest(server, "/api/entries/" + id).header("If-Match", read.headers().firstValue("ETag").orElse(""))
                        .PUT(HttpRequest.BodyPublishers.ofString(entry.toString())).build();
            } catch (IOException e) {
                timeline.edit(System.nanoTime(), EditOutcome.FAILED, "unreadable entry");
                return;
            }
            if (sent(server, request, id, text)) {
                return;
            }
        }
        timeline.edit(System.nanoTime(), EditOutcome.FAILED, "no server reachable");
    }

    /**
     * Sends a write of {@code text} to entry {@code id} and records how it ended; false only when it never left (the
     * caller tries the next server). An entry created joins those the editor rewrites.
     */
    private boolean sent(URI server, HttpRequest request, String id, String text) throws InterruptedException {
        try {
            if (answered(id, text, sendWrite(server, request)) && request.method().equals("POST")) {
                created.add(id);
            }
            return true;
        } catch (IOException e) {
            if (neverSent(e)) {
                return false;
            }
            lost(id, text, e);
            return true;
        }
    }

    /** Sends a write, known as under way to {@code server} until its answer (or failure) comes; returns the status. */
    private int sendWrite(URI server, HttpRequest request) throws IOException, InterruptedException {
        writingTo = server;
        try {
            return balancer.http().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } finally {
            writingTo = null;
        }
    }

    /** The server a write is under way to (sent, not yet answered), or null. */
    URI writingTo() {
        return writingTo;
    }

    private HttpRequest.Builder writeRequest(URI server, String path) {
        return HttpRequest.newBuilder(server.resolve(path)).timeout(Balancer.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + tokens.get(server)).header("Content-Type", "application/json");
    }

    /** Records a server's answer to a write; true when it acknowledged it. */
    private boolean answered(String id, String text, int status) {
        if (status / 100 == 2) {
            ledger.acknowledged(id, text);
            timeline.edit(System.nanoTime(), EditOutcome.ACKNOWLEDGED, "");
            return true;
        }
        timeline.edit(System.nanoTime(), status == 412 || status == 409 ? EditOutcome.REFUSED : EditOutcome.FAILED, String.valueOf(status));
        return false;
    }

    private void lost(String id, String text, IOException e) {
        ledger.unknown(id, text);
        timeline.edit(System.nanoTime(), EditOutcome.UNKNOWN, e.getClass().getSimpleName());
    }

    /** A connection that was refused or never made: the request did not leave, so another server may get it. */
    private static boolean neverSent(IOException e) {
        return e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
    }
}
