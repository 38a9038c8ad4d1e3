package shopkb.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import shopkb.KnowledgeBase;
import shopkb.server.ServerConfig;
import shopkb.usage.ReplayEvaluation;
import shopkb.usage.UsageStore;

/**
 * {@code replay [--day YYYY-MM-DD]}: replays a logged day's searches against the current content with learning
 * off and on, and prints hit@1 of both (the answer wanted is the one the agent copied). Without a day, lists
 * the days that have labelled searches. Reads the usage log only; a running server is not disturbed.
 */
public final class ReplayCommand {

    private ReplayCommand() {
    }

    public static void run(ServerConfig config, String day, PrintStream out) throws IOException, SQLException {
        if (!Files.exists(config.usageFile())) {
            throw new IllegalArgumentException("no usage log at " + config.usageFile() + " (the server writes it while agents search)");
        }
        ZoneId zone = ZoneId.systemDefault();
        try (UsageStore store = UsageStore.open(config.usageFile())) {
            if (day == null) {
                Map<String, Long> days = ReplayEvaluation.labelledDays(store, zone);
                out.println(days.isEmpty() ? "no searches with feedback logged yet" : "days with searches agents acted on:");
                days.forEach((d, n) -> out.printf("  %s  %d searches%n", d, n));
                return;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--day must be a date such as 2026-11-23, got '" + day + "'");
            }
            try (KnowledgeBase kb = KnowledgeBase.inMemory(config.contentDir())) {
                var result = ReplayEvaluation.run(kb, store, config.usage().retentionDays(), date, zone);
                out.printf("replay of %s: %d searches where the agent copied or marked an answer helpful%n", date, result.searches());
                out.printf("hit@1 learning off  %.3f%n", result.hitAt1Off());
                out.printf("hit@1 learning on   %.3f  (%+.3f; %d searches improved, %d worsened)%n", result.hitAt1On(),
                        result.hitAt1On() - result.hitAt1Off(), result.improved(), result.worsened());
            }
        }
    }
}
