package dev.baton;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tests on PostgreSQL start from an empty schema, so runs never see each other's rows. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "baton.test.clean-database", havingValue = "true")
class CleanDatabaseOnStart {

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
