package dev.baton.handover.internal;

import dev.baton.handover.Ticket;
import dev.baton.handover.TicketViewer;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Handover tickets; every query names the account. */
@Repository
class TicketRepository {

    /** Evidence lines are stored one per line. */
    private static final String EVIDENCE_SEPARATOR = "\n";

    private final JdbcClient jdbc;
    private final Clock clock;

    TicketRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record NewTicket(UUID id, UUID accountId, UUID conversationId, UUID leadId, UUID stageId, UUID contactId,
            String contactName, String channelKind, String language, String category, List<String> reasons,
            List<String> evidence, String priority, UUID assigneeId, String assignedGroup, Instant slaDueAt,
            String summary, String summarySource, String material, Instant conversationStartedAt) {
    }

    void insert(NewTicket t) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into handover_ticket (id, account_id, conversation_id, lead_id, stage_id, contact_id,
                    contact_name, channel_kind, language, status, category, reasons, evidence, priority, assignee_id,
                    assigned_group, assigned_at, unread, sla_due_at, summary, summary_source, material,
                    conversation_started_at, open_key, created_at, updated_at)
                values (:id, :account, :conversation, :lead, :stage, :contact, :contactName, :channel, :language,
                    'OPEN', :category, :reasons, :evidence, :priority, :assignee, :group, :assignedAt, true, :sla,
                    :summary, :source, :material, :started, :conversation, :now, :now)""")
                .param("id", t.id()).param("account", t.accountId()).param("conversation", t.conversationId())
                .param("lead", t.leadId()).param("stage", t.stageId()).param("contact", t.contactId())
                .param("contactName", clip(t.contactName(), 200)).param("channel", t.channelKind())
                .param("language", t.language()).param("category", t.category())
                .param("reasons", String.join(",", t.reasons()))
                .param("evidence", String.join(EVIDENCE_SEPARATOR, t.evidence().stream()
                        .map(e -> e.replace('\n', ' ')).toList()))
                .param("priority", t.priority()).param("assignee", t.assigneeId()).param("group", t.assignedGroup())
                .param("assignedAt", t.assigneeId() == null ? null : now)
                .param("sla", t.slaDueAt().atOffset(ZoneOffset.UTC)).param("summary", t.summary())
                .param("source", t.summarySource()).param("material", t.material())
                .param("started", t.conversationStartedAt() == null ? null
                        : t.conversationStartedAt().atOffset(ZoneOffset.UTC))
                .param("now", now).update();
    }

    Optional<Ticket> find(UUID accountId, UUID ticketId) {
        return jdbc.sql("select * from handover_ticket where account_id = :account and id = :id")
                .param("account", accountId).param("id", ticketId).query(mapper()).optional();
    }

    Optional<Ticket> open(UUID accountId, UUID conversationId) {
        return jdbc.sql("select * from handover_ticket where account_id = :account and open_key = :conversation")
                .param("account", accountId).param("conversation", conversationId).query(mapper()).optional();
    }

    Optional<String> material(UUID accountId, UUID ticketId) {
        return jdbc.sql("select material from handover_ticket where account_id = :account and id = :id")
                .param("account", accountId).param("id", ticketId).query(String.class).optional();
    }

    List<Ticket> ofConversation(UUID accountId, UUID conversationId) {
        return jdbc.sql("""
                select * from handover_ticket where account_id = :account and conversation_id = :conversation
                order by created_at desc""")
                .param("account", accountId).param("conversation", conversationId).query(mapper()).list();
    }

    List<Ticket> inbox(UUID accountId, TicketViewer viewer, int limit) {
        Map<String, Object> params = new HashMap<>();
        String visible = visible(viewer, params);
        params.put("account", accountId);
        params.put("limit", limit);
        return jdbc.sql("select * from handover_ticket where account_id = :account and status = 'OPEN'" + visible
                        + " order by unread desc, sla_due_at, created_at limit :limit")
                .params(params).query(mapper()).list();
    }

    /**
     * What the viewer's inbox shows, in a line per ticket (conversation, ticket, unread, assignee, summary source),
     * read without the summaries and evidence: the Inbox's event stream compares it every few seconds.
     */
    List<String> inboxState(UUID accountId, TicketViewer viewer, int limit) {
        Map<String, Object> params = new HashMap<>();
        String visible = visible(viewer, params);
        params.put("account", accountId);
        params.put("limit", limit);
        return jdbc.sql("select conversation_id, id, unread, assignee_id, summary_source from handover_ticket"
                        + " where account_id = :account and status = 'OPEN'" + visible
                        + " order by unread desc, sla_due_at, created_at limit :limit")
                .params(params).query((rs, n) -> rs.getString("conversation_id") + ":" + rs.getString("id") + ":"
                        + rs.getBoolean("unread") + ":" + rs.getString("assignee_id") + ":" + rs.getString("summary_source"))
                .list();
    }

    /** The condition a manager's inbox adds: theirs, and the unassigned ones their groups may take. */
    private static String visible(TicketViewer viewer, Map<String, Object> params) {
        if (viewer.all()) {
            return "";
        }
        params.put("user", viewer.userId());
        List<String> groups = viewer.groups().stream().map(g -> g.toLowerCase(java.util.Locale.ROOT)).toList();
        params.put("groups", groups.isEmpty() ? List.of("") : groups);
        return " and (assignee_id = :user or (assignee_id is null and (assigned_group is null"
                + " or lower(assigned_group) in (:groups))))";
    }

    /** When each of these managers last got a ticket (never: absent), for round robin. */
    Map<UUID, Instant> lastAssigned(UUID accountId) {
        Map<UUID, Instant> last = new HashMap<>();
        jdbc.sql("""
                select assignee_id, max(assigned_at) as last_at from handover_ticket
                where account_id = :account and assignee_id is not null group by assignee_id""")
                .param("account", accountId)
                .query((ResultSet rs) -> {
                    last.put(rs.getObject("assignee_id", UUID.class), instant(rs, "last_at"));
                });
        return last;
    }

    void setUnread(UUID accountId, UUID conversationId, boolean unread) {
        jdbc.sql("""
                update handover_ticket set unread = :unread, updated_at = :now
                where account_id = :account and open_key = :conversation""")
                .param("unread", unread).param("now", OffsetDateTime.now(clock))
                .param("account", accountId).param("conversation", conversationId).update();
    }

    void replied(UUID accountId, UUID conversationId, UUID userId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update handover_ticket set first_reply_at = coalesce(first_reply_at, :now), unread = false,
                    assignee_id = coalesce(assignee_id, :user),
                    assigned_at = case when assignee_id is null and cast(:user as uuid) is not null then :now else assigned_at end,
                    updated_at = :now
                where account_id = :account and open_key = :conversation""")
                .param("now", now).param("user", userId)
                .param("account", accountId).param("conversation", conversationId).update();
    }

    boolean assign(UUID accountId, UUID conversationId, UUID userId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                update handover_ticket set assignee_id = :user, assigned_group = null, assigned_at = :now,
                    updated_at = :now
                where account_id = :account and open_key = :conversation""")
                .param("user", userId).param("now", now)
                .param("account", accountId).param("conversation", conversationId).update() > 0;
    }

    void end(UUID accountId, UUID conversationId, String status) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update handover_ticket set status = :status, closed_at = :now, open_key = null, unread = false,
                    updated_at = :now
                where account_id = :account and open_key = :conversation""")
                .param("status", status).param("now", now)
                .param("account", accountId).param("conversation", conversationId).update();
    }

    void summary(UUID ticketId, String summary, String source) {
        jdbc.sql("update handover_ticket set summary = :summary, summary_source = :source, updated_at = :now where id = :id")
                .param("summary", summary).param("source", source).param("now", OffsetDateTime.now(clock))
                .param("id", ticketId).update();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static RowMapper<Ticket> mapper() {
        return (rs, n) -> new Ticket(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("conversation_id", UUID.class), rs.getObject("lead_id", UUID.class),
                rs.getObject("stage_id", UUID.class), rs.getObject("contact_id", UUID.class),
                rs.getString("contact_name"), rs.getString("channel_kind"), rs.getString("language"),
                rs.getString("status"), rs.getString("category"),
                Arrays.stream(rs.getString("reasons").split(",")).filter(s -> !s.isBlank()).toList(),
                rs.getString("evidence").isEmpty() ? List.of() : List.of(rs.getString("evidence").split(EVIDENCE_SEPARATOR)),
                rs.getString("priority"), rs.getObject("assignee_id", UUID.class), rs.getString("assigned_group"),
                rs.getBoolean("unread"), instant(rs, "sla_due_at"), rs.getString("summary"),
                rs.getString("summary_source"), instant(rs, "first_reply_at"), instant(rs, "closed_at"),
                instant(rs, "created_at"));
    }
}
