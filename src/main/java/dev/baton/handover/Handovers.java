package dev.baton.handover;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The handover itself, for the conversation module (which calls it in its own transaction, so a conversation is
 * never handed over without its ticket) and for the inbox: the transition message, the ticket with its assignment,
 * summary and SLA, and what people do with it.
 */
public interface Handovers {

    /**
     * What the shopper reads when the conversation goes to the team, in their language (ISO 639-1; unknown:
     * English): the account's own text or the default; the "nobody is here now" text, saying when a person will
     * reply, outside office hours or when the account has managers and none is online. {@code reasons}: the reason
     * codes, which set the priority and so the reply time.
     */
    String transitionMessage(UUID accountId, String language, List<String> reasons);

    /**
     * Opens the conversation's ticket: priority and category from the reasons, the manager it goes to, the SLA, the
     * summary (also a note on the lead), and publishes {@link ConversationHandedOver}. A conversation with an open
     * ticket keeps it: the same ticket is answered.
     */
    Ticket open(HandoverRequest request);

    /** The conversation's open ticket. */
    Optional<Ticket> openTicket(UUID accountId, UUID conversationId);

    /** The conversation's tickets, newest first. */
    List<Ticket> tickets(UUID accountId, UUID conversationId);

    /**
     * Open tickets the viewer may work on, unread first, then by SLA due time: an admin sees all; a manager sees the
     * ones assigned to them and the unassigned ones (a group's only by its members).
     */
    List<Ticket> inbox(UUID accountId, TicketViewer viewer, int limit);

    /**
     * A cheap picture of what {@link #inbox} shows (a line per ticket: conversation id first, then what the viewer
     * sees change), for a page that checks often whether to refresh.
     */
    List<String> inboxState(UUID accountId, TicketViewer viewer, int limit);

    /** The shopper wrote again in a handed-over conversation: unread for the team. */
    void shopperWrote(UUID accountId, UUID conversationId);

    /** A person of the team read the conversation. */
    void read(UUID accountId, UUID conversationId);

    /**
     * A person answered: the first reply time is kept, and an unassigned ticket becomes theirs ({@code userId} null:
     * through the API).
     */
    void managerReplied(UUID accountId, UUID conversationId, UUID userId);

    /** A manager takes the open ticket (or an admin gives it to them); false when there is no open ticket. */
    boolean assign(UUID accountId, UUID conversationId, UUID userId);

    /** The conversation was closed: the open ticket is resolved. */
    void closed(UUID accountId, UUID conversationId);

    /** The conversation went back to the agent: the open ticket ends there. */
    void handedBack(UUID accountId, UUID conversationId);
}
