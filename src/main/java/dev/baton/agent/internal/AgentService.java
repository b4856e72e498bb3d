package dev.baton.agent.internal;

import dev.baton.account.Accounts;
import dev.baton.agent.AgentAnswer;
import dev.baton.agent.SalesAgent;
import dev.baton.catalog.Catalog;
import dev.baton.handover.Decision;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.HandoverRules;
import dev.baton.handover.Situation;
import dev.baton.knowledge.KnowledgeSearch;
import dev.baton.shared.BatonException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers one shopper message in a conversation: language, guardrails, intent, the responder (offline for now),
 * the grounding check, then the conversation's messages, state and handovers are saved with the reply's trace.
 */
@Service
public class AgentService implements SalesAgent {

    static final int MAX_MESSAGE_LENGTH = 4_096;
    /** How many of a conversation's last messages the handover rules read on each turn (repeats, turns in a row). */
    static final int RULES_READ = 40;
    /** How sure the intent guess must be to hand over as "asked for a person" on its own. */
    static final double HUMAN_INTENT = 0.8;
    /**
     * The handover rules applied on every turn: the handover module's ten (on the shopper's message, then on the
     * reply about to be sent) and the usage limit.
     */
    static final List<String> RULES = java.util.stream.Stream.concat(
            java.util.Arrays.stream(HandoverReason.values()).map(Enum::name), java.util.stream.Stream.of("USAGE_LIMIT"))
            .toList();

    private final AgentConversations conversations;
    private final LanguageDetection languages;
    private final IntentDetector intents;
    private final OfflineResponder offline;
    private final ModelResponder model;
    private final AgentTexts texts;
    private final Catalog catalog;
    private final KnowledgeSearch knowledge;
    private final Accounts accounts;
    private final UsageLimits usage;
    private final HandoverRules rules;
    private final dev.baton.handover.Handovers handovers;
    private final ProductAnswers productAnswers;
    private final Lexicon lexicon;

    AgentService(AgentConversations conversations, LanguageDetection languages, IntentDetector intents,
            OfflineResponder offline, ModelResponder model, AgentTexts texts, Catalog catalog, KnowledgeSearch knowledge,
            Accounts accounts, UsageLimits usage, HandoverRules rules, dev.baton.handover.Handovers handovers,
            ProductAnswers productAnswers, Lexicon lexicon) {
        this.productAnswers = productAnswers;
        this.lexicon = lexicon;
        this.conversations = conversations;
        this.languages = languages;
        this.intents = intents;
        this.offline = offline;
        this.model = model;
        this.texts = texts;
        this.catalog = catalog;
        this.knowledge = knowledge;
        this.accounts = accounts;
        this.usage = usage;
        this.rules = rules;
        this.handovers = handovers;
    }

    @Transactional
    public UUID startConversation(UUID accountId, String kind) {
        return conversations.create(accountId, kind);
    }

    @Override
    @Transactional
    public UUID start(UUID accountId) {
        return conversations.create(accountId, "CHANNEL");
    }

