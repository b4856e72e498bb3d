package dev.baton.handover.internal;

import dev.baton.handover.HandoverReason;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One rule's switch and thresholds for an account: numbers, and for {@code VIP} the list of tags. */
public record RuleSetting(HandoverReason reason, boolean enabled, Map<String, Object> thresholds) {

    public RuleSetting {
        thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
    }

    double number(String key) {
        Object value = thresholds.get(key);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalStateException(reason + " has no number threshold " + key);
    }

    BigDecimal decimal(String key) {
        return new BigDecimal(String.valueOf(thresholds.get(key)));
    }

    @SuppressWarnings("unchecked")
    List<String> list(String key) {
        return (List<String>) thresholds.getOrDefault(key, List.of());
    }

    /** These settings with some thresholds replaced. */
    RuleSetting with(boolean enabled, Map<String, Object> changed) {
        Map<String, Object> merged = new LinkedHashMap<>(thresholds);
        merged.putAll(changed);
        return new RuleSetting(reason, enabled, merged);
    }
}
