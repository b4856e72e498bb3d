package dev.baton.channel;

import dev.baton.TestStorage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A REST channel's callback URL may not point at Baton's own network (loopback, private, link-local, cloud
 * metadata), in any spelling, when the channel is created or changed; an address on the internet is taken. Baton's
 * default configuration: nothing here allows private hosts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChannelAddressTests {

    static final String API_KEY = "channel-address-test-key";
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.api-key", () -> API_KEY);
    }

    @LocalServerPort
    int port;

    @Test
    void aCallbackOnAPrivateOrLocalAddressIsRefusedWithAProblemAndNoChannelIsMade() {
        int n = 0;
        for (String url : new String[] {"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]/hook",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/hook", "http://2130706433/hook"}) {
            ResponseEntity<Map<String, Object>> answer = create("private-" + n++, url);

            assertThat(answer.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat((String) answer.getBody().get("detail")).as(url).contains("private or local address");
        }
        assertThat(api().get().uri("/api/v1/channels").retrieve().body(String.class)).doesNotContain("private-");
    }

    @Test
    void aCallbackMovedToAPrivateAddressIsRefusedAndTheOldOneKept() {
        assertThat(create("moving", "https://93.184.216.34/baton/replies").getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map<String, Object>> moved = api().patch().uri("/api/v1/channels/moving")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("callbackUrl", "http://169.254.169.254/"))
                .retrieve().toEntity(OBJECT);

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api().get().uri("/api/v1/channels/moving").retrieve().body(String.class))
                .contains("https://93.184.216.34/baton/replies");
    }

    private ResponseEntity<Map<String, Object>> create(String slug, String callbackUrl) {
        return api().post().uri("/api/v1/channels").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", slug, "kind", "REST", "agentEnabled", true, "callbackUrl", callbackUrl))
                .retrieve().toEntity(OBJECT);
    }

    private RestClient api() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + API_KEY)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }
}
