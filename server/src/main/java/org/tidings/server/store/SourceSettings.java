package org.tidings.server.store;

/** What an operator sets on a source: everything but its health and schedule. */
public record SourceSettings(String feedUrl, String name, String siteUrl, String language, String region, String section,
        boolean fullText, boolean enabled) {}
