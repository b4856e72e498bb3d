package dev.baton.conversation.internal;

import dev.baton.account.Accounts;
import dev.baton.channel.InboundMessage;
import dev.baton.channel.OutboundMessage;
import dev.baton.channel.Outbox;
import dev.baton.channel.Received;
import dev.baton.conversation.ConversationClosed;
import dev.baton.conversation.ConversationStatus;
import dev.baton.conversation.CsatRated;
import dev.baton.conversation.internal.SurveyRepository.Latest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The optional one-question satisfaction survey: sent through the shopper's channel when a conversation closes (if
 * the account switched it on), and its answer taken in. A rating from 1 to 5, within a day of the question, to the
 * contact's latest conversation on the channel, counts once; anything else is an ordinary message that opens a new
 * conversation.
 */
@Component
class SatisfactionSurvey {

    static final Duration ANSWER_WITHIN = Duration.ofHours(24);

    private final SurveyRepository surveys;
    private final ConversationRepository conversations;
    private final ConversationSettingsService settings;
    private final Accounts accounts;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SatisfactionSurvey(SurveyRepository surveys, ConversationRepository conversations,
            ConversationSettingsService settings, Accounts accounts, Outbox outbox, ApplicationEventPublisher events,
            Clock clock) {
        this.surveys = surveys;
        this.conversations = conversations;
        this.settings = settings;
        this.accounts = accounts;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** Asks once per conversation, in the account's language (the conversation's own is the agent's to know). */
    @ApplicationModuleListener
    void on(ConversationClosed closed) {
        UUID accountId = closed.accountId();
        if (!settings.get(accountId).csatEnabled()) {
            return;
        }
        Optional<ConversationRow> conversation = conversations.find(accountId, closed.conversationId());
        if (conversation.isEmpty() || !surveys.markAsked(accountId, closed.conversationId())) {
            return;
        }
        String question = settings.survey(accountId, accounts.settings(accountId).defaultLanguage()).question();
        send(conversation.get().accountId(), conversation.get().channelId(), conversation.get().id(),
                conversation.get().recipient(), question);
    }

    /**
     * Takes the message as the survey's answer if it is one: stores it and the score on the closed conversation,
     * thanks the shopper and publishes {@link CsatRated}. Empty: not an answer, the message goes the usual way.
     */
    Optional<Received> answer(InboundMessage message, UUID contactId) {
        OptionalInt score = Rating.parse(message.text());
        if (score.isEmpty()) {
            return Optional.empty();
        }
        UUID accountId = message.accountId();
        Instant askedSince = clock.instant().minus(ANSWER_WITHIN);
        Optional<Latest> latest = surveys.latest(accountId, contactId, message.channelId());
        if (latest.isEmpty() || latest.get().status() != ConversationStatus.CLOSED || latest.get().score() != null
                || latest.get().askedAt() == null || latest.get().askedAt().isBefore(askedSince)
                || !surveys.rate(accountId, latest.get().id(), score.getAsInt(), askedSince)) {
            return Optional.empty();
        }
        UUID conversationId = latest.get().id();
        UUID messageId = UUID.randomUUID();
        if (!surveys.insertAnswer(messageId, accountId, conversationId, message.channelId(),
                message.externalMessageId(), message.text().strip())) {
            MessageRow first = conversations.findByExternalId(message.channelId(), message.externalMessageId())
                    .orElseThrow();
            return Optional.of(new Received(first.conversationId(), first.id(), true));
        }
        send(accountId, message.channelId(), conversationId, latest.get().recipient(),
                settings.survey(accountId, accounts.settings(accountId).defaultLanguage()).thanks());
        events.publishEvent(new CsatRated(accountId, conversationId, score.getAsInt(), clock.instant()));
        return Optional.of(new Received(conversationId, messageId, false));
    }

    private void send(UUID accountId, UUID channelId, UUID conversationId, String recipient, String text) {
        UUID messageId = conversations.insert(accountId, conversationId, "SYSTEM", text, "PENDING", null, null);
        outbox.send(new OutboundMessage(accountId, channelId, conversationId, messageId, recipient, "SYSTEM", text));
    }
}
