/**
 * The knowledge base: sources the agent may answer from (synced from a store and locked, or written by hand and
 * editable), split into chunks, embedded and indexed (pgvector on PostgreSQL, Lucene on the embedded default),
 * and searched by hybrid retrieval, always within one account.
 */
package dev.baton.knowledge;
