package dev.baton.catalog;

import java.time.OffsetDateTime;

/** A store policy; {@code body} is plain text or Markdown. */
public record Policy(PolicyType type, String title, String body, String url, OffsetDateTime updatedAt) {
}
