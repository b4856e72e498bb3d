package dev.baton.inbox.internal;

import dev.baton.account.BatonPrincipal;
import dev.baton.account.Role;
import dev.baton.account.Team;
import dev.baton.account.TeamMember;
import dev.baton.conversation.Conversations;
import dev.baton.handover.Handovers;
import dev.baton.handover.Ticket;
import dev.baton.handover.TicketViewer;
import dev.baton.shared.BatonException;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a signed-in person (or an API key, which sees all) finds in the inbox and may do there. A manager works on
 * the tickets assigned to them and the unassigned ones (a group's only when they are in it); anything else answers
 * 404, as another account's conversation does.
 */
@Service
public class InboxService {

    public static final int LIMIT = 200;

    private final Handovers handovers;
    private final Conversations conversations;
    private final Team team;

    InboxService(Handovers handovers, Conversations conversations, Team team) {
        this.handovers = handovers;
        this.conversations = conversations;
        this.team = team;
    }

    /** A conversation opened in the inbox: its ticket and transcript. */
    public record Opened(InboxItem item, Ticket ticket, Conversations.Conversation conversation,
            List<Conversations.Entry> transcript) {
    }

    public List<InboxItem> items(BatonPrincipal principal) {
        List<Ticket> tickets = handovers.inbox(principal.accountId(), viewer(principal), LIMIT);
        Map<UUID, TeamMember> members = members(principal.accountId());
        return tickets.stream().map(ticket -> item(ticket, members)).toList();
    }

    /** A fingerprint of everything the viewer's inbox shows: it changes when a ticket or a message does. */
    public String fingerprint(BatonPrincipal principal) {
        List<String> state = handovers.inboxState(principal.accountId(), viewer(principal), LIMIT);
        List<UUID> conversationIds = state.stream().map(line -> UUID.fromString(line.substring(0, 36))).toList();
        return String.join(",", state) + "|" + conversations.lastSeq(principal.accountId(), conversationIds);
    }

    /**
     * The conversation with its latest ticket, for a viewer allowed to see it. Viewing it marks it read when the
     * viewer is the one it waits for (its assignee, or anyone while it is unassigned).
     */
    public Opened open(BatonPrincipal principal, UUID conversationId) {
        Ticket ticket = visibleTicket(principal, conversationId);
        if (ticket.open() && ticket.unread()
                && (ticket.assigneeId() == null || ticket.assigneeId().equals(principal.userId()))) {
            handovers.read(principal.accountId(), conversationId);
            ticket = handovers.tickets(principal.accountId(), conversationId).get(0);
        }
        return new Opened(item(ticket, members(principal.accountId())), ticket,
                conversations.get(principal.accountId(), conversationId),
                conversations.transcript(principal.accountId(), conversationId, 0, 1000));
    }

    public List<Conversations.Entry> transcript(BatonPrincipal principal, UUID conversationId) {
        visibleTicket(principal, conversationId);
        return conversations.transcript(principal.accountId(), conversationId, 0, 1000);
    }

    public UUID reply(BatonPrincipal principal, UUID conversationId, String text) {
        visibleTicket(principal, conversationId);
        return conversations.reply(principal.accountId(), conversationId, text, principal.userId(), who(principal));
    }

    public void take(BatonPrincipal principal, UUID conversationId) {
        Ticket ticket = visibleTicket(principal, conversationId);
        if (!ticket.open()) {
            throw BatonException.conflict("This handover is over (" + ticket.status() + "); nothing to take.");
        }
        if (principal.userId() == null) {
            throw BatonException.badRequest("Only a signed-in person can take a conversation.");
        }
        handovers.assign(principal.accountId(), conversationId, principal.userId());
    }

    public void close(BatonPrincipal principal, UUID conversationId) {
        visibleTicket(principal, conversationId);
        conversations.close(principal.accountId(), conversationId, who(principal));
    }

    public void handBack(BatonPrincipal principal, UUID conversationId) {
        visibleTicket(principal, conversationId);
        conversations.handBack(principal.accountId(), conversationId, who(principal));
    }

    /** The signed-in person as a team member (none for an API key). */
    public Optional<TeamMember> member(BatonPrincipal principal) {
        return Optional.ofNullable(principal.userId()).flatMap(id -> team.member(principal.accountId(), id));
    }

    public String who(BatonPrincipal principal) {
        return Optional.ofNullable(principal.userId()).flatMap(id -> team.member(principal.accountId(), id))
                .map(TeamMember::label).orElse(principal.name());
    }

    private Ticket visibleTicket(BatonPrincipal principal, UUID conversationId) {
        List<Ticket> tickets = handovers.tickets(principal.accountId(), conversationId);
        if (tickets.isEmpty()) {
            throw BatonException.notFound("Handed-over conversation", conversationId);
        }
        Ticket latest = tickets.get(0);
        TicketViewer viewer = viewer(principal);
        boolean visible = viewer.all() || principal.userId() != null && principal.userId().equals(latest.assigneeId())
                || latest.assigneeId() == null && (latest.assignedGroup() == null || viewer.groups().stream()
                        .anyMatch(g -> g.equalsIgnoreCase(latest.assignedGroup())));
        if (!visible) {
            throw BatonException.notFound("Handed-over conversation", conversationId);
        }
        return latest;
    }

    private TicketViewer viewer(BatonPrincipal principal) {
        if (principal.role() != Role.MANAGER || principal.userId() == null) {
            return TicketViewer.everything();
        }
        Set<String> groups = team.member(principal.accountId(), principal.userId()).map(TeamMember::groups)
                .orElse(Set.of());
        return TicketViewer.manager(principal.userId(), groups);
    }

    private Map<UUID, TeamMember> members(UUID accountId) {
        return team.members(accountId).stream().collect(Collectors.toMap(TeamMember::id, Function.identity()));
    }

    private static InboxItem item(Ticket ticket, Map<UUID, TeamMember> members) {
        InboxItem.Person assignee = ticket.assigneeId() == null ? null : new InboxItem.Person(ticket.assigneeId(),
                Optional.ofNullable(members.get(ticket.assigneeId())).map(TeamMember::label).orElse("former user"));
        List<String> reasons = new java.util.ArrayList<>(ticket.reasons());
        reasons.remove(ticket.category());
        reasons.add(0, ticket.category());
        return new InboxItem(ticket.conversationId(), ticket.leadId(), new InboxItem.Contact(ticket.contactId(),
                ticket.contactName() == null || ticket.contactName().isBlank() ? "Shopper" : ticket.contactName(),
                ticket.channelKind()), reasons, ticket.category(), ticket.priority(), ticket.summary(),
                ticket.unread(), assignee, ticket.assignedGroup(), ticket.slaDueAt(), ticket.createdAt(),
                ticket.firstReplyAt());
    }
}
