package dev.baton.agent;

import dev.baton.BatonApplication;
import dev.baton.TestStorage;
import dev.baton.knowledge.KnowledgeSearch;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * Offline agent benchmark: Baton on the embedded default with the demo store and no chat model; shopper questions
 * in English and Indonesian (prices, stock, orders, policies, unknown questions, greetings) sent through the
 * playground API, one client and then two at once; issue 15's product and policy questions in six languages; and the
 * knowledge search alone. A main class, not a test.
 *
 * <p>Each client talks in conversations of a few questions, as shoppers do (a conversation asking the same questions
 * hundreds of times is handed over for repeating itself, and then measures the handover, not the answer), and no text
 * is sent twice, so caches serve only what one turn computes more than once, never a whole earlier message.
 *
 * <pre>
 *   ./mvnw -q -Pbench test-compile exec:java -Dbench.main=dev.baton.agent.AgentBenchmark -Dexec.args="400"
 * </pre>
 */
public final class AgentBenchmark {

    private static final String API_KEY = "bench-agent-key";
    private static final List<String> QUESTIONS = List.of(
            "How much is the Ridgeline Trail Runner?", "Halo kak, berapa harga Ridgeline Trail Runner?",
            "Is the merino hiking sock in stock?", "Where is my order #1002?", "marcus.reid@example.com",
            "Can I return shoes I bought last month?", "berapa lama pengirimannya?", "Do you ship to Canada?",
            "Do you sell tickets for the Coldplay concert?", "hi", "terima kasih", "What tents do you have?");
    /** Issue 15's kinds of product and policy question, in the six languages. */
    private static final List<String> PRODUCT_QUESTIONS = List.of(
            "What's your cheapest tent?", "Do you have the Stormline rain jacket in L Black?",
            "Do you have a jacket under $100?", "How long do I have to return something?", "Can I pay with PayPal?",
            "Quanto custa o saco de dormir Cascade?", "¿Cuál es la tienda de campaña más barata?",
            "Сколько стоит палатка Meadow?", "Ile kosztuje kurtka Stormline?", "Berapa harga Insulated Steel Bottle 1 L?",
            "a waterproof jacket for hiking under 150 dollars", "Stormline or Cirrus, which is lighter?",
            "¿Qué tallas tiene la chaqueta Cirrus?", "quero uma mochila até 150 dólares", "самый лёгкий спальник",
            "poniżej 60 dolarów coś na prezent", "ada sepatu lari di bawah 150 dolar?");
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    /** A shopper's conversation: this many questions, then a new session. */
    private static final int CONVERSATION_TURNS = 5;
    private static final String[] EMOJI = {"🙂", "😊", "👍", "🙏", "😀", "✨"};
    private static final AtomicInteger SENT = new AtomicInteger();

