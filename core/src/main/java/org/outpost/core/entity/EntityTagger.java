package org.outpost.core.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the gazetteer's entities in a text.
 *
 * <p>The aliases are put once into a trie over tokens (see {@link Tokens}); tagging splits the text into tokens and, at
 * each token, walks the trie as far as the text allows. The longest alias starting at the leftmost token wins, and
 * matching goes on after it, so mentions never overlap: "Islamic State of Iraq and the Levant" is one mention, "Yusuf
 * Rahmon" is not also "Rahmon". The only mentions that share a span are those of one alias that stands for entities
 * of different types (each is reported). The cost is linear in the length of the text.
 *
 * <p>Case: tokens of four letters or more match in any case ("TAJIKISTAN", "tajikistan"), unless their entry says
 * {@code case: capitalized}; short all-caps acronyms and short capitalised words must be written as in the gazetteer,
 * so "the UN said" matches but "unarmed", "Cisco" or "un" do not. An acronym that is also an English word ("US") is
 * not matched where its neighbours on the line are all in capitals too ("LET US KNOW"), since shouted text cannot tell
 * them apart.
 *
 * <p>Inflection: a text word also walks the trie as each gazetteer word it may be a form of (see {@link Inflections}):
 * "Таджикистана" as "таджикистан", "Кыргызстандын" as "кыргызстан", "ИГИЛа" as the acronym "ИГИЛ". A place's one-word
 * Cyrillic name also matches as its relational adjective in any of its forms: "Пянджского отряда" names Panj. The forms come
 * from the gazetteer's own words, so a word that is no form of a name costs one or two hash lookups and matches
 * nothing; tagging stays linear.
 *
 * <p>Built once and then immutable: safe to share between threads.
 */
public final class EntityTagger {

    /** Acronyms that are also English words when written in capitals. */
    private static final Set<String> WORD_LIKE_ACRONYMS = Set.of(
            "US", "IT", "IS", "AS", "AN", "AT", "BE", "BY", "DO", "GO", "HE", "IF", "IN", "ME", "MY", "NO", "OF", "ON",
            "OR", "SO", "TO", "UP", "WE", "AM", "OK", "HI", "AIM", "ARM", "ART", "CAN", "MAD", "MAN", "WHO", "USE",
            "ALL", "AND", "THE", "FOR", "NOT", "OUR", "NOW", "ONE", "OUT", "HAS", "HIS", "HER", "YOU", "WAR", "CAT");

    /**
     * A trie node: children by the token's exact folded form, by its lower-case form for capitalised tokens, and by
     * its lower-case form in any case. Written only while the constructor runs; everything reachable from the final
     * {@link #root} is then safely published to every thread, and never changes again.
     */
    private static final class Node {
        @Nullable
        Map<String, Node> exact;

        @Nullable
        Map<String, Node> capitalized;

        @Nullable
        Map<String, Node> any;

        List<Entity> entities = List.of();

        Node child(char rule, String key) {
            Map<String, Node> map = switch (rule) {
                case Gazetteer.EXACT -> exact == null ? exact = new HashMap<>(4) : exact;
                case Gazetteer.CAPITALIZED -> capitalized == null ? capitalized = new HashMap<>(4) : capitalized;
                default -> any == null ? any = new HashMap<>(4) : any;
            };
            return map.computeIfAbsent(key, k -> new Node());
        }

        boolean isLeaf() {
            return exact == null && capitalized == null && any == null;
        }
    }

    /** The state of one longest-match search. */
    private static final class Search {
        int end = -1;
        final List<Node> nodes = new ArrayList<>(2);

        void reset() {
            end = -1;
            nodes.clear();
        }
    }

    /** A text's tokens with what each may match besides itself: the words it may be a form of, an acronym in it. */
    private record Words(
            List<Tokens.Token> tokens,
            String[][] lemmas,
            @Nullable String[] acronyms) {}

    private final Node root = new Node();
    private final Gazetteer gazetteer;
    private final Inflections inflections;

    public EntityTagger(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        List<String> words = new ArrayList<>();
        for (Gazetteer.Alias alias : gazetteer.aliases()) {
            Node node = root;
            for (String key : alias.keys()) {
                node = node.child(key.charAt(0), key.substring(1));
                if (key.charAt(0) != Gazetteer.EXACT) {
                    words.add(key.substring(1));
                }
            }
            add(node, alias.entity());
            String adjective = placeAdjective(alias);
            if (adjective != null) {
                // written in lower case mid-sentence ("хорогские власти"), so any case
                add(root.child(Gazetteer.ANY, adjective), alias.entity());
                words.add(adjective);
            }
        }
        this.inflections = Inflections.of(words);
    }

    private static void add(Node node, Entity entity) {
        if (!node.entities.contains(entity)) {
            List<Entity> entities = new ArrayList<>(node.entities);
            entities.add(entity);
            node.entities = List.copyOf(entities);
        }
    }

