package dev.baton.channel.internal;

import dev.baton.channel.Channel;
import dev.baton.channel.ChannelKind;
import dev.baton.shared.SecretBox;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Channels, with their settings ({@code config}, plain JSON) and secrets (encrypted JSON: never stored in clear).
 * Every query names the account, except the lookups by a webhook's channel id or a widget's public key, which is
 * how an unauthenticated request finds its account.
 */
@Repository
public class ChannelRepository {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, account_id, slug, kind, name, agent_enabled, public_key, config, secrets";

    private final JdbcClient jdbc;
    private final SecretBox secretBox;
    private final ObjectMapper json;
    private final Clock clock;

    ChannelRepository(JdbcClient jdbc, SecretBox secretBox, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.secretBox = secretBox;
        this.json = json;
        this.clock = clock;
    }

    /** A channel with its settings and secrets, for the adapters that talk to it. */
    public record StoredChannel(Channel channel, Map<String, String> config, Map<String, String> secrets) {

        public String config(String key) {
            return config.get(key);
        }

        public String secret(String key) {
            return secrets.get(key);
        }
    }

    void insert(UUID id, UUID accountId, String slug, ChannelKind kind, String name, boolean agentEnabled,
            String publicKey, Map<String, String> config, Map<String, String> secrets) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into channel (id, account_id, slug, kind, name, agent_enabled, public_key, config, secrets,
                    created_at, updated_at)
                values (:id, :account, :slug, :kind, :name, :enabled, :key, :config, :secrets, :now, :now)""")
                .param("id", id).param("account", accountId).param("slug", slug).param("kind", kind.name())
                .param("name", name).param("enabled", agentEnabled).param("key", publicKey)
                .param("config", json.writeValueAsString(config)).param("secrets", seal(secrets))
                .param("now", now).update();
    }

    void update(UUID accountId, UUID id, String name, Map<String, String> config, Map<String, String> secrets) {
        jdbc.sql("""
                update channel set name = :name, config = :config, secrets = :secrets, updated_at = :now
                where account_id = :account and id = :id""")
                .param("name", name).param("config", json.writeValueAsString(config)).param("secrets", seal(secrets))
                .param("now", OffsetDateTime.now(clock)).param("account", accountId).param("id", id).update();
    }

    boolean setAgentEnabled(UUID accountId, UUID id, boolean enabled) {
        return jdbc.sql("""
                update channel set agent_enabled = :enabled, updated_at = :now where account_id = :account and id = :id""")
                .param("enabled", enabled).param("now", OffsetDateTime.now(clock)).param("account", accountId)
                .param("id", id).update() > 0;
    }

    boolean delete(UUID accountId, UUID id) {
        return jdbc.sql("delete from channel where account_id = :account and id = :id")
                .param("account", accountId).param("id", id).update() > 0;
    }

    List<StoredChannel> list(UUID accountId) {
        return jdbc.sql("select " + COLUMNS + " from channel where account_id = :account order by created_at, slug")
                .param("account", accountId).query(mapper()).list();
    }

    public Optional<StoredChannel> find(UUID accountId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from channel where account_id = :account and id = :id")
                .param("account", accountId).param("id", id).query(mapper()).optional();
    }

    public Optional<StoredChannel> findBySlug(UUID accountId, String slug) {
        return jdbc.sql("select " + COLUMNS + " from channel where account_id = :account and slug = :slug")
                .param("account", accountId).param("slug", slug).query(mapper()).optional();
    }

    /** A webhook's channel, by the id in its URL: the request is not signed in, its signature is checked next. */
    public Optional<StoredChannel> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from channel where id = :id")
                .param("id", id).query(mapper()).optional();
    }

    /** The web chat channel whose widget key this is. */
    public Optional<StoredChannel> findByPublicKey(String publicKey) {
        return jdbc.sql("select " + COLUMNS + " from channel where public_key = :key")
                .param("key", publicKey).query(mapper()).optional();
    }

    private String seal(Map<String, String> secrets) {
        return secrets == null || secrets.isEmpty() ? null : secretBox.encrypt(json.writeValueAsString(secrets));
    }

    private RowMapper<StoredChannel> mapper() {
        return (rs, n) -> {
            Channel channel = new Channel(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                    rs.getString("slug"), ChannelKind.valueOf(rs.getString("kind")), rs.getString("name"),
                    rs.getBoolean("agent_enabled"), rs.getString("public_key"));
            Map<String, String> config = new TreeMap<>(json.readValue(rs.getString("config"), MAP));
            String sealed = rs.getString("secrets");
            Map<String, String> secrets = sealed == null ? Map.of()
                    : new TreeMap<>(json.readValue(secretBox.decrypt(sealed), MAP));
            return new StoredChannel(channel, config, secrets);
        };
    }
}