    private AgentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        Map<String, Object> properties = new HashMap<>(TestStorage.embedded());
        properties.put("server.port", "0");
        properties.put("baton.bootstrap.api-key", API_KEY);
        properties.put("baton.bootstrap.demo-store", "true");
        properties.put("baton.agent.limits.messages-per-day", "1000000");
        properties.put("logging.level.root", "WARN");
        properties.put("spring.main.banner-mode", "off");
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext baton = new SpringApplicationBuilder(BatonApplication.class).run(arguments)) {
            RestClient api = RestClient.builder().requestFactory(new org.springframework.http.client.SimpleClientHttpRequestFactory())
                    .baseUrl("http://localhost:" + baton.getEnvironment().getProperty("local.server.port"))
                    .defaultHeader("Authorization", "Bearer " + API_KEY).build();
            awaitIndexed(api);
            UUID accountId = JdbcClient.create(baton.getBean(DataSource.class)).sql("select id from account")
                    .query(UUID.class).single();

            run(api, QUESTIONS.size(), 1, QUESTIONS); // warm-up: the intent phrases are embedded on first use
            run(api, PRODUCT_QUESTIONS.size(), 1, PRODUCT_QUESTIONS);
            Run products = run(api, turns, 1, PRODUCT_QUESTIONS);
            Run one = run(api, turns, 1, QUESTIONS);
            Instant start = Instant.now();
            Run two = run(api, turns, 2, QUESTIONS);
            double twoClientsPerSecond = turns / (Duration.between(start, Instant.now()).toMillis() / 1000.0);

            KnowledgeSearch search = baton.getBean(KnowledgeSearch.class);
            List<Long> retrieval = new ArrayList<>();
            for (int i = 0; i < turns; i++) {
                long begin = System.nanoTime();
                search.search(accountId, unique(QUESTIONS.get(i % QUESTIONS.size())), 5);
                retrieval.add((System.nanoTime() - begin) / 1_000);
            }

            System.out.printf("%nOffline agent benchmark: demo store (51 sources), %d turns, %d cores%n%n", turns,
                    Runtime.getRuntime().availableProcessors());
            System.out.println("| measure | p50 | p95 | throughput | handed over |");
            System.out.println("|---|---:|---:|---:|---:|");
            System.out.printf(Locale.ROOT, "| product and policy questions (issue 15), 1 client | %d ms | %d ms | %.1f turns/s | %d |%n",
                    percentile(products.latencies(), 50), percentile(products.latencies(), 95),
                    1000.0 / mean(products.latencies()), products.handedOver());
            System.out.printf(Locale.ROOT, "| playground turn, 1 client | %d ms | %d ms | %.1f turns/s | %d |%n",
                    percentile(one.latencies(), 50), percentile(one.latencies(), 95), 1000.0 / mean(one.latencies()),
                    one.handedOver());
            System.out.printf(Locale.ROOT, "| playground turn, 2 clients | %d ms | %d ms | %.1f turns/s | %d |%n",
                    percentile(two.latencies(), 50), percentile(two.latencies(), 95), twoClientsPerSecond, two.handedOver());
            System.out.printf(Locale.ROOT, "| knowledge search alone (in-process) | %.1f ms | %.1f ms | | |%n",
                    percentile(retrieval, 50) / 1000.0, percentile(retrieval, 95) / 1000.0);
            System.out.printf("%n| product or policy question | p50 | max |%n|---|---:|---:|%n");
            for (int q = 0; q < PRODUCT_QUESTIONS.size(); q++) {
                List<Long> own = new ArrayList<>();
                for (int i = q; i < products.latencies().size(); i += PRODUCT_QUESTIONS.size()) {
                    own.add(products.latencies().get(i));
                }
                System.out.printf(Locale.ROOT, "| %s | %d ms | %d ms |%n", PRODUCT_QUESTIONS.get(q), percentile(own, 50),
                        Collections.max(own));
            }
        }
        System.exit(0);
    }

    /** The latency of each turn in ms, in the order sent (client by client), and how many replies handed over. */
    private record Run(List<Long> latencies, int handedOver) {
    }

    /**
     * {@code turns} questions over {@code clients} parallel clients, each asking them in order in conversations of
     * {@value #CONVERSATION_TURNS} questions (a new playground session each), every text unique.
     */
    private static Run run(RestClient api, int turns, int clients, List<String> questions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger handedOver = new AtomicInteger();
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int share = turns / clients;
            int first = client;
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                String session = null;
                for (int i = 0; i < share; i++) {
                    if (i % CONVERSATION_TURNS == 0) {
                        session = (String) api.post().uri("/api/v1/playground/sessions").retrieve().body(OBJECT).get("id");
                    }
                    String text = unique(questions.get((first + i) % questions.size()));
                    long begin = System.nanoTime();
                    Map<String, Object> reply = api.post().uri("/api/v1/playground/sessions/{id}/messages", session)
                            .contentType(MediaType.APPLICATION_JSON).body(Map.of("text", text)).retrieve().body(OBJECT);
                    latencies.add((System.nanoTime() - begin) / 1_000_000);
                    if (Boolean.TRUE.equals(((Map<?, ?>) reply.get("handover")).get("triggered"))) {
                        handedOver.incrementAndGet();
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        return new Run(all, handedOver.get());
    }

    /**
     * The question with a few emoji after it that no other message of the run has: shoppers rarely send the same text
     * twice, so no cache may answer a whole message from an earlier turn (within a turn it may).
     */
    private static String unique(String question) {
        StringBuilder marks = new StringBuilder(question).append(' ');
        int n = SENT.incrementAndGet();
        do {
            marks.append(EMOJI[n % EMOJI.length]);
            n /= EMOJI.length;
        } while (n > 0);
        return marks.toString();
    }

    private static void awaitIndexed(RestClient api) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<Map<String, Object>> sources = api.get().uri("/api/v1/knowledge/sources").retrieve().body(LIST);
            return sources != null && sources.size() >= 50 && sources.stream().allMatch(s -> "INDEXED".equals(s.get("status")));
        });
    }

    private static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1)));
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(0);
    }
}
