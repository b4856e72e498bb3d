package dev.baton.conversation;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;


/**
 * A burst of shoppers: {@code conversations} contacts each send {@code messages} questions back to back (without
 * waiting for answers) through the generic REST channel, spread over the given nodes in turn. Then it waits until
 * every message is handled and reads, from the database, whether each was answered exactly once and in order, and
 * how long the answers took (from the message stored to its reply stored). Used by the burst test and the benchmark.
 */
public final class ConversationBurst {

    /** Questions the demo store's catalog answers, each naming a product its reply names too. */
    public static final List<String> PRODUCTS = List.of("Timberline Leather Hiking Boot", "Canyon Strap Sandal",
            "Cirrus Packable Down Jacket", "Traverse 28L Daypack", "Wide-Brim Sun Hat");

    private ConversationBurst() {
    }

    public record Result(int conversations, int messages, int answeredOnce, int unanswered, int repeated,
            int outOfOrder, int wrongAnswer, double seconds, double throughput, long p50Millis, long p95Millis,
            long maxMillis) {

        public boolean exactlyOnceInOrder() {
            return answeredOnce == messages && unanswered == 0 && repeated == 0 && outOfOrder == 0 && wrongAnswer == 0;
        }
    }

    public static String question(int index) {
        return "How much is the " + PRODUCTS.get(index % PRODUCTS.size()) + "?";
    }

    /** Sends the burst; answers the conversation ids, in the order of the contacts. */
    public static List<String> send(List<ConversationApi> nodes, String channel, String run, int conversations,
            int messages, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> sent = new ArrayList<>();
            for (int c = 0; c < conversations; c++) {
                int contact = c;
                sent.add(pool.submit(() -> {
                    String conversation = null;
                    for (int m = 0; m < messages; m++) {
                        ConversationApi node = nodes.get((contact + m) % nodes.size());
                        conversation = node.send(channel, run + "-" + contact + "-" + m, run + "-contact-" + contact,
                                question(m));
                    }
                    return conversation;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> future : sent) {
                ids.add(future.get(5, TimeUnit.MINUTES));
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until no message of these conversations is pending, then checks and measures them. */
    public static Result await(JdbcClient jdbc, List<String> conversationIds, int messages, Duration atMost) {
        List<UUID> ids = conversationIds.stream().distinct().map(UUID::fromString).toList();
        org.awaitility.Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> jdbc.sql("""
                select count(*) from conversation_message
                where conversation_id in (:ids) and role = 'SHOPPER' and status = 'PENDING'""")
                .param("ids", ids).query(Long.class).single() == 0);
        record Row(UUID conversation, UUID id, long seq, String role, String text, UUID inReplyTo, OffsetDateTime at) {
        }
        List<Row> rows = jdbc.sql("""
                select conversation_id, id, seq, role, text, in_reply_to, created_at from conversation_message
                where conversation_id in (:ids) and role in ('SHOPPER', 'AGENT') order by seq""")
                .param("ids", ids)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class),
                        rs.getObject(7, OffsetDateTime.class)))
                .list();
        int answeredOnce = 0;
        int unanswered = 0;
        int repeated = 0;
        int outOfOrder = 0;
        int wrongAnswer = 0;
        List<Long> latencies = new ArrayList<>();
        OffsetDateTime first = null;
        OffsetDateTime last = null;
        Map<UUID, List<Row>> byConversation = rows.stream().collect(Collectors.groupingBy(Row::conversation));
        for (List<Row> transcript : byConversation.values()) {
            List<Row> questions = transcript.stream().filter(r -> r.role().equals("SHOPPER")).toList();
            List<Row> replies = transcript.stream().filter(r -> r.role().equals("AGENT")).toList();
            List<UUID> answered = replies.stream().map(Row::inReplyTo).toList();
            // In order: the replies, in the order they were written, answer the questions in the order they came.
            List<UUID> asked = questions.stream().map(Row::id).filter(answered::contains).toList();
            if (!answered.stream().distinct().toList().equals(asked)) {
                outOfOrder++;
            }
            for (int q = 0; q < questions.size(); q++) {
                Row question = questions.get(q);
                List<Row> answers = replies.stream().filter(r -> question.id().equals(r.inReplyTo())).toList();
                if (answers.isEmpty()) {
                    unanswered++;
                    continue;
                }
                if (answers.size() > 1) {
                    repeated++;
                    continue;
                }
                answeredOnce++;
                Row answer = answers.get(0);
                String product = PRODUCTS.stream().filter(question.text()::contains).findFirst().orElse("?");
                if (!answer.text().contains(product)) {
                    wrongAnswer++;
                }
                latencies.add(Duration.between(question.at(), answer.at()).toMillis());
                first = first == null || question.at().isBefore(first) ? question.at() : first;
                last = last == null || answer.at().isAfter(last) ? answer.at() : last;
            }
        }
        Collections.sort(latencies);
        double seconds = first == null ? 0 : Duration.between(first, last).toMillis() / 1000.0;
        return new Result(ids.size(), ids.size() * messages, answeredOnce, unanswered, repeated, outOfOrder, wrongAnswer,
                seconds, seconds == 0 ? 0 : answeredOnce / seconds, percentile(latencies, 50), percentile(latencies, 95),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
