package org.outpost.benchmarks.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Words and sentence shapes of the region's security news, after the sample corpus: an actor
 * does something somewhere, officials say, numbers and dates follow. Each topic has the terms
 * its definition looks for; off-topic filler (economy, weather, culture) has none of them.
 */
final class Vocabulary {

    record Topic(String id, List<String> titles, List<String> sentences) {}

    record Story(String title, String body) {}

    static final List<String> SOURCES = List.of(
            "Asia-Plus",
            "AKIpress",
            "24.kg",
            "Kaktus.media",
            "Fergana News",
            "Gazeta.uz",
            "Kun.uz",
            "Tengrinews",
            "Kazinform",
            "Khovar",
            "Sputnik Tajikistan",
            "Eurasianet",
            "RFE/RL Ozodi",
            "Turkmen.news",
            "Trend",
            "Vesti.kg",
            "Avesta",
            "Interfax Central Asia",
            "CABAR.asia",
            "The Diplomat");

    static final List<String> PLACES = List.of(
            "Khorog",
            "Osh",
            "Batken",
            "Khujand",
            "Termez",
            "Dushanbe",
            "Bishkek",
            "Almaty",
            "Ashgabat",
            "Tashkent",
            "Isfara",
            "Vorukh",
            "Kulob",
            "Panjakent",
            "Jalal-Abad",
            "Nukus",
            "Shymkent",
            "the Panj river",
            "the Fergana valley",
            "the Rasht valley",
            "Gorno-Badakhshan",
            "Kunduz province");
    static final List<String> COUNTRIES = List.of(
            "Tajikistan", "Kyrgyzstan", "Uzbekistan", "Kazakhstan", "Turkmenistan", "Afghanistan", "Russia", "China");
    static final List<String> OFFICIALS = List.of(
            "the State Committee for National Security",
            "the Interior Ministry",
            "the Prosecutor General's Office",
            "the Drug Control Agency",
            "the Border Service",
            "the regional administration",
            "the Ministry of Defence",
            "the Supreme Court");
    static final List<String> DAYS = List.of(
            "on Monday",
            "on Tuesday",
            "on Wednesday",
            "on Thursday",
            "on Friday",
            "on Saturday",
            "on Sunday",
            "last week",
            "earlier this month");

