package dev.baton.agent.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A trace is stored as JSON with its reply and read back whole for the playground page. */
class TraceTests {

    private final ObjectMapper json = JsonMapper.builder().build();

    @Test
    void aTraceReadBackFromItsJsonHasEverythingItHad() {
        UUID source = UUID.randomUUID();
        Trace trace = new Trace();
        trace.language(Language.EN);
        trace.intent(Intent.OTHER, 0.8123);
        trace.retrieved(source, "Refund policy", "FILE_IMPORT", 0.734);
        trace.tool("findProducts", Map.of("query", "trail runner"), "Ridgeline Trail Runner: $139.00");
        trace.guardrail("grounded");
        trace.handoverRule("HUMAN_REQUESTED: fired");
        trace.latency(42);

        Trace read = json.readValue(json.writeValueAsString(trace), Trace.class);

        assertThat(read.language()).isEqualTo("en");
        assertThat(read.intent()).isEqualTo("OTHER");
        assertThat(read.intentScore()).isEqualTo(0.812);
        assertThat(read.retrieved()).containsExactly(new Trace.Retrieved(source, "Refund policy", "FILE_IMPORT", 0.734));
        assertThat(read.tools()).containsExactly(new Trace.ToolCall("findProducts", Map.of("query", "trail runner"),
                "Ridgeline Trail Runner: $139.00"));
        assertThat(read.guardrails()).containsExactly("grounded");
        assertThat(read.handoverRules()).containsExactly("HUMAN_REQUESTED: fired");
        assertThat(read.model()).isEqualTo("offline");
        assertThat(read.latencyMs()).isEqualTo(42);
    }
}
