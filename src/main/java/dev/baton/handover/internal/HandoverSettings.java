package dev.baton.handover.internal;

import dev.baton.handover.HandoverReason;
import dev.baton.shared.BatonException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An account's rule settings: what it changed, over the defaults of {@code baton.handover.*}. Only the thresholds a
 * rule has can be changed, with a value of the same kind (a non-negative number, or a list of tags for VIP).
 */
@Service
public class HandoverSettings implements RuleBooks {

    private final RuleSettingRepository repository;
    private final HandoverProperties properties;

    HandoverSettings(RuleSettingRepository repository, HandoverProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    @Override
    @Transactional(readOnly = true)
    public RuleBook forAccount(UUID accountId) {
        Map<HandoverReason, RuleSetting> settings = new EnumMap<>(properties.ruleBook().settings());
        for (RuleSettingRepository.StoredRule stored : repository.find(accountId)) {
            settings.computeIfPresent(stored.reason(), (reason, defaults) ->
                    defaults.with(stored.enabled(), known(defaults, stored.thresholds())));
        }
        return new RuleBook(settings);
    }

    /** A change to one rule: null {@code enabled} keeps the switch; thresholds not named keep their values. */
    public record RuleChange(HandoverReason reason, Boolean enabled, Map<String, Object> thresholds) {
    }

    /** Applies all the changes or, if one is invalid, none. */
    @Transactional
    public RuleBook change(UUID accountId, List<RuleChange> changes) {
        for (RuleChange change : changes) {
            change(accountId, change.reason(), change.enabled(), change.thresholds());
        }
        return forAccount(accountId);
    }

    private void change(UUID accountId, HandoverReason reason, Boolean enabled, Map<String, Object> thresholds) {
        RuleSetting current = forAccount(accountId).of(reason);
        Map<String, Object> changed = validated(current, thresholds == null ? Map.of() : thresholds);
        RuleSetting next = current.with(enabled == null ? current.enabled() : enabled, changed);
        Map<String, Object> differing = new LinkedHashMap<>();
        RuleSetting defaults = properties.ruleBook().of(reason);
        next.thresholds().forEach((key, value) -> {
            if (!same(value, defaults.thresholds().get(key))) {
                differing.put(key, value);
            }
        });
        repository.save(accountId, new RuleSettingRepository.StoredRule(reason, next.enabled(), differing));
    }

    /** The threshold every reason with a trained classifier has: the probability from which it hands over. */
    static final String CLASSIFIER = "classifier";

    private static Map<String, Object> validated(RuleSetting current, Map<String, Object> thresholds) {
        Map<String, Object> valid = new LinkedHashMap<>();
        thresholds.forEach((key, value) -> {
            Object existing = current.thresholds().get(key);
            if (existing == null) {
                throw BatonException.badRequest(current.reason() + " has no threshold \"" + key + "\"; it has "
                        + (current.thresholds().isEmpty() ? "none" : String.join(", ", current.thresholds().keySet())) + ".");
            }
            if (existing instanceof List<?>) {
                if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof String))) {
                    throw BatonException.badRequest(current.reason() + "." + key + " must be a list of texts.");
                }
                valid.put(key, List.copyOf(list));
            } else if (CLASSIFIER.equals(key) && !(value instanceof Number probability
                    && probability.doubleValue() >= 0 && probability.doubleValue() <= 1)) {
                throw BatonException.badRequest(current.reason() + "." + key + " is a probability: a number from 0 to "
                        + "1 (1 leaves this reason to the rules).");
            } else if (value instanceof Number number && number.doubleValue() >= 0) {
                valid.put(key, number);
            } else {
                throw BatonException.badRequest(current.reason() + "." + key + " must be a number of 0 or more.");
            }
        });
        return valid;
    }

    /** Stored thresholds a newer version no longer has are ignored, not failed on. */
    private static Map<String, Object> known(RuleSetting defaults, Map<String, Object> stored) {
        Map<String, Object> known = new LinkedHashMap<>(stored);
        known.keySet().retainAll(defaults.thresholds().keySet());
        return known;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return a.equals(b);
    }
}
