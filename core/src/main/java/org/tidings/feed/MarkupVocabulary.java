package org.tidings.feed;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The names {@link FeedSanitizer} and {@link CssCleaner} allow, as the Universal Feed Parser documents
 * them: HTML elements and attributes, inline SVG and MathML, CSS properties and keywords, URI schemes,
 * and HTML 4's 252 named entities (the ones feedparser keeps as references and counts as HTML).
 */
final class MarkupVocabulary {

    private MarkupVocabulary() {}

    static final Set<String> HTML_ELEMENTS = words("""
            a abbr acronym address area article aside audio b big blockquote br button canvas caption center cite
            code col colgroup command datagrid datalist dd del details dfn dialog dir div dl dt em event-source
            fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 header hr i img input ins kbd keygen label
            legend li m map menu meter multicol nav nextid noscript ol optgroup option output p pre progress q s
            samp section select small sound source spacer span strike strong sub sup table tbody td textarea tfoot
            th thead time tr tt u ul var video""");

    static final Set<String> HTML_ATTRIBUTES = words("""
            abbr accept accept-charset accesskey action align alt autocomplete autofocus axis background balance
            bgcolor bgproperties border bordercolor bordercolordark bordercolorlight bottompadding cellpadding
            cellspacing ch challenge char charoff charset checked choff cite class clear color cols colspan compact
            contenteditable controls coords data datafld datapagesize datasrc datetime default delay dir disabled
            draggable dynsrc enctype end face for form frame galleryimg gutter headers height hidden hidefocus high
            href hreflang hspace icon id inputmode ismap keytype label lang leftspacing list longdesc loop loopcount
            loopend loopstart low lowsrc max maxlength media method min multiple name nohref noshade nowrap open
            optimum pattern ping point-size poster pqg preload prompt radiogroup readonly rel repeat-max repeat-min
            replace required rev rightspacing rows rowspan rules scope selected shape size span src start step
            style summary suppress tabindex target template title toppadding type unselectable urn usemap valign
            value variable volume vrml vspace width wrap xml:lang""");

    /** Dropped with the text inside them. */
    static final Set<String> DROPPED_WITH_TEXT = Set.of("script", "style", "applet");

    /** Written {@code <br />}, never closed. */
    static final Set<String> VOID = words("area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr");

    static final Set<String> MATHML_ELEMENTS = words("""
            annotation annotation-xml maction maligngroup malignmark math menclose merror mfenced mfrac mglyph mi
            mlabeledtr mlongdiv mmultiscripts mn mo mover mpadded mphantom mprescripts mroot mrow ms mscarries
            mscarry msgroup msline mspace msqrt msrow mstack mstyle msub msubsup msup mtable mtd mtext mtr munder
            munderover none semantics""");

    static final Set<String> MATHML_ATTRIBUTES = words("""
            accent accentunder actiontype align alignmentscope altimg altimg-height altimg-valign altimg-width
            alttext bevelled charalign close columnalign columnlines columnspacing columnspan columnwidth crossout
            decimalpoint denomalign depth dir display displaystyle edge encoding equalcolumns equalrows fence
            fontstyle fontweight form frame framespacing groupalign height href id indentalign indentalignfirst
            indentalignlast indentshift indentshiftfirst indentshiftlast indenttarget infixlinebreakstyle largeop
            length linebreak linebreakmultchar linebreakstyle lineleading linethickness location longdivstyle lquote
            lspace mathbackground mathcolor mathsize mathvariant maxsize minlabelspacing minsize movablelimits
            notation numalign open other overflow position rowalign rowlines rowspacing rowspan rquote rspace
            scriptlevel scriptminsize scriptsizemultiplier selection separator separators shift side src stackalign
            stretchy subscriptshift superscriptshift symmetric voffset width xlink:href xlink:show xlink:type xmlns
            xmlns:xlink""");

    /** SVG element names by their lower-case form (tags are read lower-case), written in their own case. */
    static final Map<String, String> SVG_ELEMENTS = byLowerCase("""
            a animate animateColor animateMotion animateTransform circle defs desc ellipse font-face font-face-name
            font-face-src foreignObject g glyph hkern line linearGradient marker metadata missing-glyph mpath path
            polygon polyline radialGradient rect set stop svg switch text title tspan use""");

