package dev.baton.conversation.internal;

import dev.baton.shared.ProductCard;
import dev.baton.conversation.ConversationStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Conversations and their transcripts; every query names the account or a conversation found through it. */
@Repository
public class ConversationRepository {

    private static final String CONVERSATION = """
            select c.id, c.account_id, c.contact_id, k.name as contact_name, c.channel_id, c.lead_id, c.status,
                c.recipient, c.agent_conversation_id, c.created_at, c.closed_at, c.handed_over_at
            from conversation c join contact k on k.id = c.contact_id""";
    private static final String MESSAGE = """
            select id, seq, conversation_id, role, text, status, note, in_reply_to, created_at, cards from conversation_message""";

    private final JdbcClient jdbc;
    private final Clock clock;

    ConversationRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String openKey(UUID contactId, UUID channelId) {
        return contactId + ":" + channelId;
    }

    Optional<ConversationRow> findOpen(UUID contactId, UUID channelId) {
        return jdbc.sql(CONVERSATION + " where c.open_key = :key").param("key", openKey(contactId, channelId))
                .query(conversationMapper()).optional();
    }

    /** Creates the contact's open conversation on the channel; false when another request just created it. */
    boolean insertOpen(UUID id, UUID accountId, UUID contactId, UUID channelId, String recipient) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                insert into conversation (id, account_id, contact_id, channel_id, status, open_key, recipient,
                    created_at, updated_at)
                values (:id, :account, :contact, :channel, 'OPEN', :key, :recipient, :now, :now)
                on conflict do nothing""")
                .param("id", id).param("account", accountId).param("contact", contactId).param("channel", channelId)
                .param("key", openKey(contactId, channelId)).param("recipient", recipient).param("now", now)
                .update() > 0;
    }

    void setLead(UUID id, UUID leadId) {
        jdbc.sql("update conversation set lead_id = :lead where id = :id").param("lead", leadId).param("id", id).update();
    }

    public Optional<ConversationRow> find(UUID accountId, UUID id) {
        return jdbc.sql(CONVERSATION + " where c.account_id = :account and c.id = :id")
                .param("account", accountId).param("id", id).query(conversationMapper()).optional();
    }

    /**
     * The conversation, its row locked until the transaction ends, or empty when another node holds it: that node
     * answers every pending message before it lets go.
     */
    Optional<ConversationRow> tryLock(UUID id) {
        return jdbc.sql("select id from conversation where id = :id for update skip locked")
                .param("id", id).query(UUID.class).optional()
                .flatMap(locked -> jdbc.sql(CONVERSATION + " where c.id = :id").param("id", id)
                        .query(conversationMapper()).optional());
    }

    /** The conversation, its row locked: waits for a turn in progress to end. */
    Optional<ConversationRow> lock(UUID accountId, UUID id) {
        return jdbc.sql("select id from conversation where account_id = :account and id = :id for update")
                .param("account", accountId).param("id", id).query(UUID.class).optional()
                .flatMap(locked -> find(accountId, id));
    }

    void updateStatus(UUID id, ConversationStatus status) {
        jdbc.sql("""
                update conversation set status = :status, updated_at = :now,
                    open_key = case when :status = 'CLOSED' then null else open_key end,
                    closed_at = case when :status = 'CLOSED' then :now else closed_at end,
                    handed_over_at = case when :status = 'HANDED_OVER' then coalesce(handed_over_at, :now)
                        else handed_over_at end
                where id = :id""")
                .param("status", status.name()).param("now", OffsetDateTime.now(clock)).param("id", id).update();
    }

    void startAgent(UUID id, UUID agentConversationId) {
        jdbc.sql("update conversation set status = 'AI_ACTIVE', agent_conversation_id = :agent, updated_at = :now where id = :id")
                .param("agent", agentConversationId).param("now", OffsetDateTime.now(clock)).param("id", id).update();
    }

    /** When the contact's last conversation on the channel before this one was closed. */
    Optional<Instant> previousClosedAt(UUID accountId, UUID contactId, UUID channelId, UUID except) {
        return jdbc.sql("""
                select max(closed_at) from conversation where account_id = :account and contact_id = :contact
                and channel_id = :channel and id <> :except and closed_at is not null""")
                .param("account", accountId).param("contact", contactId).param("channel", channelId)
                .param("except", except).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    List<ConversationRow> byLead(UUID accountId, UUID leadId) {
        return jdbc.sql(CONVERSATION + " where c.account_id = :account and c.lead_id = :lead order by c.created_at desc")
                .param("account", accountId).param("lead", leadId).query(conversationMapper()).list();
    }

    /** Conversations with a message that has waited longer than it should: their node stopped before answering. */
    List<UUID> withPendingSince(Instant before, int limit) {
        return jdbc.sql("""
                select distinct conversation_id from conversation_message
                where status = 'PENDING' and role = 'SHOPPER' and created_at < :before limit :limit""")
                .param("before", OffsetDateTime.ofInstant(before, clock.getZone())).param("limit", limit)
                .query(UUID.class).list();
    }

    // --- messages ---------------------------------------------------------------------------------------------

    Optional<MessageRow> findByExternalId(UUID channelId, String externalId) {
        return jdbc.sql(MESSAGE + " where channel_id = :channel and external_id = :external")
                .param("channel", channelId).param("external", externalId).query(messageMapper()).optional();
    }

    /** Stores the shopper's message, pending; false when this channel message id was stored before. */
    boolean insertIncoming(UUID id, UUID accountId, UUID conversationId, UUID channelId, String externalId, String text,
            String note) {
        return jdbc.sql("""
                insert into conversation_message (id, account_id, conversation_id, role, text, channel_id, external_id,
                    status, note, created_at)
                values (:id, :account, :conversation, 'SHOPPER', :text, :channel, :external, 'PENDING', :note, :now)
                on conflict do nothing""")
                .param("id", id).param("account", accountId).param("conversation", conversationId)
                .param("text", text).param("channel", channelId).param("external", externalId).param("note", note)
                .param("now", OffsetDateTime.now(clock)).update() > 0;
    }

    UUID insert(UUID accountId, UUID conversationId, String role, String text, String status, String note, UUID authorId) {
        return insert(accountId, conversationId, role, text, status, note, authorId, null);
    }

    /** A message to the shopper or a note; {@code inReplyTo}: the shopper's message an agent reply answers. */
    UUID insert(UUID accountId, UUID conversationId, String role, String text, String status, String note, UUID authorId,
            UUID inReplyTo) {
        return insert(accountId, conversationId, role, text, status, note, authorId, inReplyTo, List.of());
    }

    /** An agent reply with the product cards it shows. */
    UUID insert(UUID accountId, UUID conversationId, String role, String text, String status, String note, UUID authorId,
            UUID inReplyTo, List<ProductCard> cards) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into conversation_message (id, account_id, conversation_id, role, text, status, note, author_id,
                    in_reply_to, cards, created_at)
                values (:id, :account, :conversation, :role, :text, :status, :note, :author, :reply, :cards, :now)""")
                .param("id", id).param("account", accountId).param("conversation", conversationId).param("role", role)
                .param("text", text).param("status", status).param("note", clip(note)).param("author", authorId)
                .param("reply", inReplyTo).param("cards", ProductCard.toJson(cards))
                .param("now", OffsetDateTime.now(clock)).update();
        return id;
    }

    /** The oldest message still waiting for an answer. */
    Optional<MessageRow> oldestPending(UUID conversationId) {
        return jdbc.sql(MESSAGE + " where conversation_id = :conversation and role = 'SHOPPER' and status = 'PENDING' "
                        + "order by seq limit 1")
                .param("conversation", conversationId).query(messageMapper()).optional();
    }

    boolean hasPending(UUID conversationId) {
        return oldestPending(conversationId).isPresent();
    }

    void markHandled(UUID messageId, String status, String note) {
        jdbc.sql("update conversation_message set status = :status, note = coalesce(:note, note) where id = :id")
                .param("status", status).param("note", clip(note)).param("id", messageId).update();
    }

    /** A delivery status reported by the channel, on a message to the shopper. */
    void deliveryStatus(UUID accountId, UUID messageId, String status, String note) {
        jdbc.sql("""
                update conversation_message set status = :status, note = :note
                where account_id = :account and id = :id and role <> 'SHOPPER'""")
                .param("status", status).param("note", clip(note)).param("account", accountId).param("id", messageId)
                .update();
    }

    List<MessageRow> messages(UUID conversationId, long afterSeq, int limit) {
        return jdbc.sql(MESSAGE + " where conversation_id = :conversation and seq > :after order by seq limit :limit")
                .param("conversation", conversationId).param("after", afterSeq).param("limit", limit)
                .query(messageMapper()).list();
    }

    long lastSeq(UUID accountId, java.util.Collection<UUID> conversationIds) {
        if (conversationIds.isEmpty()) {
            return 0;
        }
        Long seq = jdbc.sql("""
                select max(seq) from conversation_message where account_id = :account
                and conversation_id in (:conversations)""")
                .param("account", accountId).param("conversations", List.copyOf(conversationIds))
                .query(Long.class).optional().orElse(null);
        return seq == null ? 0 : seq;
    }

    /** Whether the contact has a conversation handed to the team, not closed, on another channel. */
    boolean handedOverElsewhere(UUID accountId, UUID contactId, UUID channelId) {
        return jdbc.sql("""
                select count(*) from conversation where account_id = :account and contact_id = :contact
                and channel_id <> :channel and status = 'HANDED_OVER'""")
                .param("account", accountId).param("contact", contactId).param("channel", channelId)
                .query(Long.class).single() > 0;
    }

    /** What a contact saw on a channel, across its conversations there: no team notes. */
    List<MessageRow> seenBy(UUID accountId, UUID contactId, UUID channelId, long afterSeq, int limit) {
        return jdbc.sql("""
                select m.id, m.seq, m.conversation_id, m.role, m.text, m.status, m.note, m.in_reply_to, m.created_at, m.cards
                from conversation_message m join conversation c on c.id = m.conversation_id
                where c.account_id = :account and c.contact_id = :contact and c.channel_id = :channel
                and m.seq > :after and m.status <> 'NOTE' order by m.seq limit :limit""")
                .param("account", accountId).param("contact", contactId).param("channel", channelId)
                .param("after", afterSeq).param("limit", limit).query(messageMapper()).list();
    }

    private static String clip(String note) {
        return note == null || note.length() <= 1000 ? note : note.substring(0, 1000);
    }

    private static RowMapper<ConversationRow> conversationMapper() {
        return (rs, n) -> new ConversationRow(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("contact_id", UUID.class), rs.getString("contact_name"),
                rs.getObject("channel_id", UUID.class), rs.getObject("lead_id", UUID.class),
                ConversationStatus.valueOf(rs.getString("status")), rs.getString("recipient"),
                rs.getObject("agent_conversation_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                instant(rs, "closed_at"), instant(rs, "handed_over_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static RowMapper<MessageRow> messageMapper() {
        return (rs, n) -> new MessageRow(rs.getObject("id", UUID.class), rs.getLong("seq"),
                rs.getObject("conversation_id", UUID.class), rs.getString("role"), rs.getString("text"),
                rs.getString("status"), rs.getString("note"), rs.getObject("in_reply_to", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), ProductCard.fromJson(rs.getString("cards")));
    }
}
