package dev.baton.handover.internal;

import dev.baton.handover.Decision.Evidence;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.Situation.ContactFacts;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A VIP by the store's data: lifetime spend or order count at the thresholds, or a VIP tag. */
@Component
class VipRule implements TriggerRule {

    @Override
    public HandoverReason reason() {
        return HandoverReason.VIP;
    }

    @Override
    public List<Evidence> check(ConversationSoFar conversation, RuleSetting setting) {
        ContactFacts contact = conversation.situation().contact();
        List<Evidence> evidence = new ArrayList<>();
        BigDecimal spendLimit = setting.decimal("lifetimeSpend");
        if (contact.lifetimeSpend() != null && contact.lifetimeSpend().compareTo(spendLimit) >= 0) {
            evidence.add(new Evidence(reason(), "lifetime spend",
                    contact.lifetimeSpend().toPlainString() + " >= " + spendLimit.toPlainString()));
        }
        int orderLimit = (int) setting.number("orderCount");
        if (contact.orderCount() != null && contact.orderCount() >= orderLimit) {
            evidence.add(new Evidence(reason(), "order count", contact.orderCount() + " >= " + orderLimit));
        }
        List<String> vipTags = setting.list("tags").stream().map(tag -> tag.toLowerCase(Locale.ROOT)).toList();
        contact.tags().stream()
                .filter(tag -> tag != null && vipTags.contains(tag.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .ifPresent(tag -> evidence.add(new Evidence(reason(), "tag", "tagged \"" + tag + "\"")));
        return evidence;
    }
}