    static final Map<String, String> SVG_ATTRIBUTES = byLowerCase("""
            accent-height accumulate additive alphabetic arabic-form ascent attributeName attributeType baseProfile
            bbox begin by calcMode cap-height class color color-rendering content cx cy d descent display dur dx dy
            end fill fill-opacity fill-rule font-family font-size font-stretch font-style font-variant font-weight
            from fx fy g1 g2 glyph-name gradientUnits hanging height horiz-adv-x horiz-origin-x id ideographic k
            keyPoints keySplines keyTimes lang marker-end marker-mid marker-start markerHeight markerUnits
            markerWidth mathematical max min name offset opacity orient origin overline-position
            overline-thickness panose-1 path pathLength points preserveAspectRatio r refX refY repeatCount
            repeatDur requiredExtensions requiredFeatures restart rotate rx ry slope stemh stemv stop-color
            stop-opacity strikethrough-position strikethrough-thickness stroke stroke-dasharray stroke-dashoffset
            stroke-linecap stroke-linejoin stroke-miterlimit stroke-opacity stroke-width systemLanguage target
            text-anchor to transform type u1 u2 underline-position underline-thickness unicode unicode-range
            units-per-em values version viewBox visibility width widths x x-height x1 x2 xlink:actuate
            xlink:arcrole xlink:href xlink:role xlink:show xlink:title xlink:type xml:base xml:lang xml:space xmlns
            xmlns:xlink y y1 y2 zoomAndPan""");

    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String MATHML_NS = "http://www.w3.org/1998/Math/MathML";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";

    static final Set<String> CSS_PROPERTIES = words("""
            azimuth background-color border-bottom-color border-collapse border-color border-left-color
            border-right-color border-top-color clear color cursor direction display elevation float font
            font-family font-size font-style font-variant font-weight height letter-spacing line-height overflow
            pause pause-after pause-before pitch pitch-range richness speak speak-header speak-numeral
            speak-punctuation speech-rate stress text-align text-decoration text-indent unicode-bidi vertical-align
            voice-family volume white-space width""");

    static final Set<String> CSS_KEYWORDS = words("""
            aqua auto black block blue bold both bottom brown center collapse dashed dotted fuchsia gray green
            !important italic left lime maroon medium navy none normal nowrap olive pointer purple red right solid
            silver teal top transparent underline white yellow""");

    static final Set<String> SVG_CSS_PROPERTIES = words("fill fill-opacity fill-rule stroke stroke-linecap stroke-linejoin stroke-opacity stroke-width");

    static final Set<String> URI_SCHEMES = words("""
            file ftp gopher h323 hdl http https imap magnet mailto mms news nntp prospero rsync rtsp rtspu sftp
            shttp sip sips snews svn svn+ssh telnet wais aim callto cvs facetime feed git gtalk irc ircs irc6 itms
            msnim skype ssh smb ymsg""");

    /** HTML 4's named entities (Python's html.entities), which feedparser keeps as references. */
    static final Set<String> HTML4_ENTITIES = words("""
            nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3
            acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde
            Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc
            Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml
            aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc
            otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml fnof Alpha Beta Gamma Delta Epsilon
            Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho Sigma Tau Upsilon Phi Chi Psi Omega alpha beta
            gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon phi
            chi psi omega thetasym upsih piv bull hellip prime Prime oline frasl weierp image real trade alefsym larr
            uarr rarr darr harr crarr lArr uArr rArr dArr hArr forall part exist empty nabla isin notin ni prod sum
            minus lowast radic prop infin ang and or cap cup int there4 sim cong asymp ne equiv le ge sub sup nsub
            sube supe oplus otimes perp sdot lceil rceil lfloor rfloor lang rang loz spades clubs hearts diams quot
            amp lt gt OElig oelig Scaron scaron Yuml circ tilde ensp emsp thinsp zwnj zwj lrm rlm ndash mdash lsquo
            rsquo sbquo ldquo rdquo bdquo dagger Dagger permil lsaquo rsaquo euro""");

    private static Set<String> words(String list) {
        return Set.of(list.strip().split("\\s+"));
    }

    private static Map<String, String> byLowerCase(String list) {
        return Stream.of(list.strip().split("\\s+"))
                .collect(Collectors.toUnmodifiableMap(w -> w.toLowerCase(Locale.ROOT), Function.identity()));
    }
}
