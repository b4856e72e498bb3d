package dev.baton.conversation.internal;

import dev.baton.channel.ContactDetails;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds who wrote: by the channel's id for them first, then by a verified phone or email (so the same person on
 * WhatsApp and in a host CRM is one contact, and their context follows them), else a new contact.
 */
@Component
class ContactResolver {

    private final ContactRepository contacts;

    ContactResolver(ContactRepository contacts) {
        this.contacts = contacts;
    }

    static String channelKey(UUID channelId, String externalId) {
        return channelId + ":" + externalId;
    }

    static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() < 6 ? null : digits;
    }

    static String email(String email) {
        if (email == null || !email.contains("@")) {
            return null;
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** The contact the channel knows by this id, if any. */
    Optional<UUID> known(UUID accountId, UUID channelId, String externalId) {
        return contacts.findByIdentity(accountId, ContactRepository.CHANNEL, channelKey(channelId, externalId), false);
    }

    /** Within the caller's transaction. */
    UUID resolve(UUID accountId, UUID channelId, ContactDetails details) {
        String key = channelKey(channelId, details.externalId());
        String phone = phone(details.phone());
        String email = email(details.email());
        Optional<UUID> known = contacts.findByIdentity(accountId, ContactRepository.CHANNEL, key, false);
        if (known.isPresent()) {
            remember(accountId, known.get(), details, phone, email);
            return known.get();
        }
        Optional<UUID> linked = Optional.empty();
        if (details.verified()) {
            linked = Optional.ofNullable(phone)
                    .flatMap(value -> contacts.findByIdentity(accountId, ContactRepository.PHONE, value, true))
                    .or(() -> Optional.ofNullable(email)
                            .flatMap(value -> contacts.findByIdentity(accountId, ContactRepository.EMAIL, value, true)));
        }
        UUID contactId = linked.orElseGet(() -> contacts.create(accountId, details.name()));
        if (!contacts.addIdentity(accountId, contactId, ContactRepository.CHANNEL, key, true)) {
            // Another request from the same person was faster: theirs is the contact.
            if (linked.isEmpty()) {
                contacts.delete(accountId, contactId);
            }
            contactId = contacts.findByIdentity(accountId, ContactRepository.CHANNEL, key, false).orElseThrow();
        }
        remember(accountId, contactId, details, phone, email);
        return contactId;
    }

    private void remember(UUID accountId, UUID contactId, ContactDetails details, String phone, String email) {
        if (details.name() != null) {
            contacts.rename(accountId, contactId, details.name());
        }
        if (phone != null) {
            identity(accountId, contactId, ContactRepository.PHONE, phone, details.verified());
        }
        if (email != null) {
            identity(accountId, contactId, ContactRepository.EMAIL, email, details.verified());
        }
    }

    private void identity(UUID accountId, UUID contactId, String kind, String value, boolean verified) {
        if (!contacts.addIdentity(accountId, contactId, kind, value, verified) && verified) {
            contacts.claimUnverified(accountId, contactId, kind, value);
        }
    }
}
