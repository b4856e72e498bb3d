package dev.baton.knowledge;

import java.util.List;

/** The embedding model the knowledge base uses, for other modules that compare texts by meaning. */
public interface TextEmbeddings {

    /** The text's vector; it may be shared with other callers, so it must not be changed. */
    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);

    /** Cosine similarity of two embeddings. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }
}
