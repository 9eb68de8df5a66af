package org.tidings.server.config;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** This process's name in leases and claims: {@code tidings.scheduler.worker-id}, else host:pid:random. */
@Component
public class WorkerIdentity {

    private final String id;

    public WorkerIdentity(TidingsProperties properties) {
        String configured = properties.scheduler().workerId();
        this.id = configured.isBlank() ? generated() : configured;
    }

    public String id() {
        return id;
    }

    private static String generated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":" + UUID.randomUUID().toString().substring(0, 8);
    }
}
