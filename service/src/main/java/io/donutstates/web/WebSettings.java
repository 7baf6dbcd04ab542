package io.donutstates.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Web wiring: the admin guard on {@code /api/admin/**}. */
@Configuration(proxyBeanMethods = false)
class WebSettings implements WebMvcConfigurer {

    private final AdminToken adminToken;

    WebSettings(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(adminToken).addPathPatterns("/api/admin/**");
    }
}
