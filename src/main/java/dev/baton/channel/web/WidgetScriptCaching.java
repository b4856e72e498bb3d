package dev.baton.channel.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * The widget's script loads with every page of every store that uses it, so browsers and CDNs may keep it for an
 * hour (its address never changes, so not longer: a new version reaches everyone within the hour).
 */
@Configuration(proxyBeanMethods = false)
class WidgetScriptCaching implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/widget/*.js").addResourceLocations("classpath:/static/widget/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
    }
}
