package dev.baton.conversation;

import dev.baton.BatonApplication;
import dev.baton.DemoStoreIndex;
import dev.baton.TestStorage;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Conversation benchmark on the offline agent with the demo store: a burst of shoppers through the generic REST
 * channel ({@code conversations} x {@code messages}, each shopper's messages back to back), on the embedded
 * default (one node) and on PostgreSQL (two nodes sharing it); and single messages on an idle node (the latency a
 * shopper sees when nobody else writes). A main class, not a test; it needs the PostgreSQL of
 * scripts/setup-postgres.sh.
 *
 * <pre>
 *   ./mvnw -q -Pbench test-compile exec:java -Dbench.main=dev.baton.conversation.ConversationBurstBenchmark -Dexec.args="200 5"
 * </pre>
 */
public final class ConversationBurstBenchmark {

    private static final String API_KEY = "bench-conversation-key";

    private ConversationBurstBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> rows = new ArrayList<>();

        try (ConfigurableApplicationContext node = start(TestStorage.embedded(), true)) {
            List<ConversationApi> nodes = List.of(api(node));
            JdbcClient jdbc = JdbcClient.create(node.getBean(DataSource.class));
            DemoStoreIndex.await(nodes.get(0).client());
            ConversationBurst.await(jdbc, ConversationBurst.send(nodes, "demo", "warm", 5, 1, 5), 1, Duration.ofMinutes(2));
            rows.add(idle("embedded (H2 + Lucene), 1 node", nodes, jdbc));
            rows.add(burst("embedded (H2 + Lucene), 1 node", nodes, jdbc, conversations, messages));
        }
        Map<String, Object> first = new HashMap<>(TestStorage.postgres("bench_conversations", true));
        try (ConfigurableApplicationContext one = start(first, true);
             ConfigurableApplicationContext two = start(new HashMap<>(TestStorage.postgres("bench_conversations", false)), false)) {
            List<ConversationApi> nodes = List.of(api(one), api(two));
            JdbcClient jdbc = JdbcClient.create(one.getBean(DataSource.class));
            DemoStoreIndex.await(nodes.get(0).client());
            ConversationBurst.await(jdbc, ConversationBurst.send(nodes, "demo", "warm", 10, 1, 5), 1, Duration.ofMinutes(2));
            rows.add(idle("PostgreSQL + pgvector, 2 nodes", nodes, jdbc));
            rows.add(burst("PostgreSQL + pgvector, 2 nodes", nodes, jdbc, conversations, messages));
        }

        System.out.printf("%nConversation benchmark: offline agent, demo store, %d cores%n%n",
                Runtime.getRuntime().availableProcessors());
        System.out.println("| storage, nodes | load | messages | exactly once, in order | throughput | p50 | p95 | max |");
        System.out.println("|---|---|---:|---|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    /** 40 shoppers one after another, each waiting for the answer: the latency without a queue. */
    private static String idle(String setup, List<ConversationApi> nodes, JdbcClient jdbc) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<String> one = ConversationBurst.send(List.of(nodes.get(i % nodes.size())), "demo", "idle-" + i, 1, 1, 1);
            ConversationBurst.await(jdbc, one, 1, Duration.ofMinutes(1));
            ids.addAll(one);
        }
        return row(setup, "one shopper at a time", ConversationBurst.await(jdbc, ids, 1, Duration.ofMinutes(1)), false);
    }

    private static String burst(String setup, List<ConversationApi> nodes, JdbcClient jdbc, int conversations,
            int messages) throws Exception {
        List<String> ids = ConversationBurst.send(nodes, "demo", "burst", conversations, messages, 16);
        ConversationBurst.Result result = ConversationBurst.await(jdbc, ids, messages, Duration.ofMinutes(30));
        return row(setup, "burst: " + conversations + " conversations x " + messages + " messages", result, true);
    }

    /** {@code throughput}: false when the client paced the messages, so the rate says nothing about Baton. */
    private static String row(String setup, String load, ConversationBurst.Result result, boolean throughput) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %d ms | %d ms | %d ms |", setup, load,
                result.messages(), result.exactlyOnceInOrder() ? "yes" : "NO: " + result,
                throughput ? String.format(Locale.ROOT, "%.1f msg/s", result.throughput()) : "(paced by the client)",
                result.p50Millis(), result.p95Millis(), result.maxMillis());
    }

    private static ConfigurableApplicationContext start(Map<String, Object> storage, boolean demoStore) {
        Map<String, Object> properties = new HashMap<>(storage);
        properties.put("server.port", "0");
        properties.put("baton.bootstrap.api-key", API_KEY);
        properties.put("baton.bootstrap.demo-store", String.valueOf(demoStore));
        properties.put("baton.agent.limits.messages-per-day", "1000000");
        properties.put("logging.level.root", "WARN");
        properties.put("spring.main.banner-mode", "off");
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(BatonApplication.class).run(arguments);
    }

    private static ConversationApi api(ConfigurableApplicationContext node) {
        return new ConversationApi(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")), API_KEY);
    }
}
