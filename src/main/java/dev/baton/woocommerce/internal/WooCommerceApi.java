package dev.baton.woocommerce.internal;

import dev.baton.woocommerce.internal.payload.WcOrder;
import dev.baton.woocommerce.internal.payload.WcOrderNote;
import dev.baton.woocommerce.internal.payload.WcProduct;
import dev.baton.woocommerce.internal.payload.WcSetting;
import dev.baton.woocommerce.internal.payload.WcVariation;
import dev.baton.woocommerce.internal.payload.WcWebhook;
import dev.baton.woocommerce.internal.payload.WcWebhookChange;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;

import java.util.List;

/**
 * The WooCommerce REST API v3, relative to the store's address. Listings are read in a stable order (by id), so a
 * page number is a cursor a resumed sync can trust; their totals are in {@code X-WP-Total} and
 * {@code X-WP-TotalPages}.
 */
interface WooCommerceApi {

    @GET("wp-json/wc/v3/products?status=publish&orderby=id&order=asc")
    Call<List<WcProduct>> products(@Query("per_page") int perPage, @Query("page") int page);

    @GET("wp-json/wc/v3/products/{id}/variations?orderby=id&order=asc")
    Call<List<WcVariation>> variations(@Path("id") long productId, @Query("per_page") int perPage,
            @Query("page") int page);

    @GET("wp-json/wc/v3/orders?orderby=id&order=asc")
    Call<List<WcOrder>> orders(@Query("per_page") int perPage, @Query("page") int page);

    /**
     * Products changed after a moment, for reconciliation. {@code status}: {@code any} (every status but the trash:
     * published, draft, pending, private, scheduled) or {@code trash}. {@code modifiedAfter} is GMT without an offset,
     * which {@code dates_are_gmt} makes WooCommerce compare with each product's {@code date_modified_gmt}.
     */
    @GET("wp-json/wc/v3/products?dates_are_gmt=true&orderby=id&order=asc")
    Call<List<WcProduct>> changedProducts(@Query("status") String status,
            @Query("modified_after") String modifiedAfter, @Query("per_page") int perPage, @Query("page") int page);

    /** Orders of any status changed after a moment (GMT), for reconciliation. */
    @GET("wp-json/wc/v3/orders?status=any&dates_are_gmt=true&orderby=id&order=asc")
    Call<List<WcOrder>> changedOrders(@Query("modified_after") String modifiedAfter, @Query("per_page") int perPage,
            @Query("page") int page);

    /**
     * Orders matching a text: WooCommerce searches the order number (and id), the billing and shipping addresses, the
     * billing email and the items' names, so the caller keeps only the exact matches.
     */
    @GET("wp-json/wc/v3/orders?status=any&orderby=id&order=asc")
    Call<List<WcOrder>> searchOrders(@Query("search") String search, @Query("per_page") int perPage,
            @Query("page") int page);

    /** An order's notes, newest first: private notes and notes to the customer. */
    @GET("wp-json/wc/v3/orders/{id}/notes")
    Call<List<WcOrderNote>> orderNotes(@Path("id") long orderId);

    /** Currency and its format: {@code woocommerce_currency}, {@code woocommerce_currency_pos}, separators. */
    @GET("wp-json/wc/v3/settings/general")
    Call<List<WcSetting>> generalSettings();

    /** Page settings: {@code woocommerce_terms_page_id} among them. */
    @GET("wp-json/wc/v3/settings/advanced")
    Call<List<WcSetting>> advancedSettings();

    /** Accounts &amp; Privacy: {@code wp_page_for_privacy_policy} among them. */
    @GET("wp-json/wc/v3/settings/account")
    Call<List<WcSetting>> accountSettings();

    /** One product, any status; a variation's id answers the variation (type "variation", with its parent_id). */
    @GET("wp-json/wc/v3/products/{id}")
    Call<WcProduct> product(@Path("id") long id);

    /** The store's webhooks, any status ({@code status=all}: active, paused and disabled). */
    @GET("wp-json/wc/v3/webhooks?status=all&orderby=id&order=asc")
    Call<List<WcWebhook>> webhooks(@Query("per_page") int perPage, @Query("page") int page);

    /** Needs keys with write permission; WooCommerce pings the delivery URL before answering. */
    @POST("wp-json/wc/v3/webhooks")
    Call<WcWebhook> createWebhook(@Body WcWebhookChange webhook);

    @PUT("wp-json/wc/v3/webhooks/{id}")
    Call<WcWebhook> updateWebhook(@Path("id") long id, @Body WcWebhookChange change);
}
