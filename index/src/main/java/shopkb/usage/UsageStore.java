package shopkb.usage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The usage log's tables in one SQLite file in the data folder. Written by a single thread (the log's);
 * read by insight queries on their own connection (SQLite's write-ahead log lets both run at once), so a
 * slow report never holds up logging.
 */
public final class UsageStore implements AutoCloseable {

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS searches (id TEXT PRIMARY KEY, at INTEGER NOT NULL, query TEXT NOT NULL,"
                + " pattern TEXT NOT NULL, top_id TEXT, top_intent TEXT, confidence REAL NOT NULL,"
                + " confident INTEGER NOT NULL, latency_ms REAL NOT NULL, result_ids TEXT)",
        "CREATE INDEX IF NOT EXISTS searches_at ON searches (at)",
        // The results of searches logged before they were kept in the search's own row (read until retention purges them).
        "CREATE TABLE IF NOT EXISTS search_results (search_id TEXT NOT NULL, rank INTEGER NOT NULL,"
                + " entry_id TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (search_id, rank))",
        "CREATE INDEX IF NOT EXISTS search_results_at ON search_results (at)",
        "CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, search_id TEXT NOT NULL,"
                + " entry_id TEXT NOT NULL, action TEXT NOT NULL, at INTEGER NOT NULL, pattern TEXT)",
        "CREATE INDEX IF NOT EXISTS feedback_at ON feedback (at)",
    };

    private final Connection writer;
    private final Connection reader;

    private UsageStore(Connection writer, Connection reader) {
        this.writer = writer;
        this.reader = reader;
    }

    public static UsageStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            Connection writer = DriverManager.getConnection(url);
            try (Statement st = writer.createStatement()) {
                // WAL: readers never block the writer; NORMAL sync: a crash may lose the last moments of the log,
                // never corrupt it (content edits have their own, stricter durability).
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=NORMAL");
                st.execute("PRAGMA busy_timeout=5000");
                for (String ddl : SCHEMA) {
                    st.execute(ddl);
                }
                addFeedbackIds(st);
                addColumn(st, "searches", "result_ids", "TEXT");
            }
            writer.setAutoCommit(false);
            Connection reader = DriverManager.getConnection(url);
            try (Statement st = reader.createStatement()) {
                st.execute("PRAGMA busy_timeout=5000");
            }
            return new UsageStore(writer, reader);
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException("cannot open the usage log " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Feedback rows carry an id, so the same event taken in twice (from the cluster other servers send theirs to) is
     * stored once. A log written before ids existed gets the column; its old rows have none.
     */
    private static void addFeedbackIds(Statement st) throws SQLException {
        addColumn(st, "feedback", "uid", "TEXT");
        st.execute("CREATE UNIQUE INDEX IF NOT EXISTS feedback_uid ON feedback (uid)");
    }

    /** Adds a column to a table of a log written before it existed; its old rows have none. */
    private static void addColumn(Statement st, String table, String column, String type) throws SQLException {
        boolean has = false;
        try (ResultSet columns = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (columns.next()) {
                has |= column.equals(columns.getString("name"));
            }
        }
        if (!has) {
            st.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
        }
    }

    /** How a search's result ids are kept in its row: one text, ids one per line (an id has no line breaks). */
    static final String RESULT_ID_SEPARATOR = "\n";

    /** A search to store, already masked, with its pattern. */
    public record StoredSearch(String id, Instant at, String query, String pattern, List<String> resultIds, String topIntent,
                               double confidence, boolean confident, double latencyMs) {
    }

    /**
     * A feedback event to store, with the pattern of its search (null when the search is not in the log).
     *
     * @param uid the event's own id
     */
    public record StoredFeedback(String uid, String searchId, String entryId, FeedbackAction action, Instant at, String pattern) {
    }

    /**
     * Writes a batch in one transaction; what is stored already (the same ids) is left as it is.
     *
     * @return the feedback events that were new
     */
    synchronized List<StoredFeedback> write(List<StoredSearch> searches, List<StoredFeedback> feedback) throws SQLException {
        // A search's results are one column of its row, not a row each: ten rows per search, with their two indexes,
        // were most of the log's CPU (a tenth of the server's under search load).
        try (PreparedStatement s = writer.prepareStatement("INSERT OR IGNORE INTO searches (id, at, query, pattern, top_id,"
                + " top_intent, confidence, confident, latency_ms, result_ids) VALUES (?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement f = writer.prepareStatement(
                     "INSERT OR IGNORE INTO feedback (search_id, entry_id, action, at, pattern, uid) VALUES (?,?,?,?,?,?)")) {
            for (StoredSearch search : searches) {
                long at = search.at().toEpochMilli();
                s.setString(1, search.id());
                s.setLong(2, at);
                s.setString(3, search.query());
                s.setString(4, search.pattern());
                s.setString(5, search.resultIds().isEmpty() ? null : search.resultIds().getFirst());
                s.setString(6, search.topIntent());
                s.setDouble(7, search.confidence());
                s.setInt(8, search.confident() ? 1 : 0);
                s.setDouble(9, search.latencyMs());
                s.setString(10, search.resultIds().isEmpty() ? null : String.join(RESULT_ID_SEPARATOR, search.resultIds()));
                s.addBatch();
            }
            s.executeBatch();
            for (StoredFeedback event : feedback) {
                f.setString(1, event.searchId());
                f.setString(2, event.entryId());
                f.setString(3, event.action().wireName());
                f.setLong(4, event.at().toEpochMilli());
                f.setString(5, event.pattern());
                f.setString(6, event.uid());
                f.addBatch();
            }
            int[] inserted = f.executeBatch();
            writer.commit();
            var fresh = new ArrayList<StoredFeedback>();
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] != 0) {
                    fresh.add(feedback.get(i));
                }
            }
            return fresh;
        } catch (SQLException e) {
            writer.rollback();
            throw e;
        }
    }

    /** When a logged search was made, or null when it is not in the log. */
    Instant searchedAt(String searchId) throws SQLException {
        List<Row> rows = query("SELECT at FROM searches WHERE id = ?", searchId);
        return rows.isEmpty() ? null : Instant.ofEpochMilli(rows.getFirst().number(0));
    }

    /** The pattern a logged search was stored with, or null. */
    synchronized String patternOf(String searchId) throws SQLException {
        try (PreparedStatement st = writer.prepareStatement("SELECT pattern FROM searches WHERE id = ?")) {
            st.setString(1, searchId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Deletes everything logged before {@code cutoff}; returns the number of searches deleted. */
    synchronized int deleteBefore(Instant cutoff) throws SQLException {
        long at = cutoff.toEpochMilli();
        int deleted;
        try (PreparedStatement s = writer.prepareStatement("DELETE FROM searches WHERE at < ?");
             PreparedStatement r = writer.prepareStatement("DELETE FROM search_results WHERE at < ?");
             PreparedStatement f = writer.prepareStatement("DELETE FROM feedback WHERE at < ?")) {
            s.setLong(1, at);
            r.setLong(1, at);
            f.setLong(1, at);
            deleted = s.executeUpdate();
            r.executeUpdate();
            f.executeUpdate();
            writer.commit();
        }
        return deleted;
    }

    /** Votes per pattern and entry from feedback since {@code since} (learning's starting state). */
    Map<String, Map<String, Integer>> votesSince(Instant since, Instant until) throws SQLException {
        var votes = new HashMap<String, Map<String, Integer>>();
        for (Row row : query("SELECT pattern, entry_id, action FROM feedback WHERE pattern IS NOT NULL AND at >= ? AND at < ?",
                since.toEpochMilli(), until.toEpochMilli())) {
            FeedbackAction.fromWireName(row.text(2)).ifPresent(action -> votes.computeIfAbsent(row.text(0), p -> new HashMap<>())
                    .merge(row.text(1), action.vote(), Integer::sum));
        }
        return votes;
    }

    /** One result row, columns by position. */
    public record Row(List<Object> values) {
        public String text(int column) {
            Object value = values.get(column);
            return value == null ? null : value.toString();
        }

        public long number(int column) {
            Object value = values.get(column);
            return value == null ? 0 : ((Number) value).longValue();
        }

        public double decimal(int column) {
            Object value = values.get(column);
            return value == null ? 0 : ((Number) value).doubleValue();
        }
    }

    /** Runs a read-only query on the reading connection. */
    List<Row> query(String sql, Object... parameters) throws SQLException {
        synchronized (reader) {
            return queryOnReader(sql, parameters);
        }
    }

    private List<Row> queryOnReader(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement st = reader.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                var rows = new ArrayList<Row>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    var values = new ArrayList<Object>(columns);
                    for (int c = 1; c <= columns; c++) {
                        values.add(rs.getObject(c));
                    }
                    rows.add(new Row(values));
                }
                return rows;
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
            synchronized (reader) {
                reader.close();
            }
        } catch (SQLException e) {
            // closing: nothing left to save
        }
    }
}
