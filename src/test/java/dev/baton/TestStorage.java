package dev.baton;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points a test application at fresh storage: a new data folder for the embedded default, or a schema of its own
 * (emptied first) in the real PostgreSQL that scripts/setup-postgres.sh starts.
 */
public final class TestStorage {

    public static final String POSTGRES_URL = System.getProperty("baton.test.postgres.url",
            "jdbc:postgresql://localhost:5432/baton_test");

    private TestStorage() {
    }

    public static void embedded(DynamicPropertyRegistry registry) {
        register(registry, embedded());
    }

    public static void postgres(DynamicPropertyRegistry registry, String schema) {
        register(registry, postgres(schema, true));
    }

    /** A new data folder; no demo store unless a test asks for it. */
    public static Map<String, Object> embedded() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("baton.data-dir", newDataDir().toString());
        properties.put("baton.bootstrap.demo-store", "false");
        return properties;
    }

    /** {@code clean}: empty the schema first; a test that restarts Baton on the same data passes false the second time. */
    public static Map<String, Object> postgres(String schema, boolean clean) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("baton.knowledge.storage", "postgres");
        // The schema first (Flyway's default and where the tables go); public for the pgvector type.
        properties.put("spring.datasource.url", POSTGRES_URL + "?currentSchema=" + schema + ",public");
        properties.put("spring.datasource.username", "baton");
        properties.put("spring.datasource.password", "baton");
        properties.put("spring.flyway.locations", "classpath:db/migration/common,classpath:db/migration/postgresql");
        properties.put("spring.flyway.schemas", schema);
        properties.put("spring.flyway.clean-disabled", "false");
        // JobRunr looks for its tables in every schema; naming the schema keeps each test's own.
        properties.put("jobrunr.database.table-prefix", schema + ".");
        properties.put("baton.test.clean-database", String.valueOf(clean));
        properties.put("baton.bootstrap.demo-store", "false");
        properties.put("baton.data-dir", newDataDir().toString());
        properties.put("baton.security.encryption-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        return properties;
    }

    public static Path newDataDir() {
        try {
            return Files.createTempDirectory("baton-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void register(DynamicPropertyRegistry registry, Map<String, Object> properties) {
        properties.forEach((name, value) -> registry.add(name, () -> value));
    }
}
