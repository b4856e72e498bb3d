package dev.baton;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Module boundaries: no cycles, and no module reaching into another's internals (anything below its root package).
 * Also writes the module diagrams into target/spring-modulith-docs.
 */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(BatonApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theModulesAreTheOnesTheArchitectureNames() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder("account", "agent", "analytics", "catalog", "channel", "conversation", "fileimport", "handover", "inbox",
                        "knowledge", "pipeline", "shared", "shopify", "woocommerce");
    }

    /** Analytics only listens: a module that called it would make reporting part of its own work. */
    @Test
    void noModuleDependsOnAnalytics() {
        assertThat(modules.stream().filter(module -> !module.getIdentifier().toString().equals("analytics"))
                .filter(module -> module.getDirectDependencies(modules).containsModuleNamed("analytics"))
                .map(module -> module.getIdentifier().toString())).isEmpty();
    }

    @Test
    void writeModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
