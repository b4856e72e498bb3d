package dev.baton.woocommerce.internal;

import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.function.UnaryOperator;

/**
 * Builds the REST API client for one store. All stores share one connection pool; each gets its own
 * authentication: HTTP Basic with the key pair over HTTPS, OAuth 1.0a signatures over plain HTTP (where WooCommerce
 * refuses Basic credentials, which would travel in clear).
 */
@Component
class WooCommerceClients {

    private final OkHttpClient http;
    private final WooCommerceProperties properties;
    private final RetryingCalls calls;

    @Autowired
    WooCommerceClients(WooCommerceProperties properties) {
        this(properties, UnaryOperator.identity());
    }

    /** {@code customize}: for tests, e.g. to trust a test server's certificate. */
    WooCommerceClients(WooCommerceProperties properties, UnaryOperator<OkHttpClient.Builder> customize) {
        this.properties = properties;
        this.http = customize.apply(new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .dns(new PublicAddresses(properties.allowPrivateHosts()))
                .retryOnConnectionFailure(true)).build();
        this.calls = new RetryingCalls(properties);
    }

    StoreClient forStore(StoreAddress address, String consumerKey, String consumerSecret) {
        OkHttpClient.Builder authenticated = http.newBuilder();
        if (address.https()) {
            String basic = Credentials.basic(consumerKey, consumerSecret);
            authenticated.addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                    .header("Authorization", basic).build()));
        } else {
            authenticated.addInterceptor(new OAuthSigning(consumerKey, consumerSecret));
        }
        return new StoreClient(address, retrofit(address, authenticated.build()).create(WooCommerceApi.class),
                retrofit(address, http).create(WordPressPages.class), calls, properties.pageSize());
    }

    private static retrofit2.Retrofit retrofit(StoreAddress address, OkHttpClient client) {
        return new retrofit2.Retrofit.Builder().baseUrl(address.url() + "/").client(client)
                .addConverterFactory(new JsonBodies()).build();
    }
}
