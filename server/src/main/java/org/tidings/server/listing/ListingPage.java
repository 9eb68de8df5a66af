package org.tidings.server.listing;

/**
 * What a list page shows besides its articles. {@code kind} (section, topic or source) picks the page's class and
 * intro sentence; {@code siteUrl} is the publisher's site on source pages, else null.
 */
public record ListingPage(String kind, String heading, String path, String feedPath, String siteUrl) {}
