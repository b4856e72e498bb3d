package dev.baton.woocommerce.internal;

import dev.baton.catalog.Order;
import dev.baton.catalog.PriceFormat;
import dev.baton.catalog.StoreInfo;
import dev.baton.woocommerce.WooCommerceFixtures;
import dev.baton.woocommerce.internal.payload.WcOrder;
import dev.baton.woocommerce.internal.payload.WcOrderNote;
import dev.baton.woocommerce.internal.payload.WcSetting;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** WooCommerce's orders, notes and settings (the documentation's shapes) mapped to the catalog's records. */
class WooCommerceMappingTests {

    static final OffsetDateTime NOW = OffsetDateTime.of(2017, 4, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    static List<WcOrder> orders() {
        return read("orders.json", new TypeReference<>() { });
    }

    static <T> T read(String file, TypeReference<T> type) {
        return JsonBodies.MAPPER.readValue(WooCommerceFixtures.read(file), type);
    }

    static WcOrder order(long id) {
        return orders().stream().filter(order -> order.id() == id).findFirst().orElseThrow();
    }

    /** Order 727 as it reads once completed, with nothing in its meta. */
    static WcOrder completed727(String dateCompletedGmt) {
        List<ObjectNode> orders = read("orders.json", new TypeReference<List<ObjectNode>>() { });
        ObjectNode order = orders.get(0);
        order.put("status", "completed");
        order.put("date_completed_gmt", dateCompletedGmt);
        return JsonBodies.MAPPER.treeToValue(order, WcOrder.class);
    }

    @Test
    void shippingLinesAreKeptAsTheStoreNamesTheMethods() {
        assertThat(WooCommerceMapping.order(order(727)).shippingMethods()).containsExactly("Flat Rate");
        assertThat(WooCommerceMapping.order(order(723)).shippingMethods()).containsExactly("Flat rate");
    }

    @Test
    void trackingFromTheShipmentTrackingMetaIsMapped() {
        Order order = WooCommerceMapping.order(order(723));

        assertThat(order.fulfillments()).singleElement().satisfies(shipment -> {
            assertThat(shipment.trackingCompany()).isEqualTo("usps");
            assertThat(shipment.trackingNumbers()).containsExactly("9400111899223100001234");
        });
    }

    @Test
    void trackingWrittenInANoteIsFoundWithItsCarrierAndLink() {
        List<WcOrderNote> notes = read("order-notes.json", new TypeReference<>() { });

        Order order = WooCommerceMapping.order(completed727("2017-03-30T10:00:00"), notes);

        assertThat(order.fulfillments()).singleElement().satisfies(shipment -> {
            assertThat(shipment.trackingCompany()).isEqualTo("UPS");
            assertThat(shipment.trackingNumbers()).containsExactly("1Z999AA10123456784");
            assertThat(shipment.trackingUrls()).containsExactly("https://www.ups.com/track?tracknum=1Z999AA10123456784");
            assertThat(shipment.createdAt()).isEqualTo(OffsetDateTime.of(2017, 3, 21, 19, 50, 12, 0, ZoneOffset.UTC));
        });
    }

    @Test
    void notesWithoutATrackingNumberGiveNoShipment() {
        List<WcOrderNote> notes = read("order-notes.json", new TypeReference<List<WcOrderNote>>() { })
                .subList(1, 4);

        assertThat(TrackingNotes.from(notes)).isEmpty();
    }

    @Test
    void notesAreWorthReadingOnlyForRecentlyCompletedOrdersWithoutTrackingInTheirMeta() {
        WcOrder recent = completed727("2017-03-30T10:00:00");
        WcOrder old = completed727("2017-01-02T10:00:00");
        WcOrder processing = order(727);
        WcOrder trackedInMeta = order(723);

        assertThat(TrackingNotes.worthReading(recent, WooCommerceMapping.order(recent), NOW)).isTrue();
        assertThat(TrackingNotes.worthReading(old, WooCommerceMapping.order(old), NOW)).isFalse();
        assertThat(TrackingNotes.worthReading(processing, WooCommerceMapping.order(processing), NOW)).isFalse();
        assertThat(TrackingNotes.worthReading(trackedInMeta, WooCommerceMapping.order(trackedInMeta), NOW)).isFalse();
    }

    @Test
    void theStoreIsNamedByItsSiteTitleOrElseByItsHost() {
        StoreAddress address = new StoreAddress("https://shop.example.com");
        List<WcSetting> settings = read("settings-general.json", new TypeReference<>() { });

        assertThat(StoreDetails.of(address, Optional.of("Porto Tees & Co"), settings).name()).isEqualTo("Porto Tees & Co");
        assertThat(StoreDetails.of(address, Optional.empty(), settings).name()).isEqualTo("shop.example.com");
    }

    @Test
    void theCurrencyAndItsFormatComeFromTheGeneralSettings() {
        StoreAddress address = new StoreAddress("https://shop.example.com");

        StoreInfo dollars = StoreDetails.of(address, Optional.empty(),
                read("settings-general.json", new TypeReference<>() { }));
        StoreInfo euros = StoreDetails.of(address, Optional.empty(),
                read("settings-general-eur.json", new TypeReference<>() { }));

        assertThat(dollars.currency()).isEqualTo("USD");
        assertThat(dollars.priceFormat()).isEqualTo(new PriceFormat(PriceFormat.SymbolPosition.LEFT, ",", ".", 2));
        assertThat(euros.currency()).isEqualTo("EUR");
        assertThat(euros.priceFormat()).isEqualTo(new PriceFormat(PriceFormat.SymbolPosition.RIGHT_SPACE, ".", ",", 2));
    }
}
