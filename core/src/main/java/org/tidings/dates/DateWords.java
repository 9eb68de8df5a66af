package org.tidings.dates;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words dates are written with: month names in the common European languages, and time zones. */
final class DateWords {

    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{1,2})(?::?(\\d{2}))?");
    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Map<String, Integer> ZONES = new HashMap<>();

    static {
        String[][] months = {
            {"jan", "january", "janv", "janvier", "januar", "ene", "enero", "gen", "gennaio", "janeiro", "januari", "jän", "sty", "stycznia", "ian", "январь", "января", "янв", "ιαν"},
            {"feb", "february", "fév", "févr", "fev", "février", "februar", "febrero", "febbraio", "fevereiro", "februari", "lut", "lutego", "февраль", "февраля", "фев", "φεβ"},
            {"mar", "march", "mars", "mär", "märz", "mrz", "marzo", "março", "maart", "mrt", "marca", "март", "марта", "мар", "μαρ"},
            {"apr", "april", "avr", "avril", "abr", "abril", "aprile", "kwi", "kwietnia", "апрель", "апреля", "апр", "απρ"},
            {"may", "mai", "mayo", "mag", "maggio", "maio", "mei", "maj", "maja", "май", "мая", "μαΐ", "μαι"},
            {"jun", "june", "juin", "juni", "junio", "giu", "giugno", "junho", "cze", "czerwca", "июнь", "июня", "июн", "ιουν"},
            {"jul", "july", "juil", "juillet", "juli", "julio", "lug", "luglio", "julho", "lip", "lipca", "июль", "июля", "июл", "ιουλ"},
            {"aug", "august", "août", "aout", "ago", "agosto", "sie", "sierpnia", "август", "августа", "авг", "αυγ"},
            {"sep", "sept", "september", "septembre", "septiembre", "set", "settembre", "setembro", "wrz", "września", "сентябрь", "сентября", "сен", "σεπ"},
            {"oct", "october", "octobre", "okt", "oktober", "octubre", "ott", "ottobre", "out", "outubro", "paź", "października", "октябрь", "октября", "окт", "οκτ"},
            {"nov", "november", "novembre", "noviembre", "novembro", "lis", "listopada", "ноябрь", "ноября", "ноя", "νοε"},
            {"dec", "december", "déc", "décembre", "dez", "dezember", "dic", "diciembre", "dicembre", "dezembro", "gru", "grudnia", "декабрь", "декабря", "дек", "δεκ"},
        };
        for (int m = 0; m < months.length; m++) for (String name : months[m]) MONTHS.put(name, m + 1);
        String[][] zones = {
            {"0", "ut", "utc", "gmt", "z", "wet", "zulu"},
            {"-300", "est"}, {"-240", "edt", "ast"}, {"-360", "cst"}, {"-300", "cdt"}, {"-420", "mst"},
            {"-360", "mdt"}, {"-480", "pst"}, {"-420", "pdt"}, {"-540", "akst"}, {"-480", "akdt"},
            {"-600", "hst"}, {"-180", "adt"}, {"-210", "nst"}, {"-150", "ndt"},
            {"60", "cet", "met", "bst", "west", "wat"}, {"120", "cest", "mest", "eet", "cat", "sast"},
            {"180", "eest", "msk", "eat"}, {"330", "ist"}, {"420", "ict", "wib"}, {"480", "hkt", "sgt", "awst", "pht"},
            {"540", "jst", "kst"}, {"570", "acst"}, {"630", "acdt"}, {"600", "aest"}, {"660", "aedt"},
            {"720", "nzst"}, {"780", "nzdt"},
        };
        for (String[] z : zones) for (int i = 1; i < z.length; i++) ZONES.put(z[i], Integer.parseInt(z[0]));
    }

    private DateWords() {}

    /** The month (1 to 12) a lower-case word names, in full or abbreviated, or null. */
    static Integer month(String word) {
        Integer month = MONTHS.get(word);
        if (month == null && word.length() > 3 && word.chars().allMatch(c -> c < 128)) month = MONTHS.get(word.substring(0, 3));
        return month;
    }

    /** The offset in minutes of a zone name ("EST", "cest"), or null when it names none. */
    static Integer namedZone(String word) {
        return ZONES.get(word.toLowerCase(Locale.ROOT));
    }

    static boolean isOffset(String token) {
        return OFFSET.matcher(token).matches();
    }

    /** Minutes east of UTC of a zone name or a numeric offset ("+05:30", "-0800", "+2"); 0 when unreadable. */
    static int zoneMinutes(String zone) {
        Integer named = namedZone(zone);
        if (named != null) return named;
        Matcher m = OFFSET.matcher(zone);
        if (!m.matches()) return 0;
        int sign = m.group(1).equals("-") ? -1 : 1;
        int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return sign * (Integer.parseInt(m.group(2)) * 60 + minutes);
    }
}
