package io.donutstates.web;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import jakarta.servlet.DispatcherType;

/**
 * The web server's side of "every answer is the shop's JSON with its security headers": Tomcat's
 * error report replaced by {@link JsonErrorReportValve}, and {@link SecurityHeadersFilter} in front
 * of every servlet, for requests and error dispatches alike.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorAnswers {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReports() {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            // Just before the application starts, every other customizer has run and the host has put
            // in its error report valve: replace it (and any other) with the JSON one.
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                useJsonErrorReports(context.getParent());
            }
        }));
    }

    private static void useJsonErrorReports(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        boolean present = false;
        for (Valve valve : host.getPipeline().getValves()) {
            present |= valve instanceof JsonErrorReportValve;
        }
        if (!present) {
            host.getPipeline().addValve(new JsonErrorReportValve());
        }
        if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(JsonErrorReportValve.class.getName());
        }
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeaders() {
        var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("securityHeaders");
        return registration;
    }
}
