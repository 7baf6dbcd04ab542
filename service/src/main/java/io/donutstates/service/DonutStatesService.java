package io.donutstates.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The Donut-States service against external MySQL/MariaDB, SQS (or SNS) and a factory. */
@SpringBootApplication(scanBasePackages = "io.donutstates")
@EnableConfigurationProperties(DonutProperties.class)
public class DonutStatesService {

    public static void main(String[] args) {
        SpringApplication.run(DonutStatesService.class, args);
    }
}
