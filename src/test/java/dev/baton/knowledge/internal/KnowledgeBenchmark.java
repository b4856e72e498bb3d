package dev.baton.knowledge.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Indexing and search benchmark of the knowledge base, on both storage modes (Lucene embedded, pgvector).
 * A main class, not a test: it takes minutes and needs a PostgreSQL, so Surefire must never pick it up.
 *
 * <p>For each corpus size it generates synthetic product descriptions spread over 20 accounts, embeds them once
 * with the in-process model, loads them into each index and then measures filtered vector search, lexical search,
 * the full hybrid search and the recall@10 of the approximate (HNSW) vector search against an exact search.
 *
 * <p>Usage (once, as the PostgreSQL superuser; the benchmark wipes this database on every run):
 * <pre>
 *   su postgres -c "psql -c 'create database baton_bench owner baton'"
 *   su postgres -c "psql -d baton_bench -c 'create extension if not exists vector'"
 * </pre>
 * then
 * <pre>
 *   ./mvnw -q -Pbench test-compile exec:java
 *   ./mvnw -q -Pbench test-compile exec:java -Dexec.args="10000 --modes=lucene"
 * </pre>
 * Arguments: corpus sizes (default {@code 10000 100000}); {@code --modes=lucene,pgvector} (empty: only embed);
 * {@code --jdbc-url=...} (default {@code jdbc:postgresql://localhost:5432/baton_bench}, or the system property
 * {@code bench.jdbcUrl}); {@code --user=} / {@code --password=} (default {@code baton}/{@code baton});
 * {@code --embed-budget-minutes=15}; {@code --ef-search=400} (pgvector's HNSW candidate list, as
 * {@code baton.knowledge.ef-search}).
 *
 * <p>Embeddings are cached in {@code /tmp/baton-bench-vectors.bin}, so a re-run skips the slow part. The corpus
 * is generated so that a smaller corpus is a prefix of a larger one; one cache file serves every size.
 */
public final class KnowledgeBenchmark {

    private static final long SEED = 20_240_611L;
    private static final int ACCOUNTS = 20;
    private static final int QUERIES = 200;
    private static final int WARMUP_QUERIES = 20;
    private static final int LIMIT = 10;
    /** Sources per {@code replace(...)} call: about 1,000 chunks, one commit or transaction each. */
    private static final int SOURCES_PER_WRITE = 200;
    private static final int EMBED_BATCH = 256;
    /** Below this many freshly embedded chunks the throughput is measured on a separate sample instead. */
    private static final int EMBED_SAMPLE = 2_000;
    /** When embedding everything would blow the time budget, this many real embeddings are the base for the rest. */
    private static final int REAL_EMBEDDINGS_FLOOR = 20_000;
    private static final Path VECTOR_CACHE = Path.of(System.getProperty("java.io.tmpdir"), "baton-bench-vectors.bin");

    private KnowledgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Embedder embedder = new Embedder(new MiniLmEmbeddingModel(), "all-minilm-l6-v2-q");
        long start = System.nanoTime();
        List<Result> results = new ArrayList<>();
        for (int size : options.sizes()) {
            results.addAll(runSize(size, options, embedder));
            log("Results so far:%n%s", table(results));
        }
        log("Total runtime: %.1f min", (System.nanoTime() - start) / 60e9);
    }

    private static List<Result> runSize(int size, Options options, Embedder embedder) throws Exception {
        log("=== %,d chunks ===", size);
        Corpus corpus = Corpus.generate(size, new Random(SEED));
        Embeddings embeddings = Embeddings.of(corpus.texts(), embedder, options.embedBudgetMinutes());
        List<Query> queries = Query.generate(corpus, embedder, new Random(SEED + 1));
        List<Result> results = new ArrayList<>();
        for (String mode : options.modes()) {
            try (Store store = Store.open(mode, options, corpus)) {
                results.add(measure(store, corpus, embeddings, queries, embedder));
            }
        }
        return results;
    }

    // ---------------------------------------------------------------------------------------------------------
    // One mode at one size: load, then search

    private static Result measure(Store store, Corpus corpus, Embeddings embeddings,
            List<Query> queries, Embedder embedder) {
        double indexRate = load(store, corpus, embeddings);
        store.settle();
        HybridRetriever hybrid = new HybridRetriever(store.index(), embedder);
        // Warm-up: JIT, OS page cache and PostgreSQL buffers; these queries are not measured.
        queries.subList(0, WARMUP_QUERIES).forEach(query -> searchAll(store.index(), hybrid, query));
        Latencies vector = new Latencies();
        Latencies lexical = new Latencies();
        Latencies full = new Latencies();
        Latencies queryEmbedding = new Latencies();
        double recallSum = 0;
        for (Query query : queries.subList(WARMUP_QUERIES, queries.size())) {
            List<KnowledgeIndex.IndexHit> hits = vector.time(() -> store.index().vectorSearch(query.account(),
                    query.vector(), LIMIT));
            lexical.time(() -> store.index().lexicalSearch(query.account(), query.text(), LIMIT));
            full.time(() -> hybrid.search(query.account(), query.text(), LIMIT));
            // The share of the hybrid search that is the model, not the index.
            queryEmbedding.time(() -> embedder.embed(query.text()));
            recallSum += recall(hits, query, corpus, embeddings);
        }
        int measured = queries.size() - WARMUP_QUERIES;
        Result result = new Result(store.mode(), corpus.size(), embeddings.chunksPerSecond(), indexRate, vector, lexical,
                full, queryEmbedding, recallSum / measured, embeddings.note());
        log("%s", result.row());
        return result;
    }

    /** Writes the whole corpus through {@code replace(...)}; returns chunks per second of the store writes alone. */
    private static double load(Store store, Corpus corpus, Embeddings embeddings) {
        List<KnowledgeIndex.SourceChunks> sources = corpus.sourceChunks(embeddings.vectors());
        long start = System.nanoTime();
        for (int from = 0; from < sources.size(); from += SOURCES_PER_WRITE) {
            store.index().replace(sources.subList(from, Math.min(from + SOURCES_PER_WRITE, sources.size())));
            if ((from / SOURCES_PER_WRITE) % 20 == 19) {
                log("  %s: %,d of %,d sources written", store.mode(), Math.min(from + SOURCES_PER_WRITE, sources.size()),
                        sources.size());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log("  %s: %,d chunks written in %.1f s", store.mode(), corpus.size(), seconds);
        return corpus.size() / seconds;
    }

    private static void searchAll(KnowledgeIndex index, HybridRetriever hybrid, Query query) {
        index.vectorSearch(query.account(), query.vector(), LIMIT);
        index.lexicalSearch(query.account(), query.text(), LIMIT);
        hybrid.search(query.account(), query.text(), LIMIT);
    }

    /**
     * The share of the exact top 10 that the index returned. A hit counts when its true similarity is at least the
     * 10th exact one, so ties (two chunks with the same vector) are not counted as misses.
     */
    private static double recall(List<KnowledgeIndex.IndexHit> hits, Query query, Corpus corpus,
            Embeddings embeddings) {
        double[] exact = corpus.chunksOf(query.account()).stream()
                .mapToDouble(chunk -> cosine(query.vector(), embeddings.vectors().get(chunk)))
                .boxed().sorted(Comparator.reverseOrder()).limit(LIMIT).mapToDouble(Double::doubleValue).toArray();
        double threshold = exact[exact.length - 1] - 1e-6;
        long found = hits.stream()
                .mapToInt(hit -> corpus.chunkIndex(hit.key()))
                .filter(chunk -> cosine(query.vector(), embeddings.vectors().get(chunk)) >= threshold)
                .count();
        return (double) found / exact.length;
    }

    private static double cosine(float[] a, float[] b) {
        return dev.baton.knowledge.TextEmbeddings.cosine(a, b);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The synthetic corpus: product descriptions, one source per product, a few chunks per source

    /** One chunk of text, and where it belongs. */
    record Doc(int account, int source, int ordinal, String text) {
    }

    record Corpus(List<UUID> accounts, List<UUID> sourceIds, List<String> titles, List<Doc> docs,
            Map<String, Integer> indexByKey, Map<Integer, List<Integer>> chunksByAccount) {

        /**
         * Generates products one after the other until there are {@code size} chunks. Every random draw depends
         * only on the products before, so the corpus of 10,000 chunks is the first 10,000 chunks of 100,000.
         */
        static Corpus generate(int size, Random random) {
            List<UUID> accounts = Stream.generate(() -> randomUuid(random)).limit(ACCOUNTS).toList();
            List<UUID> sourceIds = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            List<Doc> docs = new ArrayList<>();
            while (docs.size() < size) {
                Product product = Product.random(random);
                int account = random.nextInt(ACCOUNTS);
                int source = sourceIds.size();
                sourceIds.add(randomUuid(random));
                titles.add(product.title());
                int chunks = 3 + random.nextInt(5); // 3..7, about 5 per source
                for (int ordinal = 0; ordinal < chunks && docs.size() < size; ordinal++) {
                    docs.add(new Doc(account, source, ordinal, product.paragraph(ordinal, random)));
                }
            }
            Map<String, Integer> indexByKey = new HashMap<>();
            Map<Integer, List<Integer>> chunksByAccount = new HashMap<>();
            for (int i = 0; i < docs.size(); i++) {
                Doc doc = docs.get(i);
                indexByKey.put(sourceIds.get(doc.source()) + "#" + doc.ordinal(), i);
                chunksByAccount.computeIfAbsent(doc.account(), a -> new ArrayList<>()).add(i);
            }
            return new Corpus(accounts, sourceIds, titles, docs, indexByKey, chunksByAccount);
        }

        int size() {
            return docs.size();
        }

        int sourceCount() {
            return docs.get(docs.size() - 1).source() + 1;
        }

        List<String> texts() {
            return docs.stream().map(Doc::text).toList();
        }

        List<Integer> chunksOf(UUID account) {
            return chunksByAccount.getOrDefault(accounts.indexOf(account), List.of());
        }

        int chunkIndex(String key) {
            return indexByKey.get(key);
        }

        /** The corpus as the index port wants it: chunks grouped by source, with their vectors. */
        List<KnowledgeIndex.SourceChunks> sourceChunks(List<float[]> vectors) {
            Map<Integer, List<KnowledgeIndex.Chunk>> chunks = new LinkedHashMap<>();
            for (int i = 0; i < docs.size(); i++) {
                Doc doc = docs.get(i);
                chunks.computeIfAbsent(doc.source(), s -> new ArrayList<>())
                        .add(new KnowledgeIndex.Chunk(doc.ordinal(), doc.text(), vectors.get(i)));
            }
            List<KnowledgeIndex.SourceChunks> sources = new ArrayList<>();
            chunks.forEach((source, list) -> {
                Doc first = docs.get(chunkIndex(sourceIds.get(source) + "#0"));
                sources.add(new KnowledgeIndex.SourceChunks(accounts.get(first.account()), sourceIds.get(source),
                        titles.get(source), "SHOPIFY", list));
            });
            return sources;
        }

        private static UUID randomUuid(Random random) {
            return new UUID(random.nextLong(), random.nextLong());
        }
    }

    /** The vocabulary of a made-up catalogue, varied enough that searches have to discriminate. */
    record Product(String brand, String type, String category, String material, String colour, String size,
            int price, String use, String feature) {

        static final String[] BRANDS = {"Oakridge", "Nordvik", "Lumen & Co", "Pacific Thread", "Alder", "Marlowe",
            "Solstice", "Fjell", "Cobalt Works", "Juniper Lane", "Harbor", "Kestrel", "Vantage", "Mira", "Brightloom",
            "Tallis", "Evergreen Supply", "Nomad Goods", "Cinder", "Wren"};
        static final String[][] TYPES = {
            {"t-shirt", "top"}, {"hoodie", "top"}, {"sweater", "knitwear"}, {"cardigan", "knitwear"},
            {"jacket", "outerwear"}, {"parka", "outerwear"}, {"raincoat", "outerwear"}, {"jeans", "trousers"},
            {"chinos", "trousers"}, {"shorts", "trousers"}, {"dress", "dress"}, {"skirt", "dress"},
            {"sneakers", "footwear"}, {"hiking boots", "footwear"}, {"sandals", "footwear"},
            {"backpack", "bag"}, {"tote bag", "bag"}, {"wallet", "accessory"}, {"belt", "accessory"},
            {"scarf", "accessory"}, {"beanie", "accessory"}, {"sunglasses", "accessory"}, {"watch", "accessory"},
            {"duvet cover", "bedding"}, {"pillow", "bedding"}, {"throw blanket", "home"}, {"table lamp", "home"},
            {"coffee mug", "kitchen"}, {"chef's knife", "kitchen"}, {"frying pan", "kitchen"},
            {"water bottle", "outdoor"}, {"tent", "outdoor"}, {"sleeping bag", "outdoor"}, {"yoga mat", "fitness"},
            {"dumbbell set", "fitness"}, {"desk chair", "furniture"}, {"bookshelf", "furniture"},
            {"phone case", "electronics"}, {"wireless earbuds", "electronics"}, {"laptop sleeve", "electronics"}};
        static final String[] MATERIALS = {"organic cotton", "merino wool", "linen", "recycled polyester", "denim",
            "full-grain leather", "vegan leather", "cashmere", "bamboo fibre", "nylon ripstop", "stainless steel",
            "cast iron", "ceramic", "oak wood", "walnut", "canvas", "silk", "fleece", "Gore-Tex", "aluminium"};
        static final String[] COLOURS = {"black", "white", "navy", "forest green", "burgundy", "charcoal grey",
            "sand beige", "sky blue", "mustard yellow", "terracotta", "olive", "blush pink", "ivory", "rust orange",
            "teal", "lavender", "chocolate brown", "slate", "coral", "midnight blue"};
        static final String[] SIZES = {"XS", "S", "M", "L", "XL", "XXL", "one size", "38", "40", "42", "44", "46"};
        static final String[] USES = {"everyday wear", "hiking", "the office", "travel", "running", "camping",
            "weekend trips", "gifting", "cold winters", "beach holidays", "cooking at home", "working from home"};
        static final String[] FEATURES = {"reinforced seams", "a water-repellent finish", "hidden pockets",
            "a relaxed fit", "adjustable straps", "breathable panels", "a lifetime warranty", "a magnetic closure",
            "an ergonomic handle", "anti-slip soles", "a soft brushed lining", "UV protection", "quick-dry fabric"};
        static final String[] COUNTRIES = {"Germany", "France", "Spain", "Italy", "the Netherlands", "Canada",
            "the United States", "the United Kingdom", "Sweden", "Poland"};

        static Product random(Random random) {
            String[] type = pick(TYPES, random);
            return new Product(pick(BRANDS, random), type[0], type[1], pick(MATERIALS, random), pick(COLOURS, random),
                    pick(SIZES, random), 9 + random.nextInt(390), pick(USES, random), pick(FEATURES, random));
        }

        String title() {
            return brand + " " + capitalize(material) + " " + capitalize(type) + " – " + capitalize(colour);
        }

        /** A paragraph of 300-600 characters; each ordinal talks about another aspect of the product. */
        String paragraph(int ordinal, Random random) {
            List<String> sentences = switch (ordinal % 5) {
                case 0 -> overview(random);
                case 1 -> materialAndCare(random);
                case 2 -> sizing(random);
                case 3 -> shipping(random);
                default -> reviews(random);
            };
            int target = 300 + random.nextInt(300);
            StringBuilder text = new StringBuilder();
            for (String sentence : sentences) {
                if (text.length() + sentence.length() > 600) {
                    break;
                }
                text.append(text.isEmpty() ? "" : " ").append(sentence);
                if (text.length() >= target) {
                    break;
                }
            }
            return text.toString();
        }

        private List<String> overview(Random r) {
            return shuffled(r,
                    "The " + brand + " " + type + " is a " + pick(new String[] {"timeless", "lightweight", "sturdy",
                        "minimalist", "versatile", "premium"}, r) + " " + category + " piece made from " + material + ".",
                    "It comes in " + colour + " and is designed for " + use + ".",
                    "Details include " + feature + " and " + pick(FEATURES, r) + ".",
                    "Priced at $" + price + ", it is one of our best sellers in the " + category + " collection.",
                    "Pair it with a " + pick(COLOURS, r) + " " + pick(TYPES, r)[0] + " for a complete look.",
                    "Every " + type + " is checked by hand before it leaves our workshop.",
                    "Designed in " + pick(COUNTRIES, r) + " and made in small batches to reduce waste.");
        }

        private List<String> materialAndCare(Random r) {
            return shuffled(r,
                    "The " + material + " used in this " + type + " is sourced from certified suppliers.",
                    material.contains("wool") || material.contains("cashmere") || material.equals("silk")
                            ? "Hand wash cold or dry clean only; lay flat to dry."
                            : "Machine washable at 30 degrees; do not tumble dry.",
                    "Avoid direct sunlight when drying to keep the " + colour + " colour from fading.",
                    "Over time the " + material + " softens and develops a natural character.",
                    "Store it in a cool, dry place and away from sharp objects.",
                    "Minor variations in the " + material + " are a sign of genuine craftsmanship, not a defect.",
                    "If a stain appears, blot it gently with cold water and a mild soap.");
        }

        private List<String> sizing(Random r) {
            return shuffled(r,
                    "This " + type + " fits true to size; the model wears size " + size + ".",
                    "If you are between sizes, we recommend sizing up for " + use + ".",
                    "Available sizes run from " + pick(SIZES, r) + " to " + pick(SIZES, r)
                            + ", depending on stock in " + colour + ".",
                    "It weighs about " + (100 + r.nextInt(1900)) + " grams, so it is easy to carry.",
                    "Check our size guide for exact measurements in centimetres and inches.",
                    "The fit is " + pick(new String[] {"slim", "regular", "relaxed", "oversized"}, r)
                            + " with " + feature + ".");
        }

        private List<String> shipping(Random r) {
            return shuffled(r,
                    "Orders of the " + brand + " " + type + " ship within " + (1 + r.nextInt(4)) + " business days.",
                    "We deliver to " + pick(COUNTRIES, r) + " and " + pick(COUNTRIES, r) + " with tracked shipping.",
                    "Free shipping applies to orders over $" + (50 + 25 * r.nextInt(4)) + ".",
                    "Returns are accepted within " + (14 + 16 * r.nextInt(2)) + " days if the item is unused.",
                    "Exchanges for another size or colour are free of charge.",
                    "Gift wrapping is available at checkout for $" + (3 + r.nextInt(5)) + ".",
                    "The price of $" + price + " includes VAT for customers in the EU.");
        }

        private List<String> reviews(Random r) {
            return shuffled(r,
                    "Customers rate it " + (3 + r.nextInt(3)) + "." + r.nextInt(10) + " out of 5 on average.",
                    "Reviewers love the " + material + " and say it is perfect for " + use + ".",
                    "Several buyers mention that the " + colour + " shade looks even better in person.",
                    "A few customers wished it came in " + pick(COLOURS, r) + " as well.",
                    "One reviewer wrote that the " + feature + " made a real difference on a trip to "
                            + pick(COUNTRIES, r) + ".",
                    "It is often bought together with the " + pick(BRANDS, r) + " " + pick(TYPES, r)[0] + ".");
        }

        private static List<String> shuffled(Random random, String... sentences) {
            List<String> list = new ArrayList<>(Arrays.asList(sentences));
            java.util.Collections.shuffle(list, random);
            return list;
        }

        static <T> T pick(T[] values, Random random) {
            return values[random.nextInt(values.length)];
        }

        private static String capitalize(String words) {
            return Arrays.stream(words.split(" "))
                    .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
                    .reduce((a, b) -> a + " " + b).orElse(words);
        }
    }

    /** A shopper's question, scoped to one account, with its vector computed once. */
    record Query(UUID account, String text, float[] vector) {

        static List<Query> generate(Corpus corpus, Embedder embedder, Random random) {
            List<UUID> accounts = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < QUERIES; i++) {
                accounts.add(corpus.accounts().get(random.nextInt(ACCOUNTS)));
                texts.add(text(Product.random(random), random));
            }
            List<float[]> vectors = embedder.embedAll(texts);
            List<Query> queries = new ArrayList<>();
            for (int i = 0; i < QUERIES; i++) {
                queries.add(new Query(accounts.get(i), texts.get(i), vectors.get(i)));
            }
            return queries;
        }

        private static String text(Product p, Random random) {
            return switch (random.nextInt(6)) {
                case 0 -> "Do you have a " + p.colour() + " " + p.material() + " " + p.type() + " for " + p.use() + "?";
                case 1 -> "Is the " + p.brand() + " " + p.type() + " machine washable?";
                case 2 -> p.type() + " under $" + p.price() + " in size " + p.size();
                case 3 -> "How long does shipping to " + Product.pick(Product.COUNTRIES, random) + " take for a "
                        + p.type() + "?";
                case 4 -> "I need something with " + p.feature() + " for " + p.use() + ", maybe a " + p.type();
                default -> "What do customers say about the " + p.material() + " " + p.type() + "?";
            };
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Embeddings: computed once per size, cached on disk across runs

    /**
     * The corpus vectors. Real embeddings come from the model (or the cache); when embedding everything would take
     * longer than the budget, only the first {@value #REAL_EMBEDDINGS_FLOOR} (at least) are real and the rest are
     * copies of them with a little deterministic noise, which keeps the vector distribution realistic.
     */
    record Embeddings(List<float[]> vectors, double chunksPerSecond, String note) {

        static Embeddings of(List<String> texts, Embedder embedder, double budgetMinutes) throws IOException {
            List<float[]> real = new ArrayList<>(VectorCache.load(texts));
            int cached = real.size();
            log("  %,d of %,d vectors from the cache %s", cached, texts.size(), VECTOR_CACHE);
            long start = System.nanoTime();
            while (real.size() < texts.size() && !overBudget(real.size() - cached, start, texts.size() - real.size(),
                    budgetMinutes, real.size())) {
                int to = Math.min(real.size() + EMBED_BATCH, texts.size());
                real.addAll(embedder.embedAll(texts.subList(real.size(), to)));
                if (real.size() % (EMBED_BATCH * 20) < EMBED_BATCH) {
                    log("  embedded %,d of %,d (%.0f chunks/s)", real.size(), texts.size(),
                            (real.size() - cached) / seconds(start));
                }
            }
            int fresh = real.size() - cached;
            if (fresh > 0) {
                VectorCache.save(texts, real);
            }
            double rate = fresh >= EMBED_SAMPLE ? fresh / seconds(start) : sampleRate(texts, embedder);
            log("  embedding: %.0f chunks/s", rate);
            if (real.size() == texts.size()) {
                return new Embeddings(real, rate, "all vectors embedded");
            }
            return new Embeddings(withNoisyCopies(real, texts.size()), rate,
                    String.format(Locale.ROOT, "%,d real embeddings, the rest noisy copies", real.size()));
        }

        /** Stops embedding once enough are real and the rest would not fit in the budget at the current pace. */
        private static boolean overBudget(int fresh, long start, int remaining, double budgetMinutes, int real) {
            if (real < REAL_EMBEDDINGS_FLOOR || fresh < EMBED_SAMPLE) {
                return false;
            }
            double elapsed = seconds(start);
            double projected = elapsed + remaining / (fresh / elapsed);
            return projected > budgetMinutes * 60;
        }

        private static double sampleRate(List<String> texts, Embedder embedder) {
            List<String> sample = texts.subList(0, Math.min(EMBED_SAMPLE, texts.size()));
            long start = System.nanoTime();
            for (int from = 0; from < sample.size(); from += EMBED_BATCH) {
                embedder.embedAll(sample.subList(from, Math.min(from + EMBED_BATCH, sample.size())));
            }
            return sample.size() / seconds(start);
        }

        /** Vector i (beyond the real ones) is real vector i mod real, plus Gaussian noise, normalized again. */
        private static List<float[]> withNoisyCopies(List<float[]> real, int size) {
            Random random = new Random(SEED + 2);
            List<float[]> all = new ArrayList<>(real);
            for (int i = real.size(); i < size; i++) {
                float[] base = real.get(i % real.size());
                float[] copy = new float[base.length];
                // A noise of norm ~0.3 keeps a cosine of ~0.95 to the original: a close variant, not a duplicate.
                double sigma = 0.3 / Math.sqrt(base.length);
                for (int d = 0; d < base.length; d++) {
                    copy[d] = (float) (base[d] + sigma * random.nextGaussian());
                }
                all.add(normalize(copy));
            }
            return all;
        }

        private static float[] normalize(float[] vector) {
            double norm = 0;
            for (float v : vector) {
                norm += v * v;
            }
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
            return vector;
        }
    }

    /**
     * One file of {@code [text hash, 384 floats]} records for the first chunks of the corpus. Loading stops at the
     * first record whose hash does not match its text, so a changed generator silently re-embeds what changed.
     */
    static final class VectorCache {

        private VectorCache() {
        }

        static List<float[]> load(List<String> texts) throws IOException {
            List<float[]> vectors = new ArrayList<>();
            if (!Files.exists(VECTOR_CACHE)) {
                return vectors;
            }
            try (InputStream file = Files.newInputStream(VECTOR_CACHE);
                    DataInputStream in = new DataInputStream(new BufferedInputStream(file, 1 << 20))) {
                int dimensions = in.readInt();
                while (vectors.size() < texts.size()) {
                    int hash = in.readInt();
                    if (hash != texts.get(vectors.size()).hashCode()) {
                        break;
                    }
                    float[] vector = new float[dimensions];
                    for (int d = 0; d < dimensions; d++) {
                        vector[d] = in.readFloat();
                    }
                    vectors.add(vector);
                }
            } catch (EOFException endOfCache) {
                // fewer vectors cached than needed: the rest gets embedded
            }
            return vectors;
        }

        /** Replaces the file with these vectors (written to a temporary file first, so a kill never corrupts it). */
        static void save(List<String> texts, List<float[]> vectors) throws IOException {
            Path temp = Files.createTempFile(VECTOR_CACHE.getParent(), "baton-bench-vectors", ".tmp");
            try (OutputStream file = Files.newOutputStream(temp);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file, 1 << 20))) {
                out.writeInt(vectors.get(0).length);
                for (int i = 0; i < vectors.size(); i++) {
                    out.writeInt(texts.get(i).hashCode());
                    for (float v : vectors.get(i)) {
                        out.writeFloat(v);
                    }
                }
            }
            Files.move(temp, VECTOR_CACHE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The two stores

    /** An empty index of one mode, with whatever it needs closed afterwards. */
    interface Store extends AutoCloseable {

        String mode();

        KnowledgeIndex index();

        /** Lets background work started by the load finish, so it does not slow the measured searches. */
        default void settle() {
        }

        static Store open(String mode, Options options, Corpus corpus) throws IOException {
            return switch (mode) {
                case "lucene" -> LuceneStore.open();
                case "pgvector" -> PgvectorStore.open(options, corpus);
                default -> throw new IllegalArgumentException("Unknown mode " + mode + " (lucene or pgvector)");
            };
        }
    }

    record LuceneStore(Path directory, LuceneKnowledgeIndex index) implements Store {

        static LuceneStore open() throws IOException {
            Path directory = Files.createTempDirectory("baton-bench-lucene");
            return new LuceneStore(directory, new LuceneKnowledgeIndex(directory));
        }

        @Override
        public String mode() {
            return "lucene";
        }

        /**
         * Segment merges (which also merge the HNSW graphs) run on background threads after the last commit. Wait for
         * them and commit once more, so the searches run on the merged index and do not compete with a merge for CPU.
         */
        @Override
        public void settle() {
            long start = System.nanoTime();
            while (Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(thread -> thread.getName().startsWith("Lucene Merge Thread"))) {
                sleep(200);
            }
            index.replace(List.of()); // commits and refreshes the searcher
            log("  lucene: merges finished %.1f s after the load; %d segments", seconds(start), segments());
        }

        private int segments() {
            try (var reader = DirectoryReader.open(FSDirectory.open(directory))) {
                return reader.leaves().size();
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public void close() throws IOException {
            index.close();
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    record PgvectorStore(HikariDataSource dataSource, PgvectorKnowledgeIndex index, int efSearch) implements Store {

        /** A fresh schema (Flyway clean + migrate) with the accounts and sources the chunks refer to. */
        static PgvectorStore open(Options options, Corpus corpus) {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(options.jdbcUrl());
            dataSource.setUsername(options.user());
            dataSource.setPassword(options.password());
            // A pool, not a connection per call: the latencies must not include PostgreSQL's connection setup.
            dataSource.setMaximumPoolSize(4);
            var flyway = Flyway.configure().dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                    .cleanDisabled(false)
                    .load();
            flyway.clean();
            flyway.migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            insertOwners(jdbc, corpus);
            var transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            return new PgvectorStore(dataSource, new PgvectorKnowledgeIndex(jdbc, transaction, options.efSearch()),
                    options.efSearch());
        }

        /** knowledge_chunk references knowledge_source, which references account: rows the benchmark does not time. */
        private static void insertOwners(JdbcTemplate jdbc, Corpus corpus) {
            jdbc.batchUpdate("insert into account (id, name, created_at) values (?, ?, now())",
                    corpus.accounts().stream().map(id -> new Object[] {id, "Bench " + id}).toList());
            UUID[] owners = new UUID[corpus.sourceCount()];
            corpus.docs().forEach(doc -> owners[doc.source()] = corpus.accounts().get(doc.account()));
            List<Object[]> sources = new ArrayList<>();
            for (int source = 0; source < owners.length; source++) {
                sources.add(new Object[] {corpus.sourceIds().get(source), owners[source], corpus.titles().get(source)});
            }
            jdbc.batchUpdate("""
                    insert into knowledge_source (id, account_id, origin, title, body, content_hash, status, locked,
                                                  created_at, updated_at)
                    values (?, ?, 'SHOPIFY', ?, '', 'bench', 'INDEXED', true, now(), now())""", sources);
        }

        @Override
        public String mode() {
            return efSearch == 400 ? "pgvector" : "pgvector (ef_search " + efSearch + ")";
        }

        /** Fresh planner statistics, as autovacuum would gather soon after a bulk load in production. */
        @Override
        public void settle() {
            new JdbcTemplate(dataSource).execute("analyze knowledge_chunk");
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Measurements and output

    /** Wall-clock latencies of one kind of search, in milliseconds. */
    static final class Latencies {

        private final List<Double> millis = new ArrayList<>();

        <T> T time(Supplier<T> search) {
            long start = System.nanoTime();
            T result = search.get();
            millis.add((System.nanoTime() - start) / 1e6);
            return result;
        }

        /** Nearest-rank percentile. */
        double percentile(double p) {
            List<Double> sorted = millis.stream().sorted().toList();
            return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
        }

        String summary() {
            return String.format(Locale.ROOT, "%.1f / %.1f", percentile(0.50), percentile(0.95));
        }
    }

    record Result(String mode, int chunks, double embedRate, double indexRate, Latencies vector, Latencies lexical,
            Latencies hybrid, Latencies queryEmbedding, double recall, String note) {

        /** Embedding then writing, one after the other: the rate at which a fresh corpus becomes searchable. */
        double endToEndRate() {
            return 1 / (1 / embedRate + 1 / indexRate);
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %,d | %.0f | %,.0f | %.0f | %s | %s | %s | %s | %.3f |", mode,
                    chunks, embedRate, indexRate, endToEndRate(), vector.summary(), lexical.summary(),
                    hybrid.summary(), queryEmbedding.summary(), recall);
        }
    }

    private static String table(List<Result> results) {
        StringBuilder table = new StringBuilder("""
                | mode | chunks | embed chunks/s | index chunks/s | end-to-end chunks/s | vector p50/p95 ms \
                | lexical p50/p95 ms | hybrid p50/p95 ms | of which query embedding p50/p95 ms | recall@10 |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                """);
        results.forEach(result -> table.append(result.row()).append('\n'));
        results.stream().map(result -> result.chunks() + " chunks: " + result.note()).distinct()
                .forEach(note -> table.append("\n").append(note));
        return table.toString();
    }

    record Options(List<Integer> sizes, List<String> modes, String jdbcUrl, String user, String password,
            double embedBudgetMinutes, int efSearch) {

        static Options parse(String[] args) {
            List<Integer> sizes = new ArrayList<>();
            Map<String, String> flags = new HashMap<>();
            for (String arg : args) {
                if (arg.startsWith("--")) {
                    String[] pair = arg.substring(2).split("=", 2);
                    flags.put(pair[0], pair.length > 1 ? pair[1] : "");
                } else {
                    sizes.add(Integer.parseInt(arg.replace("_", "").replace(",", "")));
                }
            }
            return new Options(sizes.isEmpty() ? List.of(10_000, 100_000) : sizes,
                    // --modes= (empty) only embeds, to fill the vector cache
                    Arrays.stream(flags.getOrDefault("modes", "lucene,pgvector").split(","))
                            .filter(mode -> !mode.isBlank()).toList(),
                    flags.getOrDefault("jdbc-url",
                            System.getProperty("bench.jdbcUrl", "jdbc:postgresql://localhost:5432/baton_bench")),
                    flags.getOrDefault("user", "baton"), flags.getOrDefault("password", "baton"),
                    Double.parseDouble(flags.getOrDefault("embed-budget-minutes", "15")),
                    // 400 is the production default of baton.knowledge.ef-search
                    Integer.parseInt(flags.getOrDefault("ef-search", "400")));
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%tT] %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
    }
}
