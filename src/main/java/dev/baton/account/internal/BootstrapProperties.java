package dev.baton.account.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * First start: the first account's API key and admin password ({@code BATON_BOOTSTRAP_API_KEY},
 * {@code BATON_BOOTSTRAP_PASSWORD}; random when unset) and whether it gets the demo store.
 */
@ConfigurationProperties("baton.bootstrap")
record BootstrapProperties(String apiKey, String password, boolean demoStore) {
}
