package shopkb.server;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A request body must arrive whole within a fixed time. An idle timeout alone does not stop a client that
 * sends one byte every half second; this fails the next read after the deadline, and the handler reading the
 * body answers 408. A client that stalls completely is ended by the idle timeout instead.
 */
final class BodyDeadline extends Handler.Wrapper {

    private final long limitNanos;

    BodyDeadline(long seconds) {
        this.limitNanos = TimeUnit.SECONDS.toNanos(seconds);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long deadline = System.nanoTime() + limitNanos;
        return super.handle(new Request.Wrapper(request) {
            @Override
            public Content.Chunk read() {
                if (System.nanoTime() - deadline > 0) {
                    return Content.Chunk.from(new TimeoutException("the request body did not arrive in time"), true);
                }
                return super.read();
            }
        }, response, callback);
    }
}
