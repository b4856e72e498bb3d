package dev.baton.catalog;

/** The readable text of one store item (a product or a policy), keyed by a reference stable across syncs. */
public record SyncedDocument(String ref, String title, String text) {
}
