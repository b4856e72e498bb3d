package dev.baton.pipeline.internal;

import dev.baton.pipeline.Lead;

import java.util.List;

/** A page of leads, newest first, and how many match in all. */
public record LeadPage(List<Lead> leads, int page, int size, long total) {

    public LeadPage {
        leads = List.copyOf(leads);
    }
}
