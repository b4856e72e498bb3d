package dev.baton.woocommerce.internal;

import dev.baton.woocommerce.internal.payload.WpPage;
import dev.baton.woocommerce.internal.payload.WpSite;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

import java.util.List;

/**
 * Published WordPress pages (the store's policies) and the site's title, read without credentials: WooCommerce's keys
 * are not WordPress credentials, and WordPress answers 401 to Basic credentials it does not know.
 */
interface WordPressPages {

    /** The REST API index, cut to the site's fields: the whole index lists every route, hundreds of kilobytes. */
    @GET("wp-json/?_fields=name,description,url,home")
    Call<WpSite> site();

    @GET("wp-json/wp/v2/pages/{id}")
    Call<WpPage> page(@Path("id") long id);

    @GET("wp-json/wp/v2/pages?status=publish")
    Call<List<WpPage>> bySlug(@Query("slug") String slug);

    /** Published pages with only what a choice needs; totals in {@code X-WP-Total} and {@code X-WP-TotalPages}. */
    @GET("wp-json/wp/v2/pages?status=publish&_fields=id,title,link,slug")
    Call<List<WpPage>> published(@Query("per_page") int perPage, @Query("page") int page);
}
