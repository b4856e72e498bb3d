package dev.baton.woocommerce.internal;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.builder.api.OAuth1SignatureType;
import com.github.scribejava.core.exceptions.OAuthSignatureException;
import com.github.scribejava.core.extractors.BaseStringExtractor;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthConstants;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import com.github.scribejava.core.services.SignatureService;
import com.github.scribejava.core.utils.OAuthEncoder;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Signs each request to a store on plain HTTP with OAuth 1.0a, one-legged (consumer key and secret, no token),
 * HMAC-SHA256, the parameters in the query string, as WooCommerce requires there. ScribeJava adds the nonce,
 * timestamp and parameters and computes the signature; two pieces are WooCommerce's own: HMAC-SHA256 (ScribeJava
 * ships HMAC-SHA1 only) and the base string, whose parameter list WooCommerce does not encode a second time (see
 * decision 35).
 */
final class OAuthSigning implements Interceptor {

    private final OAuth10aService service;

    OAuthSigning(String consumerKey, String consumerSecret) {
        this.service = new ServiceBuilder(consumerKey).apiSecret(consumerSecret).build(OneLegged.INSTANCE);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        OAuthRequest signed = new OAuthRequest(Verb.valueOf(request.method()), request.url().toString());
        service.signRequest(new OAuth1AccessToken("", ""), signed);
        return chain.proceed(request.newBuilder().url(signed.getCompleteUrl()).build());
    }

    /** No token endpoints: WooCommerce's keys are used directly. */
    static final class OneLegged extends DefaultApi10a {

        static final OneLegged INSTANCE = new OneLegged();
        /** ScribeJava's API type asks for the three-legged flow's endpoints; WooCommerce has none of them. */
        private static final String NO_TOKEN_FLOW = "WooCommerce's OAuth 1.0a is one-legged: the consumer key and "
                + "secret sign every request, and there is no token endpoint to call";

        @Override
        public String getRequestTokenEndpoint() {
            throw new UnsupportedOperationException(NO_TOKEN_FLOW);
        }

        @Override
        public String getAccessTokenEndpoint() {
            throw new UnsupportedOperationException(NO_TOKEN_FLOW);
        }

        @Override
        protected String getAuthorizationBaseUrl() {
            throw new UnsupportedOperationException(NO_TOKEN_FLOW);
        }

        @Override
        public OAuth1SignatureType getSignatureType() {
            return OAuth1SignatureType.QUERY_STRING;
        }

        @Override
        public SignatureService getSignatureService() {
            return HmacSha256.INSTANCE;
        }

        @Override
        public BaseStringExtractor getBaseStringExtractor() {
            return WooCommerceBaseString.INSTANCE;
        }
    }

    /** Key: the encoded consumer secret, '&', the (empty) token secret, as WooCommerce's v3 API checks it. */
    static final class HmacSha256 implements SignatureService {

        static final HmacSha256 INSTANCE = new HmacSha256();

        @Override
        public String getSignature(String baseString, String apiSecret, String tokenSecret) {
            try {
                String key = OAuthEncoder.encode(apiSecret) + '&' + OAuthEncoder.encode(tokenSecret);
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new OAuthSignatureException(baseString, e);
            }
        }

        @Override
        public String getSignatureMethod() {
            return "HMAC-SHA256";
        }
    }

    /**
     * WooCommerce's string to sign ({@code WC_REST_Authentication::check_oauth_signature}): the method, the encoded
     * URL without its query, and the parameters sorted by name, each name and value encoded once and joined with
     * {@code %3D} and {@code %26}. RFC 5849 encodes that list a second time; the two agree only while no value holds a
     * reserved character (a date's ':' or an email's '@' do).
     */
    static final class WooCommerceBaseString implements BaseStringExtractor {

        static final WooCommerceBaseString INSTANCE = new WooCommerceBaseString();

        @Override
        public String extract(OAuthRequest request) {
            Map<String, String> parameters = new TreeMap<>();
            request.getQueryStringParams().getParams()
                    .forEach(parameter -> parameters.put(parameter.getKey(), parameter.getValue()));
            request.getOauthParameters().forEach(parameters::put);
            parameters.remove(OAuthConstants.SIGNATURE);
            List<String> pairs = new ArrayList<>();
            parameters.forEach((name, value) -> pairs.add(OAuthEncoder.encode(name) + "%3D" + OAuthEncoder.encode(value)));
            return request.getVerb().name() + '&' + OAuthEncoder.encode(request.getSanitizedUrl()) + '&'
                    + pairs.stream().collect(Collectors.joining("%26"));
        }
    }
}
