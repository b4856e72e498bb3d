package dev.baton.shared.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * {@code baton.security.encryption-key}: base64 of 32 random bytes (e.g. {@code openssl rand -base64 32}), the same
 * on every node. When unset, a key is generated once into the data folder; that suits the embedded default, where
 * there is one node, and is refused with PostgreSQL, where several nodes must share the key.
 */
@ConfigurationProperties("baton.security")
record SecurityProperties(String encryptionKey, Path dataDir) {
}
