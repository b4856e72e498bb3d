package dev.baton.analytics;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Publishes events as their modules do (inside a transaction, so the analytics listeners run after the commit) and
 * waits until the analytics module has recorded them: none of its event publications is outstanding.
 */
public final class AnalyticsEvents {

    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    public AnalyticsEvents(ApplicationEventPublisher publisher, TransactionTemplate transaction, JdbcClient jdbc) {
        this.publisher = publisher;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    /** Each event in a transaction of its own, one after the other. */
    public void publishEach(List<?> events) {
        events.forEach(event -> transaction.executeWithoutResult(status -> publisher.publishEvent(event)));
    }

    /** All in one transaction: their listeners run at the same time. */
    public void publishTogether(List<?> events) {
        transaction.executeWithoutResult(status -> events.forEach(publisher::publishEvent));
    }

    public void awaitRecorded() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql("""
                select count(*) from event_publication
                where listener_id like '%dev.baton.analytics.%' and completion_date is null""")
                .query(Long.class).single() == 0);
    }
}
