package dev.baton.pipeline.web;

import dev.baton.pipeline.Lead;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** A lead as its card shows it: the name and when it came in, in the account's time zone. */
record LeadCard(UUID id, String name, String created, String createdIso) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    static LeadCard of(Lead lead, ZoneId zone) {
        return new LeadCard(lead.id(), lead.name(), SHOWN.format(lead.createdAt().atZone(zone)),
                lead.createdAt().toString());
    }
}
