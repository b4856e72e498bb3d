package dev.baton.knowledge.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The embedded index: one Lucene index on disk with an HNSW vector field and a BM25 text field per chunk.
 * Every write is committed before it returns, so a restart loses nothing the database calls indexed.
 */
class LuceneKnowledgeIndex implements KnowledgeIndex, AutoCloseable {

    private static final String ACCOUNT = "account";
    private static final String SOURCE = "source";
    private static final String ORDINAL = "ordinal";
    private static final String TITLE = "title";
    private static final String ORIGIN = "origin";
    private static final String CONTENT = "content";
    private static final String SEARCH_TEXT = "text";
    private static final String VECTOR = "vector";

    private final Analyzer analyzer = new StandardAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    LuceneKnowledgeIndex(Path directory) {
        try {
            writer = new IndexWriter(FSDirectory.open(directory), new IndexWriterConfig(analyzer));
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + directory, e);
        }
    }

    @Override
    public void replace(List<SourceChunks> sources) {
        try {
            for (SourceChunks source : sources) {
                List<Document> documents = source.chunks().stream().map(chunk -> document(source, chunk)).toList();
                writer.updateDocuments(new Term(SOURCE, source.sourceId().toString()), documents);
            }
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the search index", e);
        }
    }

    @Override
    public void remove(UUID accountId, UUID sourceId) {
        try {
            writer.deleteDocuments(new Term(SOURCE, sourceId.toString()));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the search index", e);
        }
    }

    @Override
    public List<IndexHit> vectorSearch(UUID accountId, float[] vector, int limit) {
        // The account filter is applied inside the HNSW search, so a small account still gets `limit` hits.
        return search(new KnnFloatVectorQuery(VECTOR, vector, limit, accountFilter(accountId)), limit);
    }

    @Override
    public List<IndexHit> lexicalSearch(UUID accountId, String query, int limit) {
        Query terms = new QueryBuilder(analyzer).createBooleanQuery(SEARCH_TEXT, String.join(" ", QueryTerms.of(query)));
        if (terms == null) {
            return List.of();
        }
        Query scoped = new BooleanQuery.Builder()
                .add(terms, Occur.MUST)
                .add(accountFilter(accountId), Occur.FILTER)
                .build();
        return search(scoped, limit);
    }

    private List<IndexHit> search(Query query, int limit) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<IndexHit> hits = new ArrayList<>();
                for (ScoreDoc scoreDoc : searcher.search(query, limit).scoreDocs) {
                    Document doc = searcher.storedFields().document(scoreDoc.doc);
                    hits.add(new IndexHit(UUID.fromString(doc.get(SOURCE)), doc.getField(ORDINAL).numericValue().intValue(),
                            doc.get(TITLE), doc.get(ORIGIN), doc.get(CONTENT), scoreDoc.score));
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the search index", e);
        }
    }

    private static Query accountFilter(UUID accountId) {
        return new TermQuery(new Term(ACCOUNT, accountId.toString()));
    }

    private static Document document(SourceChunks source, Chunk chunk) {
        Document doc = new Document();
        doc.add(new StringField(ACCOUNT, source.accountId().toString(), Field.Store.NO));
        doc.add(new StringField(SOURCE, source.sourceId().toString(), Field.Store.YES));
        doc.add(new StoredField(ORDINAL, chunk.ordinal()));
        doc.add(new StoredField(TITLE, source.title()));
        doc.add(new StoredField(ORIGIN, source.origin()));
        doc.add(new StoredField(CONTENT, chunk.text()));
        doc.add(new TextField(SEARCH_TEXT, source.title() + "\n" + chunk.text(), Field.Store.NO));
        doc.add(new KnnFloatVectorField(VECTOR, chunk.vector(), VectorSimilarityFunction.COSINE));
        return doc;
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
