package dev.baton.knowledge.internal;

import java.util.List;

/** One page of a filtered source list: {@code page} counts from 0; {@code matching} is the size of the whole list. */
public record SourcePage(List<Source> sources, int page, int pageSize, long matching) {

    public long firstShown() {
        return sources.isEmpty() ? 0 : (long) page * pageSize + 1;
    }

    public long lastShown() {
        return (long) page * pageSize + sources.size();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return lastShown() < matching;
    }
}
