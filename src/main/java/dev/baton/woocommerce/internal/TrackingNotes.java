package dev.baton.woocommerce.internal;

import dev.baton.catalog.Order;
import dev.baton.woocommerce.internal.payload.WcOrder;
import dev.baton.woocommerce.internal.payload.WcOrderNote;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tracking a store wrote in an order's notes ("Shipped with UPS, tracking number 1Z999AA10123456784"), for stores
 * without a shipment tracking extension (whose numbers are in the order's meta). Notes cost one request per order, so
 * they are read only where a shopper is likely to ask: orders completed in the last {@link #RECENT} days whose meta
 * holds no tracking (decision 39).
 */
final class TrackingNotes {

    /** How long after completion an order's notes are still read for tracking. */
    static final Duration RECENT = Duration.ofDays(30);

    private static final Pattern NUMBER = Pattern.compile(
            "(?i)tracking\\s*(?:number|no\\.?|nr\\.?|code|id|#)?\\s*(?:is|:|#|-)?\\s*([A-Z0-9][A-Z0-9-]{6,39})\\b");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");
    private static final List<String> CARRIERS = List.of("USPS", "UPS", "FedEx", "DHL", "Royal Mail", "Parcelforce",
            "Evri", "Hermes", "Yodel", "Canada Post", "Purolator", "Australia Post", "Sendle", "PostNL", "DPD", "GLS",
            "TNT", "La Poste", "Colissimo", "Chronopost", "Correos", "CTT", "Poste Italiane", "Deutsche Post",
            "PostNord", "Bring", "An Post", "Aramex", "Japan Post", "China Post");

    private TrackingNotes() {
    }

    /** Whether the order's notes are worth a request: completed recently, and no tracking in its meta. */
    static boolean worthReading(WcOrder order, Order mapped, OffsetDateTime now) {
        OffsetDateTime completed = WooCommerceMapping.time(order.dateCompletedGmt());
        return "completed".equals(order.status()) && mapped.fulfillments().isEmpty() && completed != null
                && completed.isAfter(now.minus(RECENT));
    }

    /** One shipment per tracking number found, newest note first (WooCommerce lists notes newest first). */
    static List<Order.Fulfillment> from(List<WcOrderNote> notes) {
        List<Order.Fulfillment> shipments = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (WcOrderNote note : notes == null ? List.<WcOrderNote>of() : notes) {
            String html = note.note() == null ? "" : note.note();
            String text = PlainText.of(html);
            number(text).filter(seen::add).ifPresent(number -> shipments.add(new Order.Fulfillment("SHIPPED",
                    carrier(text).orElse(null), List.of(number), link(html, text).map(List::of).orElse(List.of()),
                    WooCommerceMapping.time(note.dateCreatedGmt()))));
        }
        return shipments;
    }

    /** A number after the word "tracking" that has digits in it (not "tracking is available"). */
    private static Optional<String> number(String text) {
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            String candidate = matcher.group(1);
            if (candidate.chars().anyMatch(Character::isDigit) && candidate.length() >= 8) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> carrier(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return CARRIERS.stream()
                .filter(carrier -> Pattern.compile("\\b" + Pattern.quote(carrier.toLowerCase(Locale.ROOT)) + "\\b")
                        .matcher(lower).find())
                .findFirst();
    }

    /** The note's first link, as a link or written out. */
    private static Optional<String> link(String html, String text) {
        Element anchor = Jsoup.parse(html).selectFirst("a[href^=http]");
        if (anchor != null) {
            return Optional.of(anchor.attr("href"));
        }
        Matcher matcher = LINK.matcher(text);
        return matcher.find() ? Optional.of(matcher.group().replaceAll("[.,;)]+$", "")) : Optional.empty();
    }
}
