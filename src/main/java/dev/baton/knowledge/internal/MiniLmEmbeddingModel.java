package dev.baton.knowledge.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The default embedding model, all-MiniLM-L6-v2 quantized (the files of LangChain4j's
 * {@link AllMiniLmL6V2QuantizedEmbeddingModel}, so its vectors are the same), run with one ONNX thread per text and no
 * spinning. LangChain4j's own session lets each text use every core and spin while it waits; on a small server
 * that is busy with other requests, a shopper's message took 8.4 ms at the median and 15.1 ms at the 95th
 * percentile that way, against 4.6 and 7.2 ms with one thread (idle, one thread is slower: 5.3 against 3.8 ms;
 * {@code EmbeddingThreadsBenchmark}, docs/performance.md). Batches still use every core: {@link #embedAll} spreads
 * their texts over a pool of one thread per core.
 *
 * <p>One session per JVM, as LangChain4j does: it holds the 23 MB model.
 */
final class MiniLmEmbeddingModel extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    MiniLmEmbeddingModel() {
        super(onePerCore());
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return Encoder.INSTANCE;
    }

    private static Executor onePerCore() {
        int cores = Runtime.getRuntime().availableProcessors();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(cores, cores, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** Loaded on first use, once. */
    private static final class Encoder {

        static final OnnxBertBiEncoder INSTANCE = load();

        private static OnnxBertBiEncoder load() {
            try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                OrtSession session = environment.createSession(model.readAllBytes(), options);
                return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the embedding model from the jar", e);
            } catch (OrtException e) {
                throw new IllegalStateException("Cannot load the embedding model: " + e.getMessage(), e);
            }
        }

        private static InputStream resource(String name) throws IOException {
            InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
            if (in == null) {
                throw new IOException(name + " is missing from the classpath");
            }
            return in;
        }
    }
}
