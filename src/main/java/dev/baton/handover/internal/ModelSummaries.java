package dev.baton.handover.internal;

import dev.baton.handover.ConversationHandedOver;
import dev.baton.handover.SummaryWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * After a handover commits, a configured chat model rewrites the summary (the extractive one stays when there is no
 * model or it fails) and the lead gets it as a note. Runs from the event publication registry: a node that stops
 * before it finished leaves the event to be republished.
 */
@Component
class ModelSummaries {

    private static final Logger log = LoggerFactory.getLogger(ModelSummaries.class);

    static final String INSTRUCTIONS = """
            You summarise a shop's chat for the sales manager who takes it over from the AI agent, so the shopper never
            repeats their story. Use only what the conversation and the tool results below say; never invent facts.
            Write in English, plain text, at most 8 short lines, with these labels:
            Wants: what the shopper wants, in one sentence.
            Key facts: products, order numbers, amounts, contact details mentioned.
            Agent answered: what the agent already told them and looked up.
            Reason: why it was handed over (the reason codes and evidence given).
            Sentiment: how the shopper feels and whether it got worse.
            Suggested next step: what the manager should do first.""";

    private final TicketRepository tickets;
    private final HandoverService handovers;
    private final ObjectProvider<SummaryWriter> writers;
    private final dev.baton.pipeline.Leads leads;

    ModelSummaries(TicketRepository tickets, HandoverService handovers, ObjectProvider<SummaryWriter> writers,
            dev.baton.pipeline.Leads leads) {
        this.tickets = tickets;
        this.handovers = handovers;
        this.writers = writers;
        this.leads = leads;
    }

    @ApplicationModuleListener
    void on(ConversationHandedOver event) {
        SummaryWriter writer = writers.getIfAvailable();
        if (writer == null || !writer.available() || !handovers.preferences(event.accountId()).summaryEnabled()) {
            return;
        }
        Optional<String> material = tickets.material(event.accountId(), event.ticketId());
        if (material.isEmpty()) {
            log.warn("Ticket {} of a handover is not there; no summary to write", event.ticketId());
            return;
        }
        Optional<String> written;
        try {
            written = writer.write(event.accountId(), INSTRUCTIONS, material.get());
        } catch (RuntimeException e) {
            log.warn("The chat model could not summarise ticket {}; the extractive summary stays: {}", event.ticketId(),
                    e.toString());
            return;
        }
        if (written.isPresent() && !written.get().isBlank()) {
            String summary = written.get().strip();
            tickets.summary(event.ticketId(), summary, "MODEL");
            if (event.leadId() != null) {
                leads.addNote(event.accountId(), event.leadId(), "Baton (AI summary)", summary);
            }
        }
    }
}
