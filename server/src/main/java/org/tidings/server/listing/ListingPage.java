package org.tidings.server.listing;

/**
 * What a list page shows besides its articles: its heading and the feed of the same list.
 *
 * @param kind     section, topic or source: the page's class and its intro sentence
 * @param heading  the page's name (a section, a topic, a publisher)
 * @param path     the page's own path, for the pager and the feed
 * @param feedPath the Atom feed of the same list
 * @param siteUrl  the publisher's site (source pages only), else null
 */
public record ListingPage(String kind, String heading, String path, String feedPath, String siteUrl) {}
