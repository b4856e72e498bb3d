package dev.baton.woocommerce.internal;

import dev.baton.catalog.PolicyType;

import java.time.OffsetDateTime;

/**
 * One policy of a connected store: the owner's choice ({@code pickedPageId}, 0 for none; {@code byHand}) and what the
 * last look saw ({@code pageId}, 0 when no page was found; {@code checkedAt}, null before any look).
 */
public record PolicyState(PolicyType type, long pickedPageId, boolean byHand, long pageId, String pageTitle,
        String pageLink, OffsetDateTime checkedAt) {

    static PolicyState unchecked(PolicyType type) {
        return new PolicyState(type, 0, false, 0, "", "", null);
    }

    public PolicyStatus status() {
        if (byHand) {
            return PolicyStatus.MANUAL;
        }
        if (checkedAt == null) {
            return PolicyStatus.UNCHECKED;
        }
        if (pageId == 0) {
            return PolicyStatus.MISSING;
        }
        return pageId == pickedPageId ? PolicyStatus.PICKED : PolicyStatus.FOUND;
    }

    /** The policy's name as an owner reads it; also the title a policy written by hand starts with. */
    public String label() {
        return label(type);
    }

    public static String label(PolicyType type) {
        return switch (type) {
            case REFUND_POLICY -> "Refund and returns policy";
            case SHIPPING_POLICY -> "Shipping policy";
            case PRIVACY_POLICY -> "Privacy policy";
            case TERMS_OF_SERVICE -> "Terms and conditions";
            case CONTACT_INFORMATION -> "Contact information";
        };
    }
}
