package dev.baton.woocommerce.internal;

import dev.baton.woocommerce.internal.payload.WcOrder;
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

    /** Orders matching a text (an order number, a customer's email). */
    @GET("wp-json/wc/v3/orders")
    Call<List<WcOrder>> searchOrders(@Query("search") String search, @Query("per_page") int perPage);

    /** Currency and its format: {@code woocommerce_currency}, {@code woocommerce_currency_pos}, separators. */
    @GET("wp-json/wc/v3/settings/general")
    Call<List<WcSetting>> generalSettings();

    /** Page settings: {@code woocommerce_terms_page_id} among them. */
    @GET("wp-json/wc/v3/settings/advanced")
    Call<List<WcSetting>> advancedSettings();

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
