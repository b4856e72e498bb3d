package dev.baton.catalog;

/** The store policies a shopper asks about, named as Shopify's {@code ShopPolicyType}. */
public enum PolicyType {
    REFUND_POLICY, SHIPPING_POLICY, PRIVACY_POLICY, TERMS_OF_SERVICE, CONTACT_INFORMATION
}
