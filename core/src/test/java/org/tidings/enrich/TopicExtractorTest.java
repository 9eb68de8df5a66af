package org.tidings.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TopicExtractorTest {

    private static final TopicExtractor EXTRACTOR = new TopicExtractor(new Gazetteer());

    @Test
    void sentenceInitialCapitalsOfCommonWordsAreNoTopics() {
        List<Topic> topics = topics("", "Officials said the plan was late. Officials agreed. Officials left. "
                + "Several officials stayed. Critics said nothing. Critics waited. Critics left. The critics were "
                + "right. Officials and critics met.");
        assertThat(topics).extracting(Topic::name).doesNotContain("Officials", "Critics", "Several", "The");
    }

    @Test
    void monthsWeekdaysAndAgenciesAreNoTopics() {
        List<Topic> topics = topics("", "LONDON (Reuters) - On Monday in March, Reuters reported that AFP and "
                + "Reuters photographers covered the event. On Tuesday, the event ended. In April, on Friday, more. "
                + "March came. March went. Reuters said so in March and in March again. Monday Monday Monday.");
        assertThat(topics).extracting(Topic::name)
                .doesNotContain("Monday", "March", "Tuesday", "April", "Friday", "Reuters", "AFP", "On", "In");
    }

    @Test
    void titleBeforeAWordMakesAPersonAndTheSurnameMergesIntoTheFullName() {
        List<Topic> topics = topics("", "President Barack Obama met bankers on Wednesday. Obama said the economy "
                + "was improving. Later, Mr Obama left for Chicago.");
        assertThat(topics).filteredOn(t -> t.kind() == Topic.Kind.PERSON).extracting(Topic::slug)
                .containsExactly("barack-obama");
        assertThat(topics).extracting(Topic::name).doesNotContain("Obama", "President");
    }

    @Test
    void givenNameStartsAPersonAndTitlesInsideARunSplitIt() {
        List<Topic> topics = topics("", "Apple CEO Tim Cook said the company would grow. Tim Cook repeated it. "
                + "Microsoft also grew.");
        assertThat(topics).filteredOn(t -> t.slug().equals("tim-cook")).extracting(Topic::kind)
                .containsExactly(Topic.Kind.PERSON);
        assertThat(topics).filteredOn(t -> t.slug().equals("apple")).extracting(Topic::kind)
                .containsExactly(Topic.Kind.ORGANIZATION);
    }

    @Test
    void organisationWordsMakeOrganisations() {
        List<Topic> topics = topics("", "Shares of Northwind Holdings rose after the Bank of England kept rates "
                + "unchanged. Northwind Holdings said the Bank of England decision helped. The Labour Party objected, "
                + "and the Labour Party said so again.");
        assertThat(topics).filteredOn(t -> t.kind() == Topic.Kind.ORGANIZATION).extracting(Topic::slug)
                .contains("northwind-holdings", "bank-of-england", "labour-party");
        assertThat(topics).extracting(Topic::slug).doesNotContain("england");
    }

    @Test
    void aliasesOfKnownOrganisationsShareTheCanonicalName() {
        List<Topic> topics = topics("Fed holds rates", "The Fed kept rates on hold. The Federal Reserve said "
                + "inflation was easing.");
        assertThat(topics).filteredOn(t -> t.slug().equals("federal-reserve"))
                .extracting(Topic::name, Topic::kind, Topic::hashtag)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Federal Reserve", Topic.Kind.ORGANIZATION,
                        "#FederalReserve"));
    }

    @Test
    void shortWordsMustBeWrittenAsTheAcronym() {
        List<Topic> topics = topics("Who will help us?", "Who knows. Let us see what happens. Who cares, said one.");
        assertThat(topics).isEmpty();
        List<Topic> acronyms = topics("WHO warns US", "The WHO said the US must act. The WHO repeated it.");
        assertThat(acronyms).extracting(Topic::slug).contains("world-health-organization", "united-states");
    }

    @Test
    void lowerCaseCountryWordsAreNotPlaces() {
        List<Topic> topics = topics("", "We ate turkey on fine china and watched the chad on the ballot.");
        assertThat(topics).filteredOn(t -> t.kind() == Topic.Kind.PLACE).isEmpty();
    }

    @Test
    void titleCaseHeadlinesYieldOnlyKnownNames() {
        List<Topic> topics = topics("Markets Tumble As Investors Fear Slowdown In China", "");
        assertThat(topics).extracting(Topic::name).containsExactly("China");
    }

    @Test
    void recurringPhrasesBecomeSubjects() {
        List<Topic> topics = topics("Interest rates rise again", "The central bank raised interest rates. Higher "
                + "interest rates hurt borrowers. Analysts expect interest rates to keep rising this year.");
        assertThat(topics).filteredOn(t -> t.kind() == Topic.Kind.SUBJECT).extracting(Topic::name)
                .contains("interest rates");
    }

    @Test
    void arabicPersonAfterATitleSkipsDescriptiveWords() {
        List<Topic> topics = topics("", "قال الرئيس الأمريكي دونالد ترامب إن المحادثات مستمرة. "
                + "وأضاف ترامب أن الاتفاق قريب.");
        assertThat(topics).filteredOn(t -> t.kind() == Topic.Kind.PERSON).extracting(Topic::name)
                .containsExactly("دونالد ترامب");
    }

    @Test
    void arabicPlacesMatchThroughGluedPrepositions() {
        List<Topic> topics = topics("", "وصل الوفد إلى الرياض ثم توجه للإمارات وبالقاهرة التقى المسؤولين.");
        assertThat(topics).filteredOn(t -> t.kind() == Topic.Kind.PLACE).extracting(Topic::slug)
                .contains("riyadh", "united-arab-emirates", "cairo");
    }

    @Test
    void aCapitalOpeningAHeadlineIsNoEvidenceOfAName() {
        assertThat(topics("Copper slumps amid fears of slowdown in China", "")).extracting(Topic::name)
                .containsExactly("China");
        assertThat(topics("Trading firm plans listing", "")).isEmpty();
    }

    @Test
    void abbreviationDotsDoNotEndSentences() {
        List<Topic> topics = topics("", "Yesterday Mr. Smith met Sen. Warren in Boston. Mr. Smith said little.");
        assertThat(topics).filteredOn(t -> t.kind() == Topic.Kind.PERSON).extracting(Topic::name)
                .contains("Smith", "Warren");
    }

    @Test
    void namesJoinedByAndAreTwoTopics() {
        List<Topic> topics = topics("", "Shares of Contoso and Fabrikam rose. Analysts said Contoso and Fabrikam "
                + "would merge. Contoso declined to comment.");
        assertThat(topics).extracting(Topic::name).contains("Contoso", "Fabrikam")
                .doesNotContain("Contoso and Fabrikam");
    }

    @Test
    void demonymsLocateButAreNoTopics() {
        var result = EXTRACTOR.extract("German reliance on Russian gas worries Poland", "", "en");
        assertThat(result.topics()).extracting(Topic::name).containsExactly("Poland");
        assertThat(result.places()).extracting(Mention::country).containsExactlyInAnyOrder("DE", "RU", "PL");
    }

    @Test
    void shoutedWordsAreNoNames() {
        assertThat(topics("", "BREAKING NEWS TONIGHT: markets fell. MARKET OFFICIALS SAID prices fell. MARKET "
                + "OFFICIALS SAID more.")).isEmpty();
    }

    @Test
    void arabicDemonymsLocateButAreNoTopics() {
        var result = EXTRACTOR.extract("", "قال المسؤول الأمريكي إن الوفد الإماراتي وصل اليوم.", "ar");
        assertThat(result.topics()).filteredOn(t -> t.kind() == Topic.Kind.PLACE).isEmpty();
        assertThat(result.places()).extracting(Mention::country).containsExactlyInAnyOrder("US", "AE");
    }

    @Test
    void arabicInstitutionAfterATitleIsNoPerson() {
        List<Topic> topics = topics("", "قال رئيس مجلس الإدارة إن الشركة ستتوسع. وأكد رئيس هيئة الطيران ذلك.");
        assertThat(topics).filteredOn(t -> t.kind() == Topic.Kind.PERSON).isEmpty();
    }

    @Test
    void everydayEnglishWordsAreNoTopicsHoweverOftenCapitalised() {
        List<Topic> topics = topics("", "Flats in Leeds are Available to Rent with an Offer. Two more are "
                + "Available to Rent, each with an Offer, and three are Available to Rent with the same Offer. "
                + "Agents compare Pricing Strategies with Letting Strategies and Growth Strategies.", "en");
        assertThat(topics).extracting(Topic::name).doesNotContain("Available", "Rent", "Offer", "Strategies");
    }

    @Test
    void singleLettersAreNoTopics() {
        List<Topic> topics = topics("Advertisers leave X", "Advertisers left X this year. Users of X complained "
                + "and X lost money. Brands on X and Threads compared X with Threads.", "en");
        assertThat(topics).extracting(Topic::name).doesNotContain("X").contains("Threads");
    }

    @Test
    void germanVerbsCapitalisedInPlaceAreNoTopics() {
        List<Topic> topics = topics("", "Im Angebot: Gibt Rabatt in Hamburg. Beim Händler Gibt es Kuchen, beim "
                + "Bäcker Gibt es Brot und im Laden Gibt es Milch.", "de");
        assertThat(topics).extracting(Topic::name).doesNotContain("Gibt");
    }

    @Test
    void czechVerbsAndFrenchOrdinalsAreNoTopics() {
        assertThat(topics("", "Cena Zůstává stejná. Inflace Zůstává vysoká a sazba Zůstává beze změny, "
                + "řekl guvernér Aleš Michl. Koruna Zůstává silná.", "cs")).extracting(Topic::name)
                .doesNotContain("Zůstává");
        assertThat(topics("", "La Troisième édition du salon ouvre à Lyon. Pour la Troisième fois, la Troisième "
                + "salle accueille les visiteurs de la Troisième journée.", "fr")).extracting(Topic::name)
                .doesNotContain("Troisième");
    }

    @Test
    void everydayGermanNounsSideBySideAreNoName() {
        List<Topic> topics = topics("", "Nach Angaben der Behörde waren Millionen Menschen betroffen. Die Zahl "
                + "der Opfer stieg, weil Millionen Menschen in der Region leben. Millionen Menschen flohen.", "de");
        assertThat(topics).extracting(Topic::slug).doesNotContain("millionen-menschen", "menschen", "millionen");
    }

    @Test
    void aGermanAdjectiveOpeningASentenceIsNoPartOfAName() {
        List<Topic> topics = topics("Dunkles Shampoo im Test", "Ich möchte meine dunkle Haarfarbe behalten. Dunkles "
                + "Shampoo – dunkler Haaransatz? Wichtig ist, dass man das Shampoo lange einwirken lässt. Das Shampoo "
                + "riecht gut.", "de");
        assertThat(topics).extracting(Topic::slug).contains("shampoo").doesNotContain("dunkles-shampoo");
    }

    @Test
    void aWordHasOneLabelWhetherCapitalisedOrNot() {
        List<Topic> capitalised = topics("Acquisitions", "Acquisitions drove growth. Mergers and acquisitions "
                + "slowed. Growth came from Acquisitions of rivals, from Acquisitions of startups and from "
                + "acquisitions of patents. Analysts like Acquisitions.", "en");
        List<Topic> lower = topics("", "The firm paid for acquisitions. Its acquisitions of rivals and its "
                + "acquisitions of startups grew, and acquisitions of patents too.", "en");
        assertThat(capitalised).filteredOn(t -> t.slug().equals("acquisitions")).extracting(Topic::name)
                .containsExactly("acquisitions");
        assertThat(lower).filteredOn(t -> t.slug().equals("acquisitions")).extracting(Topic::name)
                .containsExactly("acquisitions");
    }

    @Test
    void inflectedFormsOfOneNameAreOneTopicUnderItsMostUsedForm() {
        List<Topic> english = topics("Oscars night", "The Oscars came early. Every Oscar went to one film, and the "
                + "Oscars ended. Critics of the Oscars said an Oscar is an Oscar. The Tweets of the night were many; "
                + "one Tweet led. Tweets followed.", "en");
        assertThat(english).extracting(Topic::slug).contains("oscars").doesNotContain("oscar");
        assertThat(english.stream().filter(t -> t.slug().startsWith("tweet")).count()).isLessThanOrEqualTo(1);

        List<Topic> german = topics("HPV-Impfungen in Japan", "Die HPV-Impfung kam spät nach Japan. Die HPV-Impfungen "
                + "stiegen dann, weil HPV-Impfungen kostenlos wurden. Eine HPV-Impfung schützt.", "de");
        assertThat(german.stream().filter(t -> t.slug().startsWith("hpv-impfung")).map(Topic::slug).toList())
                .as("one label").containsExactly("hpv-impfungen");

        List<Topic> polish = topics("Fundacja Lux Veritatis", "Fundacja Lux Veritatis dostała dotację. Fundacji Lux Veritatis "
                + "przyznano pieniądze, a Fundację Lux Veritatis skontrolowano. Fundacja Lux Veritatis milczy.", "pl");
        assertThat(polish.stream().filter(t -> t.slug().endsWith("lux-veritatis")).map(Topic::slug).toList())
                .containsExactly("fundacja-lux-veritatis");
    }

    @Test
    void namesThatOnlyShareABeginningStayApart() {
        List<Topic> topics = topics("Austria and Australia", "Austria beat Australia. Austria played well and Australia "
                + "did not. Australia lost to Austria again.", "en");
        assertThat(topics).extracting(Topic::slug).contains("austria", "australia");
    }

    @Test
    void linksInTheTextAreNoTopics() {
        List<Topic> topics = topics("", "See https://example.com/wp-content/uploads/Battery-Logo.png and "
                + "https://example.com/wp-content/uploads/Battery-Logo.png again, or www.example.com/Uploads.", "en");
        assertThat(topics).extracting(Topic::slug).noneMatch(slug -> slug.contains("example")
                || slug.contains("battery") || slug.contains("uploads") || slug.contains("https"));
    }

    private static List<Topic> topics(String title, String text) {
        boolean arabic = !text.isEmpty() && Character.UnicodeScript.of(text.codePointAt(0))
                == Character.UnicodeScript.ARABIC;
        return topics(title, text, arabic ? "ar" : "en");
    }

    private static List<Topic> topics(String title, String text, String language) {
        return EXTRACTOR.extract(title, text, language).topics();
    }
}
