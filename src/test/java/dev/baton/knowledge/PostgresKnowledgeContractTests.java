package dev.baton.knowledge;

import dev.baton.TestStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The contract on PostgreSQL with pgvector: the real server, in a schema of its own. */
class PostgresKnowledgeContractTests extends KnowledgeContractTests {

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.postgres(registry, "contract");
    }
}
