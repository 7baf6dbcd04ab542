package io.donutstates.sales;

import io.donutstates.http.SalesEndpoints;
import io.donutstates.service.ShopMetrics;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Maps {@code /api/sales} and {@code /send} to {@link SalesServlet}; every other path stays with Spring MVC. */
@Configuration(proxyBeanMethods = false)
class SalesServletWiring {

    @Bean
    ServletRegistrationBean<SalesServlet> salesServlet(SalesEndpoints endpoints, ShopMetrics metrics) {
        var registration = new ServletRegistrationBean<>(new SalesServlet(endpoints, metrics),
                SalesServlet.SALES, SalesServlet.LEGACY_SEND);
        registration.setName("sales");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