    @Override
    @Transactional
    public AgentAnswer answer(UUID accountId, UUID agentConversationId, String text, Situation.ContactFacts contact) {
        AgentReply reply = reply(accountId, agentConversationId, text, contact);
        List<String> evidence = reply.trace().tools().stream().filter(call -> call.name().equals("requestHandover"))
                .map(call -> call.arguments().get("reason") + ": " + call.result()).toList();
        return new AgentAnswer(reply.text(), reply.language().code(), reply.handover(), reply.reasons(), evidence,
                reply.cards());
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> actions(UUID accountId, UUID agentConversationId) {
        List<String> actions = new java.util.ArrayList<>();
        for (ConversationMessage message : conversations.messages(accountId, agentConversationId)) {
            if (message.trace() == null) {
                continue;
            }
            for (Trace.ToolCall call : message.trace().tools()) {
                if (!call.name().equals("requestHandover")) {
                    String result = call.result() == null ? "" : call.result().replaceAll("\\s+", " ").strip();
                    actions.add(call.name() + " " + call.arguments() + " -> "
                            + (result.length() > 200 ? result.substring(0, 199) + "…" : result));
                }
            }
        }
        return actions;
    }

    @Override
    @Transactional
    public String onlyTextSupported(UUID accountId, UUID agentConversationId) {
        Language language = conversations.lockState(accountId, agentConversationId)
                .map(ConversationState::language).flatMap(Language::ofCode).orElse(defaultLanguage(accountId));
        return texts.get(language, "only_text");
    }

    @Override
    @Transactional
    public String language(UUID accountId, UUID agentConversationId) {
        return conversations.lockState(accountId, agentConversationId).map(ConversationState::language)
                .flatMap(Language::ofCode).orElse(defaultLanguage(accountId)).code();
    }

    @Transactional
    public void deleteConversation(UUID accountId, UUID conversationId) {
        if (!conversations.delete(accountId, conversationId)) {
            throw BatonException.notFound("Playground session", conversationId);
        }
    }

    @Transactional
    public AgentReply reply(UUID accountId, UUID conversationId, String message) {
        return reply(accountId, conversationId, message, Situation.ContactFacts.none());
    }

    @Transactional
    public AgentReply reply(UUID accountId, UUID conversationId, String message, Situation.ContactFacts contact) {
        long started = System.nanoTime();
        ConversationState state = conversations.lockState(accountId, conversationId)
                .orElseThrow(() -> BatonException.notFound("Playground session", conversationId));
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) {
            throw BatonException.badRequest("Send the shopper's message as 'text'; it is empty.");
        }
        if (text.length() > MAX_MESSAGE_LENGTH) {
            throw BatonException.badRequest("The message has " + text.length() + " characters; the limit is "
                    + MAX_MESSAGE_LENGTH + ".");
        }
        Trace trace = new Trace();
        Language previous = state.language() == null ? null : Language.ofCode(state.language()).orElse(null);
        Language language = languages.detect(text, previous, defaultLanguage(accountId));
        trace.language(language);
        state = state.inLanguage(language);
        StoreTools tools = new StoreTools(accountId, catalog, knowledge, trace);

        String reply;
        List<dev.baton.shared.ProductCard> cards = List.of();
        boolean settled = false;
        var attack = Guardrails.attack(text);
        var limit = usage.reached(accountId);
        List<Situation.Turn> turns = turns(accountId, conversationId, text);
        if (limit.isPresent()) {
            trace.guardrail(limit.get());
            trace.intent(Intent.OTHER, 0);
            tools.requestHandover("USAGE_LIMIT", limit.get());
            reply = texts.get(language, "limit_reached");
        } else if (attack.isPresent()) {
            trace.guardrail(attack.get());
            trace.intent(Intent.OTHER, 0);
            reply = texts.get(language, "refuse_rules");
        } else if (handoverOn(accountId, turns, contact, null, Situation.AgentSignals.none(), tools)) {
            trace.intent(Intent.OTHER, 0);
            reply = texts.get(language, "handover");
        } else {
            // The guess is made only when needed: offline, a product, policy or order question is read without it.
            IntentDetector.Detection[] guessed = new IntentDetector.Detection[1];
            java.util.function.Supplier<IntentDetector.Detection> intent = () -> {
                if (guessed[0] == null) {
                    IntentDetector.Detection detected = intents.detect(text);
                    // Asking for a person is judged by the handover rules; the guess alone hands over only when sure.
                    guessed[0] = detected.intent() == Intent.HUMAN && detected.score() < HUMAN_INTENT
                            ? new IntentDetector.Detection(Intent.OTHER, detected.score(), detected.phrase()) : detected;
                    trace.intent(guessed[0].intent(), guessed[0].score());
                }
                return guessed[0];
            };
            boolean useModel = model.configured() && useModel(intent.get());
            if (useModel) {
                tools.enabledReasons(rules.enabled(accountId));
            }
            Optional<String> fromModel = useModel ? model.respond(conversationId, text, language,
                    accounts.settings(accountId).name(), tools, trace) : Optional.empty();
            if (fromModel.isPresent()) {
                reply = fromModel.get();
                state = state.answered();
                cards = productAnswers.cardsNamedIn(reply, language, tools, lexicon);
            } else {
                OfflineResponder.Answer answer = offline.respond(text, () -> intent.get().intent(), language, state, tools);
                reply = answer.text();
                state = answer.state();
                cards = answer.cards();
                settled = answer.settled();
            }
        }

        List<String> unsupported = GroundingCheck.unsupported(reply, trace.evidence() + "\n" + texts.all(language), text);
        if (unsupported.isEmpty()) {
            trace.guardrail("grounded: every figure in the reply comes from a tool or a source");
        } else {
            trace.guardrail("not sent: the reply stated " + unsupported + " with no source");
            tools.requestHandover("OUT_OF_KNOWLEDGE", "the reply stated figures with no source: " + unsupported);
            reply = texts.get(language, "not_sure");
        }
        if (tools.handovers().isEmpty() && limit.isEmpty() && attack.isEmpty() && !settled) {
            Situation.AgentSignals signals = new Situation.AgentSignals(false, text.contains("?"), false, false, false, 0);
            if (handoverOn(accountId, turns, contact, reply, signals, tools)) {
                reply = texts.get(language, "handover");
            }
        }
        List<String> reasons = tools.handovers();
        if (!reasons.isEmpty()) {
            cards = List.of();
        }
        if (!reasons.isEmpty() && limit.isEmpty()) {
            reply = transition(accountId, language, reply, reasons);
        }
        for (String rule : RULES) {
            trace.handoverRule(rule + (reasons.contains(rule) ? ": fired" : ": not fired"));
        }
        reasons.stream().filter(reason -> !RULES.contains(reason)).forEach(reason -> trace.handoverRule(reason + ": fired"));
        conversations.addMessage(accountId, conversationId, "customer", text, null);
        trace.latency((System.nanoTime() - started) / 1_000_000);
        trace.cards(cards);
        conversations.addMessage(accountId, conversationId, "agent", reply, trace);
        for (Trace.ToolCall call : trace.tools()) {
            if (call.name().equals("requestHandover")) {
                conversations.addHandover(accountId, conversationId, (String) call.arguments().get("reason"), call.result());
            }
        }
        conversations.saveState(conversationId, state);
        usage.count(accountId, 1, trace.modelTokens());
        return new AgentReply(reply, language, !reasons.isEmpty(), reasons, trace, cards);
    }

