package dev.baton.conversation.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Contacts and their identities: a channel's id for them, and their phone and email (verified or not). */
@Repository
class ContactRepository {

    static final String CHANNEL = "CHANNEL";
    static final String PHONE = "PHONE";
    static final String EMAIL = "EMAIL";

    private final JdbcClient jdbc;
    private final Clock clock;

    ContactRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<UUID> findByIdentity(UUID accountId, String kind, String value, boolean verifiedOnly) {
        return jdbc.sql("select contact_id from contact_identity where account_id = :account and kind = :kind "
                        + "and identity_value = :value" + (verifiedOnly ? " and verified = true" : ""))
                .param("account", accountId).param("kind", kind).param("value", value).query(UUID.class).optional();
    }

    UUID create(UUID accountId, String name) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("insert into contact (id, account_id, name, created_at, updated_at) values (:id, :account, :name, :now, :now)")
                .param("id", id).param("account", accountId).param("name", name).param("now", now).update();
        return id;
    }

    void delete(UUID accountId, UUID id) {
        jdbc.sql("delete from contact where account_id = :account and id = :id").param("account", accountId)
                .param("id", id).update();
    }

    /** Adds the identity; false when it already belongs to a contact. */
    boolean addIdentity(UUID accountId, UUID contactId, String kind, String value, boolean verified) {
        return jdbc.sql("""
                insert into contact_identity (id, account_id, contact_id, kind, identity_value, verified, created_at)
                values (:id, :account, :contact, :kind, :value, :verified, :now)
                on conflict do nothing""")
                .param("id", UUID.randomUUID()).param("account", accountId).param("contact", contactId)
                .param("kind", kind).param("value", value).param("verified", verified)
                .param("now", OffsetDateTime.now(clock)).update() > 0;
    }

    /** A verified phone or email outranks a claim nobody checked: the unverified identity moves to this contact. */
    void claimUnverified(UUID accountId, UUID contactId, String kind, String value) {
        jdbc.sql("""
                update contact_identity set contact_id = :contact, verified = true
                where account_id = :account and kind = :kind and identity_value = :value and verified = false""")
                .param("contact", contactId).param("account", accountId).param("kind", kind).param("value", value)
                .update();
    }

    /** The contact's verified email and phone (digits), when known. */
    ContactPoints verifiedPoints(UUID accountId, UUID contactId) {
        List<String[]> rows = jdbc.sql("""
                select kind, identity_value from contact_identity
                where account_id = :account and contact_id = :contact and verified and kind in ('EMAIL', 'PHONE')
                order by created_at""")
                .param("account", accountId).param("contact", contactId)
                .query((rs, n) -> new String[] { rs.getString("kind"), rs.getString("identity_value") }).list();
        String email = rows.stream().filter(r -> r[0].equals("EMAIL")).map(r -> r[1]).findFirst().orElse(null);
        String phone = rows.stream().filter(r -> r[0].equals("PHONE")).map(r -> r[1]).findFirst().orElse(null);
        return new ContactPoints(email, phone);
    }

    record ContactPoints(String email, String phone) {
    }

    void rename(UUID accountId, UUID contactId, String name) {
        jdbc.sql("update contact set name = :name, updated_at = :now where account_id = :account and id = :id and name is null")
                .param("name", name).param("now", OffsetDateTime.now(clock)).param("account", accountId)
                .param("id", contactId).update();
    }
}
