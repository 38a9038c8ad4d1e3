package shopkb.usage;

import java.time.Instant;
import java.util.List;

/**
 * Where a shop's usage log is kept beyond this server's own SQLite file: {@link #NONE} (the file is all there is), or a
 * home every server over one cluster shares, to which each server sends what it logged and from which it takes in what
 * the others logged, so insight and learning cover every server's searches and a lost server loses at most its unsent
 * last moment.
 */
public interface UsageHome {

    /** Events as stored: searches already masked, feedback with its search's pattern. */
    record Events(List<UsageStore.StoredSearch> searches, List<UsageStore.StoredFeedback> feedback) {

        public boolean isEmpty() {
            return searches.isEmpty() && feedback.isEmpty();
        }

        public int size() {
            return searches.size() + feedback.size();
        }
    }

    /** Keeps events at the home; throws when it cannot (they are sent again with the next batch). */
    void send(Events events);

    /** What other servers sent since the last call. */
    Events pull();

    /** Forgets what was logged before {@code cutoff} (the retention period). */
    void deleteBefore(Instant cutoff);

    /** No home beyond the local file. */
    UsageHome NONE = new UsageHome() {
        @Override
        public void send(Events events) {
        }

        @Override
        public Events pull() {
            return new Events(List.of(), List.of());
        }

        @Override
        public void deleteBefore(Instant cutoff) {
        }
    };
}