    /**
     * Runs the handover rules on the conversation so far and this message (and the reply about to be sent, when
     * there is one); a decision to hand over is recorded, reason by reason with its evidence, as handover requests.
     */
    private boolean handoverOn(UUID accountId, List<Situation.Turn> turns, Situation.ContactFacts contact,
            String draftReply, Situation.AgentSignals signals, StoreTools tools) {
        Decision decision = rules.evaluate(accountId, new Situation(turns, contact, signals, draftReply));
        java.util.Map<String, Double> probabilities = new java.util.LinkedHashMap<>();
        decision.classifier().probabilities().forEach((reason, p) -> probabilities.put(reason.name(), p));
        tools.trace().handoverClassifier(decision.classifier().version(), probabilities);
        for (HandoverReason reason : decision.reasons()) {
            String evidence = decision.evidence().stream().filter(e -> e.reason() == reason)
                    .map(e -> e.rule() + ": " + e.detail()).collect(java.util.stream.Collectors.joining("; "));
            tools.requestHandover(reason.name(), evidence);
        }
        return decision.handover();
    }

    /**
     * The account's transition message (or its "nobody is here now" one) in place of the default handover text the
     * reply ends with. A reply that says it differently ("I'm not sure... a colleague will get back to you") stays,
     * followed by the account's own text or the "nobody is here now" one when that is not the default.
     */
    private String transition(UUID accountId, Language language, String reply, List<String> reasons) {
        String standard = texts.get(language, "handover");
        String own = handovers.transitionMessage(accountId, language.code(), reasons);
        if (reply.endsWith(standard)) {
            return reply.substring(0, reply.length() - standard.length()) + own;
        }
        if (own.equals(standard)) {
            return reply;
        }
        return reply.strip().isEmpty() ? own : reply + "\n\n" + own;
    }

    /** The conversation so far, ending with the shopper's new message: what the handover rules judge. */
    private List<Situation.Turn> turns(UUID accountId, UUID conversationId, String text) {
        List<Situation.Turn> turns = new java.util.ArrayList<>();
        for (ConversationMessage message : conversations.recentMessages(accountId, conversationId, RULES_READ)) {
            turns.add(message.fromAgent() ? Situation.Turn.agent(message.text()) : Situation.Turn.customer(message.text()));
        }
        turns.add(Situation.Turn.customer(text));
        return turns;
    }

    /** Greetings and thanks get their short fixed reply even with a model: no tokens spent on "hi". */
    private boolean useModel(IntentDetector.Detection intent) {
        boolean pleasantry = (intent.intent() == Intent.GREETING || intent.intent() == Intent.THANKS) && intent.score() >= 0.9;
        return model.configured() && !pleasantry;
    }

    private Language defaultLanguage(UUID accountId) {
        return Language.ofCode(accounts.settings(accountId).defaultLanguage()).orElse(Language.EN);
    }

    /** What was said in a conversation, oldest first, each reply with its trace; nothing for one that is gone. */
    @Transactional(readOnly = true)
    public List<ConversationMessage> messages(UUID accountId, UUID conversationId) {
        return conversations.messages(accountId, conversationId);
    }
}