    static final List<Topic> TOPICS = List.of(
            new Topic(
                    "border_security",
                    List.of(
                            "Border guards detain violators near {place}",
                            "{country} reinforces border posts along {place}",
                            "New border checkpoint opens near {place}"),
                    List.of(
                            "Border guards detained {n} border violators who illegally crossed the border near {place} {day}.",
                            "The border service said patrols with thermal imaging cameras and drones were stepped up at the frontier.",
                            "A new border outpost was opened on the Tajik-Afghan border, {official} said.",
                            "Customs officers at the crossing point checked {n} trucks, according to {official}.")),
            new Topic(
                    "drug_trafficking",
                    List.of(
                            "{n} kg of heroin seized in {place}",
                            "Drug traffickers detained in {place}",
                            "Anti-drug operation in {place} nets hashish and opium"),
                    List.of(
                            "Officers of the Drug Control Agency seized {n} kilograms of heroin in {place} {day}.",
                            "The suspects are accused of drug trafficking and smuggling narcotics from Afghanistan.",
                            "Counter-narcotics units found hashish and opium hidden in a car near {place}.",
                            "UNODC says the drug trade along the northern route is growing, {official} reported.")),
            new Topic(
                    "terrorism",
                    List.of(
                            "Terrorist attack foiled in {place}",
                            "Suspected militants killed in {place}",
                            "Court jails {n} over terrorist plot"),
                    List.of(
                            "Security services said they foiled a terrorist attack planned in {place} {day}.",
                            "The suspects had explosives and were preparing a bombing, {official} said.",
                            "{n} militants linked to the Islamic State were killed in a counter-terrorism operation.",
                            "Investigators opened a criminal case on charges of terrorism and illegal possession of weapons.")),
            new Topic(
                    "extremism",
                    List.of(
                            "Members of banned group detained in {place}",
                            "Extremist literature seized in {place}",
                            "{n} sentenced for extremism in {place}"),
                    List.of(
                            "Police detained {n} members of a banned extremist organisation in {place} {day}.",
                            "Officers seized extremist literature and videos calling for radicalisation, {official} said.",
                            "The court found them guilty of public calls to extremist activity and recruitment online.",
                            "Hizb ut-Tahrir and other banned groups spread propaganda through messaging apps, officials said.")),
            new Topic(
                    "foreign_fighters",
                    List.of(
                            "Women and children repatriated from Syria to {country}",
                            "Returnee from Syria sentenced in {place}",
                            "{country} brings back citizens from camps in Syria"),
                    List.of(
                            "{n} women and children were repatriated from camps in northeast Syria {day}.",
                            "The returnees will go through rehabilitation and reintegration programmes, {official} said.",
                            "A man who fought for the Islamic State in Syria and Iraq was sentenced to {n} years.",
                            "Foreign terrorist fighters from Central Asia are still held in al-Hol camp.")),
            new Topic(
                    "organized_crime",
                    List.of(
                            "Criminal gang dismantled in {place}",
                            "Money laundering scheme uncovered in {place}",
                            "Extortion ring leader detained in {place}"),
                    List.of(
                            "Police dismantled an organised criminal group involved in extortion and racketeering in {place} {day}.",
                            "The gang laundered money through {n} shell companies, {official} said.",
                            "Human trafficking and smuggling of migrants were also part of the criminal case.",
                            "The leader of the organised crime group, known by a nickname, was detained in {place}.")),
            new Topic(
                    "border_conflict",
                    List.of(
                            "Shooting on the Kyrgyz-Tajik border near {place}",
                            "Clashes at the border: {n} wounded",
                            "Border villages evacuated after firing near {place}"),
                    List.of(
                            "Shooting broke out between Kyrgyz and Tajik border troops near {place} {day}.",
                            "{n} people were wounded in the clashes and villages were evacuated, {official} said.",
                            "The sides agreed a ceasefire and withdrew heavy weapons from the disputed section of the border.",
                            "Border delimitation talks resumed after the armed conflict over water and land.")),
            new Topic(
                    "international_cooperation",
                    List.of(
                            "CSTO exercises held near {place}",
                            "{country} and partners sign security agreement",
                            "SCO ministers discuss regional security in {place}"),
                    List.of(
                            "CSTO troops held joint military exercises near {place} {day}.",
                            "The defence ministers signed a memorandum on security cooperation and joint training, {official} said.",
                            "The SCO regional anti-terrorist structure met to coordinate counter-terrorism cooperation.",
                            "The OSCE and the European Union funded a border management programme worth {n} million euros.")),
            new Topic(
                    "human_rights",
                    List.of(
                            "Journalist detained in {place}",
                            "Rights groups condemn sentence of activist",
                            "Lawyers report torture in detention in {place}"),
                    List.of(
                            "Human rights groups condemned the detention of a journalist in {place} {day}.",
                            "The activist was sentenced to {n} years after a closed trial, lawyers said.",
                            "Human Rights Watch and Amnesty International called for the release of political prisoners.",
                            "Relatives said the detainee was tortured and denied access to a lawyer, {official} denied it.")));

    /** Who is quoted in filler: nobody whose name is a security term. */
    private static final List<String> CIVIL_OFFICIALS = List.of(
            "the statistics agency",
            "the agriculture ministry",
            "local officials",
            "the city administration",
            "the chamber of commerce");

    private static final List<String> FILLER_TITLES = List.of(
            "Cotton harvest in {place} beats forecast",
            "New bridge opens in {place}",
            "Heat wave expected in {place}",
            "{country} hosts music festival",
            "Wheat prices rise in {place}");
    private static final List<String> FILLER = List.of(
            "Farmers in {place} harvested {n} thousand tonnes this season, {official} said.",
            "The new school was built with a grant from international donors and opened {day}.",
            "Forecasters expect temperatures above 40 degrees in {place} this week.",
            "Prices on the central market rose by {n} percent compared with last year.",
            "The festival brought together {n} musicians from across the region.",
            "The road connecting {place} with the regional centre was repaired after the spring floods.",
            "Exports of dried fruit to {trade_partner} grew steadily, traders said.");
    private static final List<String> TRADE_PARTNERS =
            List.of("Russia", "China", "Turkey", "Iran", "the European Union");

