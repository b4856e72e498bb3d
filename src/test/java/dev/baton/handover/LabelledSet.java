package dev.baton.handover;

import dev.baton.handover.Situation.AgentSignals;
import dev.baton.handover.Situation.ContactFacts;
import dev.baton.handover.Situation.Turn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code handover/labelled-set.jsonl}: conversations we wrote, each with the reasons a person would hand over for. */
public final class LabelledSet {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private LabelledSet() {
    }

    public record Item(String id, String language, Situation situation, Set<HandoverReason> expected) {
    }

    public static List<Item> load() {
        return load("/handover/labelled-set.jsonl");
    }

    /** {@code /handover/held-out-set.jsonl}: written after the rules, never used to change them. */
    public static List<Item> heldOut() {
        return load("/handover/held-out-set.jsonl");
    }

    /** {@code /handover/fresh-set.jsonl}: requests for a person and near misses, written after the last rule change. */
    public static List<Item> fresh() {
        return load("/handover/fresh-set.jsonl");
    }

    private static List<Item> load(String resource) {
        try (InputStream in = LabelledSet.class.getResourceAsStream(resource)) {
            List<Item> items = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    items.add(item(JSON.readTree(line)));
                }
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Item item(JsonNode node) {
        List<Turn> turns = new ArrayList<>();
        node.get("messages").forEach(turn -> turns.add(new Turn(turn.get("role").asString(), turn.get("text").asString())));
        ContactFacts contact = node.has("contact") ? JSON.treeToValue(node.get("contact"), ContactFacts.class) : null;
        AgentSignals agent = node.has("agent") ? JSON.treeToValue(node.get("agent"), AgentSignals.class) : null;
        String draft = node.has("draftReply") ? node.get("draftReply").asString() : null;
        Set<HandoverReason> expected = EnumSet.noneOf(HandoverReason.class);
        node.get("expected").forEach(reason -> expected.add(HandoverReason.valueOf(reason.asString())));
        return new Item(node.get("id").asString(), node.get("language").asString(),
                new Situation(turns, contact, agent, draft), expected);
    }
}
