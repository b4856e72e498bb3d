package dev.baton.agent.internal;

import dev.baton.catalog.Catalog;
import dev.baton.catalog.Order;
import dev.baton.catalog.Policy;
import dev.baton.catalog.PolicyType;
import dev.baton.catalog.Product;
import dev.baton.catalog.Variant;
import dev.baton.knowledge.KnowledgeHit;
import dev.baton.knowledge.KnowledgeSearch;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The agent's tools for one turn of one conversation: they read only this account's store and knowledge, validate
 * their arguments, and write every call with its result into the turn's trace. The same methods serve the offline
 * responder and, as LangChain4j tools, a chat model.
 */
class StoreTools {

    static final Pattern ORDER_NUMBER = Pattern.compile("#?\\b(\\d{3,10})\\b");
    static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()-]{6,}\\d");

    private final UUID accountId;
    private final Catalog catalog;
    private final KnowledgeSearch knowledge;
    private final Trace trace;
    private final List<String> handovers = new ArrayList<>();

    StoreTools(UUID accountId, Catalog catalog, KnowledgeSearch knowledge, Trace trace) {
        this.accountId = accountId;
        this.catalog = catalog;
        this.knowledge = knowledge;
        this.trace = trace;
    }

    /** The turn's trace, where the tools write. */
    Trace trace() {
        return trace;
    }

    List<KnowledgeHit> searchKnowledge(String query) {
        String cleaned = bounded(query, 500);
        List<KnowledgeHit> hits = cleaned.isBlank() ? List.of() : knowledge.search(accountId, cleaned, 5);
        hits.forEach(hit -> trace.retrieved(hit.sourceId(), hit.title(), hit.origin().name(), hit.score()));
        trace.tool("searchKnowledge", Map.of("query", cleaned), hits.stream()
                .map(hit -> hit.title() + ": " + hit.text()).collect(Collectors.joining("\n---\n")));
        return hits;
    }

    List<Product> findProducts(String query) {
        String cleaned = bounded(query, 300);
        List<String> words = knowledge.keywords(cleaned).stream().filter(word -> word.length() >= 3 || word.matches("\\d+"))
                .toList();
        List<Product> products = words.isEmpty() ? List.of() : catalog.findProducts(accountId, words, 3);
        products.forEach(this::seen);
        trace.tool("findProducts", Map.of("query", cleaned), products.stream().map(this::describe)
                .collect(Collectors.joining("\n")));
        return products;
    }

    /** Every product shoppers can buy, read once per turn. */
    List<Product> shopperProducts() {
        if (shopperProducts == null) {
            shopperProducts = catalog.shopperProducts(accountId);
        }
        return shopperProducts;
    }

    private List<Product> shopperProducts;
    private java.util.function.Function<Variant, String> prices;
    private final Map<String, Product> seen = new LinkedHashMap<>();

    private void seen(Product product) {
        seen.putIfAbsent(product.externalId(), product);
    }

    /** The products the tools returned in this turn, first seen first: what a model's reply may show as cards. */
    List<Product> seenProducts() {
        return List.copyOf(seen.values());
    }

    /**
     * Records a product search the agent ran on the store's products (what it understood of the question, and what
     * it found), so the reply's figures are grounded in it and the trace shows it.
     */
    void productSearch(Map<String, Object> understood, List<Product> found) {
        productTool("searchProducts", understood, found);
    }

    /** A product tool's call ("searchProducts", "optionStock") with the products it returned. */
    void productTool(String name, Map<String, Object> arguments, List<Product> found) {
        found.forEach(this::seen);
        trace.tool(name, arguments, found.stream().map(this::describe).collect(Collectors.joining("\n")));
    }

    Optional<Product> getProduct(String id) {
        String cleaned = bounded(id, 100);
        Optional<Product> product = catalog.product(accountId, cleaned);
        product.ifPresent(this::seen);
        trace.tool("getProduct", Map.of("id", cleaned), product.map(this::describe).orElse("not found"));
        return product;
    }

    /** Only when the number and the email or phone belong to the same order; otherwise nothing, whoever asks. */
    Optional<Order> lookupOrder(String orderNumber, String emailOrPhone) {
        String number = bounded(orderNumber, 30);
        String contact = bounded(emailOrPhone, 120);
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("orderNumber", number);
        arguments.put("emailOrPhone", mask(contact));
        if (!ORDER_NUMBER.matcher(number).find() || (!EMAIL.matcher(contact).find() && !PHONE.matcher(contact).find())) {
            trace.tool("lookupOrder", arguments, "refused: an order number and the order's email or phone are both needed");
            return Optional.empty();
        }
        boolean isEmail = EMAIL.matcher(contact).find();
        Optional<Order> order = catalog.orderForContact(accountId, number, isEmail ? contact : null, isEmail ? null : contact);
        trace.tool("lookupOrder", arguments, order.map(StoreTools::describe)
                .orElse("no order " + number + " with that email or phone"));
        return order;
    }

    /** Every policy the store has (no trace: {@link #policyPassage} records what was found in them). */
    List<Policy> policies() {
        return java.util.Arrays.stream(PolicyType.values()).map(type -> catalog.policy(accountId, type))
                .flatMap(Optional::stream).toList();
    }

    /** Records a search of the store's policies and the passage that answers it (empty: none did). */
    void policyPassage(String query, String policyTitle, String heading, String passage) {
        trace.tool("searchPolicies", Map.of("query", bounded(query, 300)), passage == null ? ""
                : policyTitle + (heading == null || heading.isBlank() ? "" : " › " + heading) + ": " + passage);
    }

    Optional<Policy> getPolicy(PolicyType type) {
        Optional<Policy> policy = catalog.policy(accountId, type);
        trace.tool("getPolicy", Map.of("type", type.name()), policy.map(found -> found.title() + ": " + found.body())
                .orElse("this store has no " + type.name()));
        return policy;
    }

    /** The reasons the account switched on; a model's request for another is refused (null: all). */
    private java.util.Set<dev.baton.handover.HandoverReason> enabledReasons;

    void enabledReasons(java.util.Set<dev.baton.handover.HandoverReason> reasons) {
        this.enabledReasons = java.util.Set.copyOf(reasons);
    }

    boolean handoverAllowed(dev.baton.handover.HandoverReason reason) {
        return enabledReasons == null || enabledReasons.contains(reason);
    }

    void requestHandover(String reason, String evidence) {
        handovers.add(reason);
        trace.tool("requestHandover", Map.of("reason", reason), evidence);
    }

    /** A figure computed from what the tools returned; the grounding check accepts it like a tool result. */
    void derived(String fact) {
        trace.derived(fact);
    }

    String lastResult() {
        return trace.lastResult();
    }

    List<String> handovers() {
        return List.copyOf(handovers);
    }

    /** A variant's price as the store writes it; the store's currency and format are read on the turn's first price. */
    String price(Variant variant) {
        if (prices == null) {
            prices = catalog.priceTexts(accountId);
        }
        return prices.apply(variant);
    }

    String stock(Variant variant) {
        return catalog.stockText(variant);
    }

    private String describe(Product product) {
        String variants = product.variants().stream()
                .map(variant -> variant.title() + ": " + price(variant) + ", " + stock(variant))
                .collect(Collectors.joining("; "));
        return product.title() + " (id " + product.externalId() + ") - " + variants + (product.url() == null ? "" : " - " + product.url());
    }

    private static String describe(Order order) {
        String tracking = order.fulfillments().stream()
                .map(f -> Optional.ofNullable(f.trackingCompany()).orElse("") + " " + String.join(", ", f.trackingNumbers())
                        + " " + String.join(", ", f.trackingUrls()))
                .collect(Collectors.joining("; "));
        return order.name() + " placed " + order.createdAt().format(DateTimeFormatter.ISO_LOCAL_DATE) + ", payment "
                + order.financialStatus() + ", fulfillment " + order.fulfillmentStatus() + ", total " + order.totalPrice()
                + " " + order.currency()
                + (order.shippingMethods().isEmpty() ? "" : ", shipping " + String.join(", ", order.shippingMethods()))
                + (tracking.isBlank() ? "" : ", tracking " + tracking.strip());
    }

    /** Contact details in the trace are masked: the trace is shown to admins, not to the customer. */
    private static String mask(String contact) {
        if (contact.length() <= 4) {
            return "****";
        }
        return contact.substring(0, 2) + "***" + contact.substring(contact.length() - 2);
    }

    private static String bounded(String value, int max) {
        String text = value == null ? "" : value.strip();
        return text.length() > max ? text.substring(0, max) : text;
    }
}
