package org.tidings.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring Boot application behind {@code ./tidings serve}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TidingsApplication {

    /** Starts the server; {@code args} are Spring arguments such as {@code --tidings.port=9090}. */
    public static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(TidingsApplication.class, args);
    }
}
