package org.tidings.article;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * What a publisher writes under its lead picture, by one rule wherever it was found (a page's JSON-LD or figure, a
 * feed's Media RSS): {@code text} says what the picture shows, {@code credit} whose it is. Labels ("Photo:",
 * "Image caption,") are taken off, a credit written after the caption is moved to the credit, and a "caption" that is
 * only a credit ("Getty Images", "AFP via Getty Images", "© Jane Doe") is one: a reader learns nothing about the picture
 * from it. Absent values are null; a wrong caption is worse than none, so anything unsure is left out.
 *
 * @param text   at most {@link #MAX_CHARS} characters, cut at a word
 * @param credit at most {@link #MAX_CREDIT_CHARS} characters; a longer one is not a credit and is left out
 */
public record ImageCaption(String text, String credit) {

    public static final ImageCaption NONE = new ImageCaption(null, null);

    /** Enough for the longest real captions (two sentences); a longer text is an article's paragraph, shown cut. */
    public static final int MAX_CHARS = 300;
    public static final int MAX_CREDIT_CHARS = 120;

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u200B]+");

    /** Text read of a caption or credit: bounds the patterns' time on hostile input; a caption is cut far shorter. */
    private static final int MAX_READ_CHARS = 2_000;

    /** "Image caption, " / "Caption: " before the caption itself (screen-reader labels, CMS field names). */
    private static final Pattern CAPTION_LABEL = Pattern.compile("(?iu)^((image|photo|media|picture)\\s+)?(caption|legende|légende|bildunterschrift)\\s*[:：,]\\s*");

    private static final String CREDIT_WORDS = "(photo(graph)?s?|photographer|fotograf(in)?|pictures?|pics?|images?|fotos?|bild(er)?|credits?|"
            + "(photo|image|picture|foto|bild)\\s+(credit|source|quelle|by)|source|quelle|copyright|illustration|video)";

    /** A text that is a credit by its label: "Photo: Jane Doe", "Image source, Getty Images", "Copyright Jane Doe". */
    private static final Pattern CREDIT_LABEL = Pattern.compile("(?iu)^(" + CREDIT_WORDS + "\\s*[:：]|image source\\s*,|copyright\\b|©|\\(c\\))\\s*(?<credit>.+)$");

    /**
     * A credit after the caption, after a sentence's end, a separator or in brackets: "The quay on Monday. Photo: Jane
     * Doe/Reuters", "The quay | Credit: Jane Doe", "The quay (Photo: Jane Doe)", "The quay © Jane Doe". A label inside a
     * sentence ("The picture: a quay") is not one.
     */
    private static final Pattern TRAILING_CREDIT = Pattern.compile("(?iu)^(?<caption>.*?\\S)(?:(?<=[.!?\"'”’)])\\s+|\\s*[|–—]\\s*|\\s+[-/]\\s+"
            + "|\\s*(?=[(\\[])|\\s+(?=©))[(\\[]?\\s*(" + CREDIT_WORDS + "\\s*[:：]|©|\\(c\\)|copyright\\s)\\s*(?<credit>.{1,120}?)\\s*[)\\]]?\\s*$");

    /** A credit in brackets at the end: "... (AP Photo/Jane Doe)", "... [Getty Images]". */
    private static final Pattern TRAILING_BRACKETS = Pattern.compile("^(?<caption>.*?\\S)\\s*[(\\[](?<credit>[^()\\[\\]]{2,120})[)\\]]\\s*$");

    /** What picture agencies and libraries put in a credit; a short capitalised text with one of them is a credit. */
    private static final Pattern AGENCY = Pattern.compile("(?iu)(^|[\\s/,;(])(getty( images)?|reuters|afp|ap( photo)?|epa(-efe)?|efe|dpa|"
            + "anp|ansa|xinhua|bloomberg|shutterstock|istock(photo)?|alamy|imago|keystone|corbis|wireimage|nurphoto|sopa images|"
            + "pa( wire| images| media)?|picture[ -]alliance|unsplash|pexels|pixabay|wikimedia( commons)?|handout|file photo|"
            + "stock photo|courtesy( of)?|via)($|[\\s/,;)])");

    /** Words a credit may hold that are not capitalised names. */
    private static final Pattern CREDIT_CONNECTOR = Pattern.compile("(?iu)via|for|and|of|de|van|von|der|la|le|du|da|&|/|-|–|/?images?|photos?|istockphoto");

    /** A label with nothing after it, or a button's text: no caption. */
    private static final Pattern BARE_LABEL = Pattern.compile("(?iu)^(" + CREDIT_WORDS + "|caption|photo illustration|enlarge( this image)?|"
            + "expand|zoom|open gallery|view gallery|hide caption|toggle caption|image \\d+( of \\d+)?|\\d+\\s*/\\s*\\d+)[\\s.:：]*$");

    /** Brackets around the whole text: "(Photo: Ana Ruiz)". */
    private static final Pattern BRACKETED = Pattern.compile("^[(\\[]([^()\\[\\]]*)[)\\]]$");

    /** Separators left at either end once a credit or a label is taken off. */
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s:：,;|/–—-]+");
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s:：,;|/–—-]+$");

    /** A sentence's end followed by more: a "credit" that holds one is a caption in the credit's place. */
    private static final Pattern SENTENCES = Pattern.compile("[.!?]\\s+\\p{Lu}");

    public ImageCaption {
        text = blankToNull(text);
        credit = blankToNull(credit);
    }

    /** A caption and credit as a publisher wrote them (plain text or HTML; either may be null), cleaned. */
    public static ImageCaption of(String caption, String credit) {
        String text = unwrap(plain(caption));
        String by = unwrap(plain(credit));
        if (by != null && isSentence(by)) {
            if (text == null) text = by;
            by = null;
        }
        if (text != null) {
            text = CAPTION_LABEL.matcher(text).replaceFirst("");
            Matcher labelled = CREDIT_LABEL.matcher(text);
            if (labelled.matches() && isSentence(labelled.group("credit"))) {
                text = labelled.group("credit"); // "Bild: A drone approached the carrier. A screenshot": a caption, labelled
            } else if (labelled.matches()) {
                by = by != null ? by : labelled.group("credit");
                text = null;
            }
        }
        if (text != null) {
            for (Pattern trailing : new Pattern[] {TRAILING_CREDIT, TRAILING_BRACKETS}) {
                Matcher m = trailing.matcher(text);
                if (m.matches() && (trailing == TRAILING_CREDIT || isCredit(m.group("credit")))) {
                    by = by != null ? by : m.group("credit");
                    text = m.group("caption").replaceFirst("[\\s|/–—-]+$", "");
                    break;
                }
            }
        }
        if (text != null && isCredit(text)) {
            by = by != null ? by : text;
            text = null;
        }
        if (text != null) text = blankToNull(TRAILING_SEPARATORS.matcher(LEADING_SEPARATORS.matcher(text).replaceFirst("")).replaceFirst(""));
        // one word ("Sylvester2020", "dav_soft", "Training") is a file's or a library's name more often than a caption
        if (text != null && (BARE_LABEL.matcher(text).matches() || text.codePoints().filter(Character::isLetter).count() < 2
                || !text.contains(" "))) {
            text = null;
        }
        by = credit(by);
        if (text != null && by != null && text.equalsIgnoreCase(by)) text = null;
        return new ImageCaption(text == null ? null : ArticleText.cut(text, MAX_CHARS), by);
    }

    public boolean isEmpty() {
        return text == null && credit == null;
    }

    /** Sentences, or more words than a credit has. */
    private static boolean isSentence(String text) {
        return SENTENCES.matcher(text).find() || text.split("\\s+").length > 12;
    }

    private static String unwrap(String text) {
        Matcher m = text == null ? null : BRACKETED.matcher(text);
        return m != null && m.matches() ? blankToNull(m.group(1).strip()) : text;
    }

    /** Plain text with single spaces: tags and entities of an HTML value read as a browser shows them. */
    private static String plain(String value) {
        if (value == null || value.isBlank()) return null;
        String text = value.indexOf('<') >= 0 || value.indexOf('&') >= 0 ? Jsoup.parseBodyFragment(value).text() : value;
        text = SPACES.matcher(text.length() > MAX_READ_CHARS * 2 ? text.substring(0, MAX_READ_CHARS * 2) : text).replaceAll(" ").strip();
        return blankToNull(text.length() > MAX_READ_CHARS ? text.substring(0, MAX_READ_CHARS) : text);
    }

    /**
     * A text that only says whose the picture is: "© ..." or "Copyright ...", or a few capitalised words naming an
     * agency ("Getty Images", "Jane Doe/AFP via Getty Images", "AP Photo/Jane Doe"). A sentence that mentions an
     * agency ("A man walks past Reuters' offices") has words in lower case, and stays a caption.
     */
    static boolean isCredit(String text) {
        String t = text.strip();
        if (t.startsWith("©") || t.toLowerCase(Locale.ROOT).startsWith("copyright ")) return true;
        if (!AGENCY.matcher(t).find()) return false;
        String[] words = t.split("[\\s/,;()]+");
        if (words.length > 7) return false;
        for (String word : words) {
            if (word.isEmpty() || CREDIT_CONNECTOR.matcher(word).matches()) continue;
            int first = word.codePointAt(0);
            if (Character.isLetter(first) && !Character.isUpperCase(first)) return false;
        }
        return !t.endsWith(".") || t.endsWith("Inc.") || t.endsWith("Ltd.");
    }

    /** The credit without its label ("Photograph: "), or null when it is too long to be one. */
    private static String credit(String credit) {
        credit = credit == null ? null : unwrap(credit.strip());
        Matcher labelled = credit == null ? null : CREDIT_LABEL.matcher(credit);
        if (labelled != null && labelled.matches()) credit = labelled.group("credit");
        String c = blankToNull(credit == null ? null : credit.strip().replaceFirst("^[©:：,\\s]+", "").replaceFirst("[\\s.,;]+$", ""));
        if (c != null && c.chars().filter(ch -> ch == '(').count() > c.chars().filter(ch -> ch == ')').count()) c += ")";
        if (c == null || c.length() > MAX_CREDIT_CHARS || BARE_LABEL.matcher(c).matches()) return null;
        return c;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
