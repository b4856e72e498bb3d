package dev.baton.channel;

/**
 * Who wrote, as the channel knows them. {@code externalId} is their id on the channel (the widget's visitor id, a
 * WhatsApp id, the host CRM's contact id) and is where replies go; {@code phone} and {@code email} may be null.
 * {@code verified} says the channel vouches for the phone and email (WhatsApp has checked the number; a host CRM
 * knows its contacts); only verified details link one person's conversations across channels.
 */
public record ContactDetails(String externalId, String name, String phone, String email, boolean verified) {
}
