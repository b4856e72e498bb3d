package dev.baton.manifest;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** plugin-manifest/manifest.json is what host CRMs read: it must keep to its own JSON Schema. */
class PluginManifestTests {

    private static final Path FOLDER = Path.of("plugin-manifest");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(read("manifest.schema.json"));

    @Test
    void manifestIsValidAgainstItsSchema() {
        List<Error> errors = schema.validate(read("manifest.json"));
        assertThat(errors).isEmpty();
    }

    @Test
    void theSchemaRejectsAManifestWithoutIdOrWithUnknownFields() {
        ObjectNode withoutId = (ObjectNode) read("manifest.json");
        withoutId.remove("id");
        ObjectNode unknownField = (ObjectNode) read("manifest.json");
        unknownField.put("colour", "blue");

        assertThat(schema.validate(withoutId)).isNotEmpty();
        assertThat(schema.validate(unknownField)).isNotEmpty();
    }

    @Test
    void manifestDeclaresTheSettingsUiLocationsWebhooksAndScopesBatonNeeds() {
        JsonNode manifest = read("manifest.json");

        assertThat(manifest.get("supportedLocales").valueStream().map(JsonNode::asString))
                .contains("en", "es", "pt", "ru", "id", "pl");
        assertThat(manifest.get("settings").valueStream().map(setting -> setting.get("key").asString()))
                .contains("agent.defaultLanguage", "handover.transitionMessage", "handover.summaryEnabled",
                        "agent.channels", "agent.stages");
        assertThat(manifest.get("uiLocations").valueStream().map(location -> location.get("location").asString()))
                .contains("settingsPage", "pipelineStageTrigger", "leadCard", "playground");
        assertThat(manifest.get("webhooks").get("receives").valueStream().map(hook -> hook.get("path").asString()))
                .contains("/webhooks/shopify", "/webhooks/woocommerce/{integrationId}", "/webhooks/whatsapp/{channelId}",
                        "/api/v1/channels/{channelId}/messages");
        assertThat(manifest.get("storeScopes").get("shopify").valueStream().map(JsonNode::asString))
                .contains("read_products", "read_orders");
    }

    @Test
    void shopifyAppConfigurationSubscribesToTheComplianceTopics() throws Exception {
        String toml = Files.readString(FOLDER.resolve("shopify.app.toml"));
        assertThat(toml).contains("customers/data_request", "customers/redact", "shop/redact", "app/uninstalled",
                "products/update", "/shopify/callback");
    }

    @Test
    void theManifestAsksShopifyForExactlyTheScopesAndApiVersionBatonUses() throws Exception {
        String scopes = String.join(",", read("manifest.json").get("storeScopes").get("shopify").valueStream()
                .map(JsonNode::asString).toList());
        String source = Files.readString(Path.of("src/main/java/dev/baton/shopify/internal/ShopifyProperties.java"));
        String toml = Files.readString(FOLDER.resolve("shopify.app.toml"));

        assertThat(source).contains("@DefaultValue(\"" + scopes + "\") String scopes");
        assertThat(toml).contains("scopes = \"" + scopes + "\"");
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("@DefaultValue\\(\"(\\d{4}-\\d{2})\"\\) @NotBlank String apiVersion")
                .matcher(source);
        assertThat(version.find()).isTrue();
        assertThat(toml).contains("api_version = \"" + version.group(1) + "\"");
    }

    private static JsonNode read(String name) {
        try {
            return JSON.readTree(Files.readString(FOLDER.resolve(name)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