    /**
     * The relational adjective of a place's one-word Cyrillic name, which Russian writes where English puts the name
     * itself ("the Panj border unit" is «Пянджский пограничный отряд», "Khorog officials" «хорогские власти»); it then
     * declines like any adjective. Places only: a country's adjective ("таджикский") names a people and a language as
     * often as the state, as English demonyms do.
     */
    private static @Nullable String placeAdjective(Gazetteer.Alias alias) {
        if (alias.entity().type() != EntityType.PLACE || alias.keys().size() != 1) {
            return null;
        }
        String key = alias.keys().getFirst();
        return key.charAt(0) == Gazetteer.CAPITALIZED ? WordForms.relationalAdjective(key.substring(1)) : null;
    }

    /** The gazetteer this tagger was built from. */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** The distinct entities named in the text, in the order of their first mention. */
    public List<Entity> tag(String text) {
        Set<Entity> entities = new LinkedHashSet<>();
        for (Mention mention : mentions(text)) {
            entities.add(mention.entity());
        }
        return List.copyOf(entities);
    }

    /** Every mention of an entity in the text, in text order. */
    public List<Mention> mentions(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            return List.of();
        }
        Words words = words(Tokens.of(text));
        List<Tokens.Token> tokens = words.tokens();
        List<Mention> mentions = new ArrayList<>();
        Search search = new Search();
        int i = 0;
        while (i < tokens.size()) {
            if (tokens.get(i).possessive()) {
                i++;
                continue;
            }
            search.reset();
            walk(root, words, i, i, text, search);
            if (search.end < 0) {
                i++;
                continue;
            }
            int start = tokens.get(i).start();
            int end = tokens.get(search.end - 1).end();
            String matched = text.substring(start, end);
            Set<Entity> found = new LinkedHashSet<>();
            for (Node node : search.nodes) {
                found.addAll(node.entities);
            }
            for (Entity entity : found) {
                mentions.add(new Mention(entity, start, end, matched));
            }
            i = search.end;
        }
        return mentions;
    }

    private Words words(List<Tokens.Token> tokens) {
        String[][] lemmas = new String[tokens.size()][];
        @Nullable String[] acronyms = new String[tokens.size()];
        for (int k = 0; k < tokens.size(); k++) {
            Tokens.Token token = tokens.get(k);
            lemmas[k] = inflections.lemmasOf(token.lower());
            acronyms[k] = token.dotted() ? null : WordForms.acronymIn(token.folded());
        }
        return new Words(tokens, lemmas, acronyms);
    }

    /** Walks the trie from {@code node}, which has consumed tokens [first, next), recording the longest match. */
    private void walk(Node node, Words words, int first, int next, String text, Search search) {
        List<Tokens.Token> tokens = words.tokens();
        if (!node.entities.isEmpty()) {
            if (next > search.end) {
                search.end = next;
                search.nodes.clear();
                search.nodes.add(node);
            } else if (next == search.end && !search.nodes.contains(node)) {
                search.nodes.add(node);
            }
        }
        if (next >= tokens.size() || node.isLeaf()) {
            return;
        }
        Tokens.Token token = tokens.get(next);
        if (next > first && !token.joined()) {
            return;
        }
        Node child;
        if (node.exact != null) {
            if ((child = node.exact.get(token.folded())) != null && acronymAllowed(tokens, next, text)) {
                walk(child, words, first, next + 1, text, search);
            }
            String acronym = words.acronyms()[next];
            if (acronym != null && (child = node.exact.get(acronym)) != null) {
                walk(child, words, first, next + 1, text, search);
            }
        }
        if (node.capitalized != null && token.capitalized()) {
            if ((child = node.capitalized.get(token.lower())) != null) {
                walk(child, words, first, next + 1, text, search);
            }
            for (String lemma : words.lemmas()[next]) {
                if ((child = node.capitalized.get(lemma)) != null) {
                    walk(child, words, first, next + 1, text, search);
                }
            }
        }
        if (node.any != null) {
            if ((child = node.any.get(token.lower())) != null) {
                walk(child, words, first, next + 1, text, search);
            }
            for (String lemma : words.lemmas()[next]) {
                if ((child = node.any.get(lemma)) != null) {
                    walk(child, words, first, next + 1, text, search);
                }
            }
        }
    }

    /** False for a word-like acronym ("US") written without dots among words that are all in capitals. */
    private static boolean acronymAllowed(List<Tokens.Token> tokens, int index, String text) {
        Tokens.Token token = tokens.get(index);
        if (token.dotted() || !WORD_LIKE_ACRONYMS.contains(token.folded())) {
            return true;
        }
        Tokens.Token before = neighbour(tokens, index, -1, text);
        Tokens.Token after = neighbour(tokens, index, +1, text);
        if (before == null && after == null) {
            return true;
        }
        return !((before == null || before.allCaps(3)) && (after == null || after.allCaps(3)));
    }

    /** The nearest word token before (-1) or after (+1) the token at index, if it is on the same line. */
    private static Tokens.@Nullable Token neighbour(List<Tokens.Token> tokens, int index, int step, String text) {
        Tokens.Token token = tokens.get(index);
        for (int k = index + step; k >= 0 && k < tokens.size(); k += step) {
            Tokens.Token other = tokens.get(k);
            if (other.possessive()) {
                continue;
            }
            int from = step < 0 ? other.end() : token.end();
            int to = step < 0 ? token.start() : other.start();
            return text.substring(from, to).indexOf('\n') >= 0 ? null : other;
        }
        return null;
    }
}
