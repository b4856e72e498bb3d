package dev.baton.catalog;

import java.util.List;
import java.util.UUID;

/**
 * Store items changed. The event names them only; listeners read their current state through
 * {@link Catalog#document}, so an event handled late can never bring back older text.
 */
public record CatalogChanged(UUID accountId, CatalogOrigin origin, List<String> refs) {
}
