package dev.baton.inbox.web;

import dev.baton.account.BatonPrincipal;
import dev.baton.account.Team;
import dev.baton.inbox.internal.InboxService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The inbox page's live updates: each open page holds a server-sent event stream that looks at the viewer's inbox
 * every {@code baton.inbox.check-interval} (a fingerprint of its tickets and the last message in them) and sends an
 * {@code inbox} event when it changed; the page's lists refresh on it (htmx's SSE extension). The database is the
 * only state, so a ticket opened or a message written on any node reaches a manager streaming from any other. A
 * stream ends after {@code baton.inbox.stream-duration} and the browser opens the next; while it is open the manager
 * counts as online (presence).
 */
@Component
class InboxStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InboxStreams.class);
    private static final Duration PRESENCE_EVERY = Duration.ofSeconds(30);

    private final InboxService inbox;
    private final Team team;
    private final Duration checkInterval;
    private final Duration streamDuration;
    private final int maxStreams;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final AtomicInteger open = new AtomicInteger();

    InboxStreams(InboxService inbox, Team team,
            @Value("${baton.inbox.check-interval:PT2S}") Duration checkInterval,
            @Value("${baton.inbox.stream-duration:PT5M}") Duration streamDuration,
            @Value("${baton.inbox.max-streams:500}") int maxStreams) {
        this.inbox = inbox;
        this.team = team;
        this.checkInterval = checkInterval;
        this.streamDuration = streamDuration;
        this.maxStreams = maxStreams;
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("inbox-stream-");
        scheduler.setDaemon(true);
        scheduler.initialize();
    }

    /** A stream for the viewer; null when this node has as many open as it takes (the page falls back to polling). */
    SseEmitter open(BatonPrincipal viewer) throws IOException {
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            return null;
        }
        SseEmitter emitter = new SseEmitter(streamDuration.plusSeconds(15).toMillis());
        Stream stream = new Stream(emitter, viewer, Instant.now().plus(streamDuration));
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(error -> stream.close());
        emitter.send(SseEmitter.event().comment("inbox stream open"));
        stream.task = scheduler.scheduleWithFixedDelay(stream::check, checkInterval);
        return emitter;
    }

    int openStreams() {
        return open.get();
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }

    private final class Stream {

        private final SseEmitter emitter;
        private final BatonPrincipal viewer;
        private final Instant endsAt;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile ScheduledFuture<?> task;
        private String fingerprint;
        private Instant lastSeen = Instant.EPOCH;

        Stream(SseEmitter emitter, BatonPrincipal viewer, Instant endsAt) {
            this.emitter = emitter;
            this.viewer = viewer;
            this.endsAt = endsAt;
        }

        void check() {
            if (closed.get()) {
                return;
            }
            try {
                Instant now = Instant.now();
                if (viewer.userId() != null && lastSeen.plus(PRESENCE_EVERY).isBefore(now)) {
                    team.seen(viewer.userId());
                    lastSeen = now;
                }
                String current = inbox.fingerprint(viewer);
                if (fingerprint != null && !fingerprint.equals(current)) {
                    emitter.send(SseEmitter.event().name("inbox").data(now.toString()));
                }
                fingerprint = current;
                if (now.isAfter(endsAt)) {
                    emitter.complete();
                    close();
                }
            } catch (IOException | IllegalStateException e) {
                close();
            } catch (RuntimeException e) {
                log.warn("Inbox stream check failed: {}", e.toString());
            }
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                open.decrementAndGet();
                ScheduledFuture<?> running = task;
                if (running != null) {
                    running.cancel(false);
                }
            }
        }
    }
}
