package dev.baton.agent.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Per-account usage limits ({@code baton.agent.limits.*}): messages the agent answers per day and chat-model tokens
 * per month. Counted in the database, so every node sees the same totals. When a limit is reached the agent stops
 * answering, says so, and hands the conversation to a person: never silence.
 */
@Component
class UsageLimits {

    private final JdbcClient jdbc;
    private final Limits limits;
    private final Clock clock;

    UsageLimits(JdbcClient jdbc, Limits limits, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
    }

    /** Which limit the account has reached, if any, in words for the trace. */
    Optional<String> reached(UUID accountId) {
        LocalDate today = LocalDate.now(clock);
        long messages = jdbc.sql("select coalesce(sum(messages), 0) from agent_usage where account_id = :account and usage_day = :day")
                .param("account", accountId).param("day", today).query(Long.class).single();
        if (messages >= limits.messagesPerDay()) {
            return Optional.of("usage limit reached: " + messages + " messages today (limit " + limits.messagesPerDay() + ")");
        }
        long tokens = jdbc.sql("select coalesce(sum(tokens), 0) from agent_usage where account_id = :account and usage_day >= :from")
                .param("account", accountId).param("from", today.withDayOfMonth(1)).query(Long.class).single();
        if (tokens >= limits.modelTokensPerMonth()) {
            return Optional.of("usage limit reached: " + tokens + " model tokens this month (limit "
                    + limits.modelTokensPerMonth() + ")");
        }
        return Optional.empty();
    }

    void count(UUID accountId, int messages, long tokens) {
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("insert into agent_usage (account_id, usage_day, messages, tokens) values (:account, :day, 0, 0) on conflict do nothing")
                .param("account", accountId).param("day", today).update();
        jdbc.sql("update agent_usage set messages = messages + :messages, tokens = tokens + :tokens "
                        + "where account_id = :account and usage_day = :day")
                .param("messages", messages).param("tokens", tokens).param("account", accountId).param("day", today).update();
    }

    /**
     * @param messagesPerDay      messages the agent answers per account and day
     * @param modelTokensPerMonth chat-model tokens (prompt and completion) per account and calendar month
     */
    @ConfigurationProperties("baton.agent.limits")
    record Limits(@DefaultValue("2000") long messagesPerDay, @DefaultValue("2000000") long modelTokensPerMonth) {
    }
}
