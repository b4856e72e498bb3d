package dev.baton.knowledge;

import dev.baton.TestStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The contract on the embedded default: H2 in file mode and a Lucene index on disk. */
class EmbeddedKnowledgeContractTests extends KnowledgeContractTests {

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
    }
}
