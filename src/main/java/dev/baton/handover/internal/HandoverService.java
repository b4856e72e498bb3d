package dev.baton.handover.internal;

import dev.baton.account.Accounts;
import dev.baton.account.Role;
import dev.baton.account.Team;
import dev.baton.account.TeamMember;
import dev.baton.handover.ConversationHandedOver;
import dev.baton.handover.HandoverRequest;
import dev.baton.handover.Handovers;
import dev.baton.handover.Ticket;
import dev.baton.handover.TicketViewer;
import dev.baton.pipeline.Lead;
import dev.baton.pipeline.Leads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens a ticket when the agent hands a conversation over, in the caller's transaction: priority and category from
 * the reasons, the manager (the lead's responsible manager; else VIPs to the VIP group; else round robin among the
 * online managers allowed for the lead's stage; else it waits unassigned), the SLA (from the next office hour when
 * the team is away), the extractive summary (a note on the lead too), and the lead's move to the configured stage.
 */
@Service
class HandoverService implements Handovers {

    private static final Logger log = LoggerFactory.getLogger(HandoverService.class);
    /** Most pressing first: the category is the first reason in this order. */
    private static final List<String> URGENT = List.of("VIP", "NEGATIVE_EMOTION");
    private static final List<String> HIGH = List.of("HUMAN_REQUESTED", "SENSITIVE_DATA", "TECHNICAL_ISSUE",
            "SPECIAL_POLICY", "DATA_NOT_FOUND");
    private static final List<String> NORMAL = List.of("CHANNEL_SWITCH", "OUT_OF_KNOWLEDGE", "REPEATED_RESPONSE",
            "USAGE_LIMIT");

    private final TicketRepository tickets;
    private final HandoverPreferencesRepository preferences;
    private final Team team;
    private final Leads leads;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExtractiveSummary extractive = new ExtractiveSummary();

