package dev.baton.handover.internal;

import dev.baton.handover.HandoverReason;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every rule's settings for one account. */
public record RuleBook(Map<HandoverReason, RuleSetting> settings) {

    public RuleBook {
        settings = Map.copyOf(new EnumMap<>(settings));
    }

    public RuleSetting of(HandoverReason reason) {
        return settings.get(reason);
    }

    public List<RuleSetting> inOrder() {
        return List.of(HandoverReason.values()).stream().map(settings::get).toList();
    }
}
