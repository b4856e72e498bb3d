package dev.baton.agent.internal;

import dev.baton.catalog.PolicyType;
import dev.baton.handover.HandoverReason;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

import java.util.Locale;

/**
 * The store tools as a chat model calls them. Arguments come from the model, so they are validated like any
 * input; every call goes through {@link StoreTools}, which reads only this conversation's account and writes the
 * call into the trace; the model gets back what the trace recorded.
 */
class ModelTools {

    private final StoreTools tools;
    private final ProductQuestions questions;
    private final ProductFinder finder;

    ModelTools(StoreTools tools, ProductQuestions questions, ProductFinder finder) {
        this.tools = tools;
        this.questions = questions;
        this.finder = finder;
    }

    @Tool("Searches the store's products with the shopper's constraints, as the offline agent does: product names, "
            + "kinds and qualities in any language, a budget, and a sort. Returns at most three products (price, "
            + "stock of each option, link, id), best first, and says when none meets every constraint (then the "
            + "closest are returned).")
    String searchProducts(@P("what the shopper is looking for, in their words (names, kind, qualities)") String query,
            @P(value = "the most the shopper will pay, in the store's currency, or null", required = false) Double maxPrice,
            @P(value = "the least, or null", required = false) Double minPrice,
            @P(value = "one of CHEAPEST, MOST_EXPENSIVE, LIGHTEST, LARGEST, or null", required = false) String sort) {
        ProductQuestions.Question read = questions.read(query == null ? "" : query, tools.shopperProducts());
        String superlative = switch (sort == null ? "" : sort.strip().toUpperCase(Locale.ROOT)) {
            case "CHEAPEST" -> "cheapest";
            case "MOST_EXPENSIVE" -> "priciest";
            case "LIGHTEST" -> "lightest";
            case "LARGEST" -> "largest";
            default -> read.superlative();
        };
        ProductQuestions.Question question = new ProductQuestions.Question(read.items(), read.named(), read.compared(),
                read.categories(), read.storeWords(), read.attributes(), read.uses(), read.colours(), read.words(),
                read.rest(),
                minPrice == null ? read.min() : java.math.BigDecimal.valueOf(minPrice),
                maxPrice == null ? read.max() : java.math.BigDecimal.valueOf(maxPrice), superlative, read.cues());
        ProductFinder.Finding finding = finder.find(question);
        java.util.Map<String, Object> arguments = new java.util.LinkedHashMap<>();
        arguments.put("query", query == null ? "" : query);
        arguments.put("maxPrice", maxPrice == null ? "" : maxPrice);
        arguments.put("minPrice", minPrice == null ? "" : minPrice);
        arguments.put("sort", sort == null ? "" : sort);
        arguments.put("met", finding.met());
        tools.productSearch(arguments, finding.items().stream().map(ShopItem::product).toList());
        if (finding.items().isEmpty()) {
            return "No product matches.";
        }
        return (finding.met() ? "" : "No product meets every constraint; the closest:\n") + tools.lastResult();
    }

