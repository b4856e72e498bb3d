package dev.baton.analytics;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.awaitility.core.ConditionTimeoutException;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
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

    /**
     * A redelivery of the event: an equal copy, as the registry makes when it publishes an event again (it tells
     * publications in progress apart by the event instance, so the same instance twice at once is no redelivery).
     */
    public static Object redelivered(Object event) {
        try {
            RecordComponent[] components = event.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(event);
                types[i] = components[i].getType();
            }
            return event.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public void awaitRecorded() {
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql("""
                    select count(*) from event_publication
                    where listener_id like '%dev.baton.analytics.%' and completion_date is null""")
                    .query(Long.class).single() == 0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Analytics events still outstanding: " + jdbc.sql("""
                    select listener_id, status, completion_attempts, publication_date from event_publication
                    where listener_id like '%dev.baton.analytics.%' and completion_date is null""")
                    .query().listOfRows() + "\nThreads in Baton code:\n" + threadsInBaton(), e);
        }
    }

    private static String threadsInBaton() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (Arrays.stream(stack).anyMatch(frame -> frame.getClassName().startsWith("dev.baton.analytics"))) {
                dump.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
                Arrays.stream(stack).limit(40).forEach(frame -> dump.append("    at ").append(frame).append('\n'));
            }
        });
        return dump.toString();
    }
}
