package dev.baton.agent.internal;

import java.util.List;
import java.util.UUID;

/**
 * A playground conversation kept as a regression case: the shopper's messages, and what the replies must show.
 *
 * @param expect {@code contains}/{@code excludes}: texts the last reply must (not) contain, ignoring case;
 *               {@code tools}: tools that must run in some turn; {@code handover}: whether some turn must hand over
 *               (null: either); {@code language}: the language the last reply must be in (null: any)
 */
public record TestCase(UUID id, String name, List<String> messages, Expectations expect) {

    public record Expectations(List<String> contains, List<String> excludes, List<String> tools, Boolean handover,
            String language) {

        public Expectations {
            contains = contains == null ? List.of() : List.copyOf(contains);
            excludes = excludes == null ? List.of() : List.copyOf(excludes);
            tools = tools == null ? List.of() : List.copyOf(tools);
        }
    }

    /** The outcome of running a case: every expectation that failed, and the last reply. */
    public record Result(UUID id, String name, boolean passed, List<String> failures, String reply) {
    }
}