    HandoverService(TicketRepository tickets, HandoverPreferencesRepository preferences, Team team, Leads leads,
            Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.tickets = tickets;
        this.preferences = preferences;
        this.team = team;
        this.leads = leads;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    HandoverPreferences preferences(UUID accountId) {
        return preferences.find(accountId).orElse(HandoverPreferences.defaults());
    }

    @Override
    @Transactional(readOnly = true)
    public String transitionMessage(UUID accountId, String language, List<String> reasons) {
        HandoverPreferences settings = preferences(accountId);
        ZonedDateTime now = clock.instant().atZone(zone(accountId));
        boolean open = settings.officeHours().isOpen(now);
        boolean nobodyOnline = open && hasManagers(accountId) && team.onlineManagers(accountId).isEmpty();
        if (open && !nobodyOnline) {
            return settings.transition(language);
        }
        ZonedDateTime replyBy = slaDue(settings, priority(reasons), now);
        return settings.offline(language).replace("{when}", when(replyBy, now, language));
    }

    @Override
    @Transactional
    public Ticket open(HandoverRequest request) {
        UUID accountId = request.accountId();
        preferences.lock(accountId);
        Optional<Ticket> existing = tickets.open(accountId, request.conversationId());
        if (existing.isPresent()) {
            return existing.get();
        }
        HandoverPreferences settings = preferences(accountId);
        List<String> reasons = request.reasons().isEmpty() ? List.of("TECHNICAL_ISSUE") : request.reasons();
        String priority = priority(reasons);
        String category = category(reasons);
        Optional<Lead> lead = request.leadId() == null ? Optional.empty() : leads.find(accountId, request.leadId());
        UUID stageId = lead.map(Lead::stageId).orElse(null);
        Assignment assignment = assign(accountId, lead, stageId, reasons.contains("VIP"), settings);
        ZonedDateTime now = clock.instant().atZone(zone(accountId));
        Instant slaDue = slaDue(settings, priority, now).toInstant();
        String summary = settings.summaryEnabled() ? extractive.summarize(request, category, priority) : "";
        UUID ticketId = UUID.randomUUID();
        tickets.insert(new TicketRepository.NewTicket(ticketId, accountId, request.conversationId(), request.leadId(),
                stageId, request.contactId(), request.contactName(), request.channelKind(), request.language(),
                category, reasons, request.evidence(), priority, assignment.userId(), assignment.group(), slaDue,
                summary, settings.summaryEnabled() ? "EXTRACTIVE" : "OFF", material(request),
                request.conversationStartedAt()));
        if (lead.isPresent()) {
            if (settings.summaryEnabled()) {
                leads.addNote(accountId, lead.get().id(), "Baton", "Handed over (" + String.join(", ", reasons)
                        + ").\n" + summary);
            }
            if (lead.get().responsibleUserId() == null && assignment.userId() != null) {
                leads.assign(accountId, lead.get().id(), assignment.userId());
            }
            if (settings.moveToStageId() != null && !settings.moveToStageId().equals(stageId)
                    && leads.stage(accountId, settings.moveToStageId()).isPresent()) {
                leads.moveTo(accountId, lead.get().id(), settings.moveToStageId());
            }
        }
        Ticket ticket = tickets.find(accountId, ticketId).orElseThrow();
        List<String> categoryFirst = new java.util.ArrayList<>(reasons);
        categoryFirst.remove(category);
        categoryFirst.add(0, category);
        events.publishEvent(new ConversationHandedOver(accountId, request.conversationId(), ticketId,
                request.leadId(), stageId, categoryFirst, priority, assignment.userId(), slaDue,
                request.conversationStartedAt(), ticket.createdAt()));
        log.info("Conversation {} handed over ({}), ticket {} to {}", request.conversationId(), reasons, ticketId,
                assignment.userId() != null ? assignment.userId() : assignment.group() != null
                        ? "group " + assignment.group() : "the unassigned queue");
        return ticket;
    }

    record Assignment(UUID userId, String group) {
    }

    /**
     * The lead's responsible manager if set; a VIP to an online member of the VIP group, or to the group when none
     * is online (if the group has members at all); else round robin among online managers allowed for the stage: the
     * one whose last ticket is oldest (never assigned first). Nobody online: unassigned.
     */
    private Assignment assign(UUID accountId, Optional<Lead> lead, UUID stageId, boolean vip,
            HandoverPreferences settings) {
        UUID responsible = lead.map(Lead::responsibleUserId).orElse(null);
        if (responsible != null && team.member(accountId, responsible).isPresent()) {
            return new Assignment(responsible, null);
        }
        List<TeamMember> online = team.onlineManagers(accountId).stream().filter(m -> m.allowedFor(stageId)).toList();
        if (vip) {
            String group = settings.vipGroup();
            boolean groupExists = team.members(accountId).stream().anyMatch(m -> inGroup(m, group));
            if (groupExists) {
                List<TeamMember> vipOnline = online.stream().filter(m -> inGroup(m, group)).toList();
                return vipOnline.isEmpty() ? new Assignment(null, group)
                        : new Assignment(leastRecent(accountId, vipOnline), null);
            }
        }
        return online.isEmpty() ? new Assignment(null, null) : new Assignment(leastRecent(accountId, online), null);
    }

    private static boolean inGroup(TeamMember member, String group) {
        return member.groups().stream().anyMatch(g -> g.equalsIgnoreCase(group));
    }

    private UUID leastRecent(UUID accountId, List<TeamMember> candidates) {
        Map<UUID, Instant> last = tickets.lastAssigned(accountId);
        return candidates.stream()
                .min(Comparator.comparing((TeamMember m) -> last.getOrDefault(m.id(), Instant.EPOCH))
                        .thenComparing(TeamMember::username))
                .orElseThrow().id();
    }

    private boolean hasManagers(UUID accountId) {
        return team.members(accountId).stream().anyMatch(m -> m.role() == Role.MANAGER);
    }

    static String priority(List<String> reasons) {
        if (reasons.stream().anyMatch(URGENT::contains)) {
            return "URGENT";
        }
        return reasons.stream().anyMatch(HIGH::contains) ? "HIGH" : "NORMAL";
    }

    static String category(List<String> reasons) {
        for (List<String> level : List.of(URGENT, HIGH, NORMAL)) {
            for (String reason : level) {
                if (reasons.contains(reason)) {
                    return reason;
                }
            }
        }
        return reasons.get(0);
    }

    /** A person answers within the priority's minutes, counted from now or, when the team is away, its return. */
    private static ZonedDateTime slaDue(HandoverPreferences settings, String priority, ZonedDateTime now) {
        ZonedDateTime from = settings.officeHours().nextOpening(now).orElse(now);
        return from.plusMinutes(settings.slaMinutes(priority));
    }

    /** "14:30 (GMT+7)" today, else "Monday 09:15 (GMT+7)", in the shopper's language. */
    private static String when(ZonedDateTime at, ZonedDateTime now, String language) {
        Locale locale = Locale.forLanguageTag(TransitionTexts.language(language));
        String pattern = at.toLocalDate().equals(now.toLocalDate()) ? "HH:mm (O)" : "EEEE HH:mm (O)";
        return DateTimeFormatter.ofPattern(pattern, locale).format(at);
    }

    private ZoneId zone(UUID accountId) {
        try {
            return ZoneId.of(accounts.settings(accountId).timeZone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static String material(HandoverRequest request) {
        StringBuilder text = new StringBuilder();
        for (HandoverRequest.Line line : request.transcript()) {
            text.append(line.role().toLowerCase(Locale.ROOT)).append(": ")
                    .append(ExtractiveSummary.mask(line.text())).append('\n');
        }
        if (!request.agentActions().isEmpty()) {
            text.append("\nAgent's tool calls:\n");
            request.agentActions().forEach(action -> text.append("- ").append(ExtractiveSummary.mask(action)).append('\n'));
        }
        text.append("\nHandover reasons: ").append(String.join(", ", request.reasons())).append('\n');
        request.evidence().forEach(e -> text.append("- ").append(ExtractiveSummary.mask(e)).append('\n'));
        return text.toString();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Ticket> openTicket(UUID accountId, UUID conversationId) {
        return tickets.open(accountId, conversationId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Ticket> tickets(UUID accountId, UUID conversationId) {
        return tickets.ofConversation(accountId, conversationId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Ticket> inbox(UUID accountId, TicketViewer viewer, int limit) {
        return tickets.inbox(accountId, viewer, Math.max(1, Math.min(limit, 500)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> inboxState(UUID accountId, TicketViewer viewer, int limit) {
        return tickets.inboxState(accountId, viewer, Math.max(1, Math.min(limit, 500)));
    }

    @Override
    @Transactional
    public void shopperWrote(UUID accountId, UUID conversationId) {
        tickets.setUnread(accountId, conversationId, true);
    }

    @Override
    @Transactional
    public void read(UUID accountId, UUID conversationId) {
        tickets.setUnread(accountId, conversationId, false);
    }

    @Override
    @Transactional
    public void managerReplied(UUID accountId, UUID conversationId, UUID userId) {
        tickets.replied(accountId, conversationId, userId);
    }

    @Override
    @Transactional
    public boolean assign(UUID accountId, UUID conversationId, UUID userId) {
        return tickets.assign(accountId, conversationId, userId);
    }

    @Override
    @Transactional
    public void closed(UUID accountId, UUID conversationId) {
        tickets.end(accountId, conversationId, "RESOLVED");
    }

    @Override
    @Transactional
    public void handedBack(UUID accountId, UUID conversationId) {
        tickets.end(accountId, conversationId, "HANDED_BACK");
    }
}
