package dev.baton.handover;

import dev.baton.BatonApplication;
import dev.baton.DemoStoreIndex;
import dev.baton.TestStorage;
import dev.baton.account.Team;
import dev.baton.conversation.ConversationApi;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The handover's own cost, on the embedded default (one node) and on PostgreSQL (two nodes sharing it), with the
 * offline agent and the demo store, three managers online:
 * <ul>
 *   <li>one shopper at a time asking for a person: from the stored message to the committed ticket (rules, transition
 *   text, ticket, assignment, extractive summary, lead note);</li>
 *   <li>a burst of shoppers asking at once: every conversation handed over exactly once, and how evenly round robin
 *   spread the tickets over the managers;</li>
 *   <li>{@code GET /api/v1/inbox} with that many open tickets (what the Inbox and its event stream read).</li>
 * </ul>
 * A main class, not a test; it needs the PostgreSQL of scripts/setup-postgres.sh.
 *
 * <pre>
 *   ./mvnw -q -Pbench test-compile exec:java -Dbench.main=dev.baton.handover.HandoverTransferBenchmark -Dexec.args="200"
 * </pre>
 */
public final class HandoverTransferBenchmark {

    private static final String API_KEY = "bench-handover-transfer-key";

    private HandoverTransferBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int burst = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<String> rows = new ArrayList<>();
        try (ConfigurableApplicationContext node = start(TestStorage.embedded(), true)) {
            run("embedded (H2 + Lucene), 1 node", List.of(node), burst, rows);
        }
        try (ConfigurableApplicationContext one = start(new HashMap<>(TestStorage.postgres("bench_handover", true)), true);
             ConfigurableApplicationContext two = start(new HashMap<>(TestStorage.postgres("bench_handover", false)), false)) {
            run("PostgreSQL + pgvector, 2 nodes", List.of(one, two), burst, rows);
        }
        System.out.printf("%nHandover transfer benchmark: offline agent, demo store, 3 managers online, %d cores%n%n",
                Runtime.getRuntime().availableProcessors());
        System.out.println("| storage, nodes | load | handovers | each once | message → ticket p50 | p95 | max | tickets per manager |");
        System.out.println("|---|---|---:|---|---:|---:|---:|---|");
        rows.stream().filter(r -> !r.startsWith("inbox")).forEach(System.out::println);
        System.out.println();
        System.out.println("| storage, nodes | open tickets | GET /api/v1/inbox p50 | p95 | max |");
        System.out.println("|---|---:|---:|---:|---:|");
        rows.stream().filter(r -> r.startsWith("inbox")).map(r -> r.substring("inbox".length())).forEach(System.out::println);
        System.exit(0);
    }

    private static void run(String setup, List<ConfigurableApplicationContext> nodes, int burst, List<String> rows)
            throws Exception {
        List<ConversationApi> apis = nodes.stream().map(HandoverTransferBenchmark::api).toList();
        JdbcClient jdbc = JdbcClient.create(nodes.get(0).getBean(DataSource.class));
        DemoStoreIndex.await(apis.get(0).client());
        List<UUID> managers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<?, ?> created = apis.get(0).client().post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("username", "bench-manager-" + i + "-" + UUID.randomUUID(), "password", "bench-password",
                            "role", "MANAGER"))
                    .retrieve().body(Map.class);
            managers.add(UUID.fromString((String) created.get("id")));
        }
        Team team = nodes.get(0).getBean(Team.class);

        // Warm up: a few handovers the measurements do not count.
        keepOnline(team, managers);
        measure(apis, jdbc, "warm", 5, false);

        keepOnline(team, managers);
        Measured idle = measure(apis, jdbc, "idle", 40, false);
        rows.add(row(setup, "one shopper at a time", idle, managers));
        keepOnline(team, managers);
        Measured loaded = measure(apis, jdbc, "burst", burst, true);
        rows.add(row(setup, "burst: " + burst + " shoppers at once", loaded, managers));

        long open = jdbc.sql("select count(*) from handover_ticket where status = 'OPEN'").query(Long.class).single();
        List<Long> inbox = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long started = System.nanoTime();
            apis.get(i % apis.size()).client().get().uri("/api/v1/inbox").retrieve().body(String.class);
            if (i >= 10) {
                inbox.add((System.nanoTime() - started) / 1_000_000);
            }
        }
        Collections.sort(inbox);
        rows.add(String.format(Locale.ROOT, "inbox| %s | %d | %d ms | %d ms | %d ms |", setup, open,
                percentile(inbox, 50), percentile(inbox, 95), inbox.get(inbox.size() - 1)));
    }

    /** Presence lasts two minutes; the benchmark keeps its managers seen. */
    private static void keepOnline(Team team, List<UUID> managers) {
        managers.forEach(team::seen);
    }

    record Measured(int handovers, boolean eachOnce, List<Long> millis, Map<UUID, Long> perManager) {
    }

    private static Measured measure(List<ConversationApi> apis, JdbcClient jdbc, String run, int shoppers,
            boolean atOnce) throws Exception {
        List<String> conversations = new ArrayList<>();
        if (atOnce) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<String>> sent = new ArrayList<>();
            for (int i = 0; i < shoppers; i++) {
                int index = i;
                sent.add(pool.submit(() -> ask(apis.get(index % apis.size()), run, index)));
            }
            for (Future<String> future : sent) {
                conversations.add(future.get());
            }
            pool.shutdown();
            await(jdbc, conversations, Duration.ofMinutes(10));
        } else {
            for (int i = 0; i < shoppers; i++) {
                String conversation = ask(apis.get(i % apis.size()), run, i);
                await(jdbc, List.of(conversation), Duration.ofMinutes(1));
                conversations.add(conversation);
            }
        }
        List<Long> millis = new ArrayList<>();
        Map<UUID, Long> perManager = new HashMap<>();
        boolean eachOnce = true;
        for (String conversation : conversations) {
            UUID id = UUID.fromString(conversation);
            List<Map<String, Object>> tickets = jdbc.sql("""
                    select t.assignee_id, t.created_at, m.created_at as asked_at from handover_ticket t
                    join conversation_message m on m.conversation_id = t.conversation_id and m.role = 'SHOPPER'
                    where t.conversation_id = :c""").param("c", id).query().listOfRows();
            long agentReplies = jdbc.sql("select count(*) from conversation_message where conversation_id = :c and role = 'AGENT'")
                    .param("c", id).query(Long.class).single();
            eachOnce &= tickets.size() == 1 && agentReplies == 1;
            if (!tickets.isEmpty()) {
                Instant asked = instant(tickets.get(0).get("asked_at"));
                Instant opened = instant(tickets.get(0).get("created_at"));
                millis.add(Duration.between(asked, opened).toMillis());
                Object assignee = tickets.get(0).get("assignee_id");
                perManager.merge(assignee == null ? new UUID(0, 0) : (UUID) assignee, 1L, Long::sum);
            }
        }
        Collections.sort(millis);
        return new Measured(conversations.size(), eachOnce, millis, perManager);
    }

    private static String ask(ConversationApi api, String run, int index) {
        String contact = run + "-" + index + "-" + UUID.randomUUID();
        return api.send("demo", contact + "-1", contact, "I want to talk to a human please");
    }

    private static void await(JdbcClient jdbc, List<String> conversations, Duration atMost) {
        List<UUID> ids = conversations.stream().map(UUID::fromString).toList();
        org.awaitility.Awaitility.await("every conversation handed over").atMost(atMost)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("select count(*) from handover_ticket where conversation_id in (:ids)")
                        .param("ids", ids).query(Long.class).single() >= ids.size());
    }

    private static String row(String setup, String load, Measured measured, List<UUID> managers) {
        List<Long> counts = managers.stream().map(m -> measured.perManager().getOrDefault(m, 0L)).toList();
        long unassigned = measured.perManager().getOrDefault(new UUID(0, 0), 0L);
        return String.format(Locale.ROOT, "| %s | %s | %d | %s | %d ms | %d ms | %d ms | %s%s |", setup, load,
                measured.handovers(), measured.eachOnce() ? "yes" : "NO", percentile(measured.millis(), 50),
                percentile(measured.millis(), 95), measured.millis().get(measured.millis().size() - 1),
                counts.stream().map(String::valueOf).reduce((a, b) -> a + " / " + b).orElse(""),
                unassigned == 0 ? "" : " (" + unassigned + " unassigned)");
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalArgumentException("Not a time: " + value);
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static ConfigurableApplicationContext start(Map<String, Object> storage, boolean demoStore) {
        Map<String, Object> properties = new HashMap<>(storage);
        properties.put("server.port", "0");
        properties.put("baton.bootstrap.api-key", API_KEY);
        properties.put("baton.bootstrap.demo-store", String.valueOf(demoStore));
        properties.put("baton.agent.limits.messages-per-day", "1000000");
        properties.put("logging.level.root", "WARN");
        properties.put("spring.main.banner-mode", "off");
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(BatonApplication.class).run(arguments);
    }

    private static ConversationApi api(ConfigurableApplicationContext node) {
        return new ConversationApi(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")), API_KEY);
    }
}
