package dev.baton.knowledge.internal;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;

import java.util.List;

/** Cuts a source into chunks the embedding model reads whole: paragraphs first, then sentences, then words. */
class Chunker {

    private final DocumentSplitter splitter;

    Chunker(int chunkSize, int overlap) {
        this.splitter = DocumentSplitters.recursive(chunkSize, overlap);
    }

    List<String> split(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        return splitter.split(Document.from(text)).stream().map(TextSegment::text).toList();
    }
}
