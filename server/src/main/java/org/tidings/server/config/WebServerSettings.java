package org.tidings.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/** Applies {@code tidings.port} and {@code tidings.bind-address} to the embedded web server. */
@Component
class WebServerSettings implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

    private final TidingsProperties properties;

    WebServerSettings(TidingsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        factory.setPort(properties.port());
        try {
            factory.setAddress(InetAddress.getByName(properties.bindAddress()));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("tidings.bind-address is not an address: " + properties.bindAddress(), e);
        }
    }
}
