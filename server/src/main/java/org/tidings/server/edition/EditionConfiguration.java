package org.tidings.server.edition;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every page knows its reader's edition. */
@Configuration(proxyBeanMethods = false)
class EditionConfiguration implements WebMvcConfigurer {

    private final Editions editions;

    EditionConfiguration(Editions editions) {
        this.editions = editions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(editions);
    }
}
