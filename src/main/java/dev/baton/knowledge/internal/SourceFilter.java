package dev.baton.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the Knowledge page's list shows: sources whose title contains {@code text} (any case), in one state
 * ({@code ALL}, {@code INDEXED}, {@code PENDING}, {@code FAILED}, {@code ARCHIVED}).
 */
public record SourceFilter(String text, State state) {

    public enum State { ALL, INDEXED, PENDING, FAILED, ARCHIVED }

    public SourceFilter {
        text = text == null ? "" : text.strip();
        state = state == null ? State.ALL : state;
    }

    /** The filter for a state named in a request; an unknown name shows everything. */
    public static SourceFilter of(String text, String state) {
        State parsed = State.ALL;
        if (state != null && !state.isBlank()) {
            try {
                parsed = State.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                parsed = State.ALL;
            }
        }
        return new SourceFilter(text, parsed);
    }

    String where() {
        StringBuilder where = new StringBuilder();
        if (!text.isEmpty()) {
            where.append(" and lower(title) like :text escape '\\'");
        }
        switch (state) {
            case INDEXED -> where.append(" and not archived and status = 'INDEXED'");
            case PENDING -> where.append(" and not archived and status = 'PENDING'");
            case FAILED -> where.append(" and not archived and status = 'FAILED'");
            case ARCHIVED -> where.append(" and archived");
            case ALL -> { }
        }
        return where.toString();
    }

    Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.put("text", "%" + escaped + "%");
        }
        return params;
    }
}
