package dev.baton.conversation.internal;

import dev.baton.account.Team;
import dev.baton.account.TeamMember;
import dev.baton.agent.SalesAgent;
import dev.baton.catalog.Catalog;
import dev.baton.catalog.CustomerHistory;
import dev.baton.channel.Channels;
import dev.baton.channel.OutboundMessage;
import dev.baton.channel.Outbox;
import dev.baton.conversation.ConversationStatus;
import dev.baton.handover.HandoverRequest;
import dev.baton.handover.Handovers;
import dev.baton.handover.Situation;
import dev.baton.handover.Ticket;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The conversation's side of a handover, inside the turn's transaction: what the store knows of the contact (for
 * the VIP and channel-switch rules), and, when the agent hands over, the status change, the ticket (assignment,
 * summary, SLA) and the team's note in the transcript.
 */
@Component
class HandoverStep {

    private static final int TRANSCRIPT = 200;

    private final ConversationRepository conversations;
    private final ContactRepository contacts;
    private final Catalog catalog;
    private final Channels channels;
    private final Handovers handovers;
    private final SalesAgent agent;
    private final Team team;
    private final Outbox outbox;

    HandoverStep(ConversationRepository conversations, ContactRepository contacts, Catalog catalog, Channels channels,
            Handovers handovers, SalesAgent agent, Team team, Outbox outbox) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.catalog = catalog;
        this.channels = channels;
        this.handovers = handovers;
        this.agent = agent;
        this.team = team;
        this.outbox = outbox;
    }

    /** The store's orders and spend of the contact (by verified email or phone), and an open issue elsewhere. */
    Situation.ContactFacts contactFacts(ConversationRow conversation) {
        ContactRepository.ContactPoints points = contacts.verifiedPoints(conversation.accountId(), conversation.contactId());
        CustomerHistory history = points.email() == null && points.phone() == null ? CustomerHistory.none()
                : catalog.customerHistory(conversation.accountId(), points.email(), points.phone());
        boolean elsewhere = conversations.handedOverElsewhere(conversation.accountId(), conversation.contactId(),
                conversation.channelId());
        return new Situation.ContactFacts(history.orders() == 0 ? null : history.lifetimeSpend(),
                history.orders() == 0 ? null : history.orders(), List.of(), elsewhere);
    }

    /**
     * When Baton itself could not answer: the shopper still gets the transition text, in the conversation's language,
     * as the agent's reply to their message. Answers the language used.
     */
    String tellShopper(ConversationRow conversation, MessageRow message, List<String> reasons) {
        UUID accountId = conversation.accountId();
        String language = agent.language(accountId, conversation.agentConversationId());
        String text = handovers.transitionMessage(accountId, language, reasons);
        UUID replyId = conversations.insert(accountId, conversation.id(), "AGENT", text, "PENDING", null, null,
                message.id());
        outbox.send(new OutboundMessage(accountId, conversation.channelId(), conversation.id(), replyId,
                conversation.recipient(), "AGENT", text));
        return language;
    }

    /** Hands the conversation to the team: status, ticket, and a note saying who has it and by when. */
    Ticket handOver(ConversationRow conversation, String language, List<String> reasons, List<String> evidence,
            Situation.ContactFacts contact) {
        UUID accountId = conversation.accountId();
        conversations.updateStatus(conversation.id(), ConversationStatus.HANDED_OVER);
        List<HandoverRequest.Line> transcript = conversations.messages(conversation.id(), 0, TRANSCRIPT).stream()
                .filter(m -> !"SYSTEM".equals(m.role()))
                .map(m -> new HandoverRequest.Line(m.role(), m.text(), m.createdAt())).toList();
        List<String> actions = conversation.agentConversationId() == null ? List.of()
                : agent.actions(accountId, conversation.agentConversationId());
        String channelKind = channels.get(accountId, conversation.channelId()).kind().name();
        Ticket ticket = handovers.open(new HandoverRequest(accountId, conversation.id(), conversation.leadId(),
                conversation.contactId(), conversation.contactName(), channelKind, language,
                conversation.createdAt(), reasons, evidence, transcript, actions, contact));
        String who = ticket.assigneeId() != null
                ? team.member(accountId, ticket.assigneeId()).map(TeamMember::label).orElse("a manager")
                : ticket.assignedGroup() != null ? "the " + ticket.assignedGroup() + " group" : "the next free manager";
        conversations.insert(accountId, conversation.id(), "SYSTEM", "The agent handed the conversation over: "
                + String.join(", ", ticket.reasons()) + ". Priority " + ticket.priority() + ", for " + who
                + ", answer by " + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(ticket.slaDueAt().atOffset(ZoneOffset.UTC)
                        .withNano(0).toLocalDateTime()) + " UTC.", "NOTE", null, null);
        return ticket;
    }
}