    /** Villages and people: rare words, so watch-list subscriptions match as rarely as they do in real news. */
    static final int NAMES = 5_000;

    private static final String[] SYLLABLES = {
        "ka", "ra", "shi", "bo", "dor", "ja", "mir", "zo", "tal", "gu", "nur", "sa", "bek", "ul", "har", "ko", "lem",
        "ti", "van", "ish", "dun", "ob", "yar", "kul", "ze", "fa", "ri", "mon"
    };

    private Vocabulary() {}

    /** The k-th name (0 ≤ k < {@value #NAMES}), e.g. "Karashi", "Bodorja". */
    static String name(int k) {
        int n = SYLLABLES.length;
        String s = SYLLABLES[k % n] + SYLLABLES[(k / n) % n] + SYLLABLES[(k / (n * n) + k) % n];
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + (k >= n * n ? "ov" : "");
    }

    static Story story(@Nullable Topic topic, SplittableRandom random) {
        List<String> titles = topic == null ? FILLER_TITLES : topic.titles();
        String title = fill(titles.get(random.nextInt(titles.size())), random);
        int sentences = 8 + random.nextInt(10); // 8-17: one changed sentence keeps a near copy above MinHash.NEAR
        StringBuilder body = new StringBuilder();
        String place = PLACES.get(random.nextInt(PLACES.size()));
        body.append(capitalise(place.startsWith("the ") ? place.substring(4) : place))
                .append(", ")
                .append(DAYS.get(random.nextInt(DAYS.size())).replace("on ", ""))
                .append(". ");
        body.append("Residents of ")
                .append(name(random.nextInt(NAMES)))
                .append(" and ")
                .append(name(random.nextInt(NAMES)))
                .append(" were among those affected. ");
        for (int i = 0; i < sentences; i++) {
            boolean topical = topic != null && random.nextDouble() < 0.8;
            List<String> pool = topical ? topic.sentences() : FILLER;
            String sentence = pool.get(random.nextInt(pool.size()));
            body.append(fill(
                    topical
                            ? sentence
                            : sentence.replace(
                                    "{official}", CIVIL_OFFICIALS.get(random.nextInt(CIVIL_OFFICIALS.size()))),
                    random));
            body.append(i % 3 == 2 ? "\n\n" : " ");
        }
        return new Story(title, body.toString().strip());
    }

    /**
     * The same story as a second outlet runs it: one sentence reworded and its own attribution
     * line added at the end. A near-duplicate, not an exact one.
     */
    static String changeOneSentence(String body, SplittableRandom random) {
        List<String> sentences = new ArrayList<>(List.of(body.split("(?<=\\.) ")));
        int at = sentences.size() > 1 ? 1 + random.nextInt(sentences.size() - 1) : 0;
        sentences.set(at, sentences.get(at).replace(" said", " told reporters").replace(" was ", " has been "));
        return String.join(" ", sentences) + "\n\n"
                + fill("The report could not be independently verified {day}.", random);
    }

    private static String fill(String template, SplittableRandom random) {
        return template.replace("{place}", PLACES.get(random.nextInt(PLACES.size())))
                .replace("{country}", COUNTRIES.get(random.nextInt(COUNTRIES.size())))
                .replace("{trade_partner}", TRADE_PARTNERS.get(random.nextInt(TRADE_PARTNERS.size())))
                .replace("{official}", OFFICIALS.get(random.nextInt(OFFICIALS.size())))
                .replace("{day}", DAYS.get(random.nextInt(DAYS.size())))
                .replace("{n}", Integer.toString(2 + random.nextInt(120)));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
