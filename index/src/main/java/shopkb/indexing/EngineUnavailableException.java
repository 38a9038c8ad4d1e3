package shopkb.indexing;

/**
 * The search engine holding a shop's units gave no complete answer within its failover window (every node unreachable,
 * or shards missing for longer than a node's failover takes). Lasting for the engine, not for the request: the caller
 * may try again shortly, so the API answers 503 rather than blaming the request or itself.
 */
public final class EngineUnavailableException extends RuntimeException {

    public EngineUnavailableException(String message) {
        super(message);
    }
}
