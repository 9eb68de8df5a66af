package org.tidings.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;

/**
 * A page holds only a teaser when it shows a paywall sign (JSON-LD, a paywall box, a "subscribe
 * to read on" prompt) and a short text, or next to no text at all.
 */
final class Teasers {

    /** With a paywall sign, text below this is a teaser: full news articles are longer. */
    static final int PAYWALLED_MAX_CHARS = 2_000;
    /** Without any sign, only this little text counts as "no article found". */
    static final int NOTHING_CHARS = 150;

    private static final Pattern PAYWALL_CLASS = Pattern.compile(
            "(?i)(^|[^a-z])(paywall|pay-wall|premium-content|subscriber-only|subscribers-only|piano-offer|"
                    + "tp-modal|regwall|meteredcontent|article-locked|locked-content|plus-content)([^a-z]|$)");

    private static final Pattern PAYWALL_TEXT = Pattern.compile("(?iu)(subscribe (now )?to (continue|keep) reading|"
            + "to (continue|keep) reading,? (please )?(subscribe|log ?in|sign in)|this (article|story|content) is "
            + "(only )?(available|exclusive|reserved) (to|for) (subscribers|members)|already a subscriber|"
            + "subscribers only|réservé aux abonnés|article réservé|exklusiv für abonnenten|jetzt weiterlesen|"
            + "weiterlesen mit|abonnieren sie|plus-artikel|contenido exclusivo para suscriptores|"
            + "solo para suscriptores|riservato agli abbonati|tylko dla subskrybentów)");

    private Teasers() {}

    /** Looks for paywall signs; call before the page is cleaned (cleaning removes the boxes). */
    static boolean hasPaywallSign(Document doc, StructuredData ld) {
        if (Boolean.FALSE.equals(ld.accessibleForFree()) || doc.body().select("[class], [id]").stream()
                .anyMatch(e -> PAYWALL_CLASS.matcher(e.className()).find() || PAYWALL_CLASS.matcher(e.id()).find())) return true;
        String text = doc.body().text();
        text = text.substring(0, Math.min(text.length(), MAX_SCANNED_CHARS));
        String lower = text.toLowerCase(Locale.ROOT);
        return PAYWALL_STEMS.stream().anyMatch(lower::contains) && PAYWALL_TEXT.matcher(text).find();
    }

    /** Paywall prompts sit near the article, within the first few hundred thousand characters. */
    private static final int MAX_SCANNED_CHARS = 300_000;

    /** Cheap pre-check: every PAYWALL_TEXT phrase contains one of these. */
    private static final List<String> PAYWALL_STEMS = List.of("subscri", "abonn", "weiterlesen",
            "plus-artikel", "suscriptor", "abbonat", "subskryb", "reading", "réservé", "members");

    static boolean isTeaser(boolean paywallSign, String text) {
        return text.length() < NOTHING_CHARS || paywallSign && text.length() < PAYWALLED_MAX_CHARS;
    }
}
