package dev.baton.woocommerce.internal;

import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.jsoup.Jsoup;
import retrofit2.Converter;
import retrofit2.Retrofit;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads WooCommerce's snake_case JSON into the payload records with Jackson. A body that is not JSON at all (a
 * maintenance page, a security plugin's challenge, a caching plugin's HTML) fails with {@link NotJson}, whatever its
 * content type claims. Request bodies are written the same way.
 */
final class JsonBodies extends Converter.Factory {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
        JavaType javaType = MAPPER.getTypeFactory().constructType(type);
        return body -> {
            String text = body.string();
            if (!looksLikeJson(text)) {
                throw new NotJson(describe(text));
            }
            return MAPPER.readValue(text, javaType);
        };
    }

    /** Request bodies (creating and changing webhooks) in the same snake_case JSON. */
    @Override
    public Converter<?, RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
            Annotation[] methodAnnotations, Retrofit retrofit) {
        return value -> RequestBody.create(MAPPER.writeValueAsBytes(value), JSON);
    }

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    static boolean looksLikeJson(String text) {
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    /** What a non-JSON page is, in a few words: its title, or its first text. */
    static String describe(String text) {
        if (text.isBlank()) {
            return "an empty page";
        }
        var document = Jsoup.parse(text);
        String title = document.title().strip();
        String summary = title.isEmpty() ? document.text().strip() : title;
        if (summary.length() > 120) {
            summary = summary.substring(0, 120) + "…";
        }
        return summary.isEmpty() ? "a page that is not JSON" : "a page titled '" + summary + "'";
    }

    /** The store answered with something other than the REST API's JSON. */
    static final class NotJson extends IOException {
        NotJson(String what) {
            super(what);
        }
    }
}