    @Tool("Whether one option of a product is in stock, e.g. option \"L Black\": its price and stock, and when it is "
            + "sold out the options in stock that share a value with it")
    String optionStock(@P("the product id searchProducts returned") String productId,
            @P("the option as the shopper said it: size and/or colour") String option) {
        java.util.Optional<dev.baton.catalog.Product> product = tools.shopperProducts().stream()
                .filter(p -> p.externalId().equals(productId == null ? "" : productId.strip())).findFirst();
        java.util.Map<String, Object> arguments = java.util.Map.of("productId", productId == null ? "" : productId,
                "option", option == null ? "" : option);
        if (product.isEmpty()) {
            tools.productTool("optionStock", arguments, java.util.List.of());
            return "No such product.";
        }
        ProductQuestions.Question question = questions.read(option == null ? "" : option, java.util.List.of(product.get()));
        ShopItem item = question.items().get(0);
        ProductFinder.OptionAsked asked = finder.option(question, item);
        tools.productTool("optionStock", arguments, java.util.List.of(product.get()));
        if (asked == null || asked.matching().isEmpty()) {
            return product.get().title() + " has no option \"" + option + "\". Its options: "
                    + product.get().variants().stream().map(dev.baton.catalog.Variant::title)
                            .collect(java.util.stream.Collectors.joining(", "));
        }
        StringBuilder result = new StringBuilder();
        for (dev.baton.catalog.Variant variant : asked.matching()) {
            result.append(product.get().title()).append(", ").append(variant.title()).append(": ")
                    .append(tools.price(variant)).append(", ").append(tools.stock(variant)).append('\n');
        }
        if (!asked.alternatives().isEmpty()) {
            result.append("In stock instead: ").append(asked.alternatives().stream().map(dev.baton.catalog.Variant::title)
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        tools.derived(result.toString());
        return result.toString().strip();
    }

    @Tool("Searches the store's knowledge (policies, FAQs, product descriptions) and returns the most relevant passages")
    String searchKnowledge(@P("what to look for, in a few words") String query) {
        tools.searchKnowledge(query);
        return resultOrNothing("No passage found.");
    }

    @Tool("Finds products by name or description: variants with price in the store's currency, stock, product URL and id")
    String findProducts(@P("product name or what the shopper is looking for") String query) {
        tools.findProducts(query);
        return resultOrNothing("No product matches.");
    }

    @Tool("One product by the id findProducts returned")
    String getProduct(@P("the product id") String id) {
        tools.getProduct(id);
        return resultOrNothing("No such product.");
    }

    @Tool("Status, fulfilment and tracking of an order. Needs the order number AND the email or phone the shopper "
            + "gave for that order; without both, ask the shopper first. Never guess them.")
    String lookupOrder(@P("the order number, e.g. #1001") String orderNumber,
            @P("the email address or phone number the shopper gave") String emailOrPhone) {
        tools.lookupOrder(orderNumber, emailOrPhone);
        return resultOrNothing("No matching order.");
    }

    @Tool("A store policy. type is one of REFUND_POLICY, SHIPPING_POLICY, PRIVACY_POLICY, TERMS_OF_SERVICE, CONTACT_INFORMATION")
    String getPolicy(@P("the policy type") String type) {
        PolicyType policyType;
        try {
            policyType = PolicyType.valueOf(type == null ? "" : type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return "Unknown policy type '" + type + "'. Use REFUND_POLICY, SHIPPING_POLICY, PRIVACY_POLICY, "
                    + "TERMS_OF_SERVICE or CONTACT_INFORMATION.";
        }
        tools.getPolicy(policyType);
        return resultOrNothing("The store has no such policy.");
    }

    /**
     * The model's own judgement, one more handover signal beside the rules: it names one of the fixed reason codes
     * and why. A reason the store switched off is refused, as the rule for it would be.
     */
    @Tool("Hands the conversation to a person from the store's team. reason is one of: HUMAN_REQUESTED (the shopper "
            + "asks for a person), NEGATIVE_EMOTION (angry or distressed), OUT_OF_KNOWLEDGE (the tools do not answer "
            + "the question), SPECIAL_POLICY (an exception: refund outside the policy, compensation, price match, a "
            + "custom deal), REPEATED_RESPONSE (you keep giving the same answer), TECHNICAL_ISSUE (a crash, a payment "
            + "error, a bug), DATA_NOT_FOUND (an order or customer cannot be found), SENSITIVE_DATA (identity checks, "
            + "account, address or payment changes, data deletion), CHANNEL_SWITCH, VIP.")
    String requestHandover(@P("the reason code") HandoverReason reason, @P("why, in a few words") String why) {
        if (reason == null) {
            return "Name the reason with one of the codes listed.";
        }
        if (!tools.handoverAllowed(reason)) {
            return "This store does not hand over for " + reason + ". Help the shopper yourself, within the rules.";
        }
        String detail = why == null ? "" : why.strip();
        tools.requestHandover(reason.name(), "model: the chat model judged " + reason + (detail.isEmpty() ? ""
                : ": " + (detail.length() > 300 ? detail.substring(0, 300) + "…" : detail)));
        return "A colleague has been asked to take over. Tell the shopper so, briefly.";
    }

    private String resultOrNothing(String nothing) {
        return tools.lastResult().isBlank() ? nothing : tools.lastResult();
    }
}
