package dev.baton.shared.internal;

import dev.baton.shared.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

@Configuration(proxyBeanMethods = false)
class SecretBoxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretBoxConfiguration.class);

    @Bean
    SecretBox secretBox(SecurityProperties properties, @Value("${baton.knowledge.storage:embedded}") String storage) {
        byte[] key = StringUtils.hasText(properties.encryptionKey()) ? decode(properties.encryptionKey())
                : keyFile(properties.dataDir(), storage);
        return new AesGcmSecretBox(new SecretKeySpec(key, "AES"));
    }

    private static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("baton.security.encryption-key is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("baton.security.encryption-key must be 32 bytes (base64 of "
                    + "'openssl rand -base64 32'); it is " + key.length);
        }
        return key;
    }

    private static byte[] keyFile(Path dataDir, String storage) {
        if (!"embedded".equals(storage)) {
            throw new IllegalStateException("Set baton.security.encryption-key (BATON_SECURITY_ENCRYPTIONKEY): with "
                    + "PostgreSQL every node must encrypt store tokens with the same key. Make one with "
                    + "'openssl rand -base64 32'.");
        }
        Path file = dataDir.resolve("encryption.key");
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(dataDir);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the folder's own permissions apply
            }
            log.info("Generated the encryption key for stored secrets in {}", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }
}
