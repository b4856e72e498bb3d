package dev.baton.knowledge.internal;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A turn asks for its message's vector several times; the model embeds it once. Batches are not kept. */
class EmbedderTests {

    /** A stand-in model: the vector of a text is its length, and every text it is asked for is recorded. */
    private final List<String> asked = new ArrayList<>();
    private final EmbeddingModel model = new EmbeddingModel() {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            segments.forEach(segment -> asked.add(segment.text()));
            return Response.from(segments.stream().map(segment -> Embedding.from(new float[] {segment.text().length()}))
                    .toList());
        }

        @Override
        public int dimension() {
            return 1;
        }
    };
    private final Embedder embedder = new Embedder(model, "stand-in");

    @Test
    void aSingleTextIsEmbeddedOnceHoweverOftenItIsAskedFor() {
        float[] first = embedder.embed("Do you have the Stormline in L?");
        float[] again = embedder.embed("Do you have the Stormline in L?");
        float[] other = embedder.embed("And in XL?");

        assertThat(asked).containsExactly("Do you have the Stormline in L?", "And in XL?");
        assertThat(again).isSameAs(first);
        assertThat(other[0]).isEqualTo("And in XL?".length());
    }

    @Test
    void batchesAreEmbeddedEveryTime() {
        embedder.embedAll(List.of("a passage", "another passage"));
        embedder.embedAll(List.of("a passage"));

        assertThat(asked).containsExactly("a passage", "another passage", "a passage");
    }
}
