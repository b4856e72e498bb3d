package dev.baton.shared;

/**
 * Encrypts secrets (store access tokens, API keys of other services) before they are stored, and decrypts them
 * when they are used. Encrypted values are self-describing text, safe to store in a varchar column.
 */
public interface SecretBox {

    String encrypt(String secret);

    String decrypt(String sealed);
}
