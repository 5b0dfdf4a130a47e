package org.outpost.core.entity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.outpost.core.entity.geo.GeoPoint;
import org.outpost.core.language.Language;

/**
 * The entities the tagger looks for, each with its canonical name and its aliases, read from a YAML file:
 *
 * <pre>{@code
 * entities:
 *   - type: person                # country | region | place | org | group | person
 *     name: Emomali Rahmon        # the canonical name, also matched
 *     aliases: [Rahmon, Rakhmonov]
 *     names: { ru: Эмомали Рахмон } # optional: display names by language code, matched like aliases
 *     case: capitalized           # optional: capitalised words of the names must be capitalised in the text
 *     note: free text             # optional, ignored
 *   - type: place
 *     name: Vorukh
 *     at: [39.85, 70.57]          # optional, countries, regions and places: where it is (lat, lon; WGS84)
 *     in: Tajikistan              # optional, regions and places: the country it is in (the canonical name)
 * }</pre>
 *
 * <p>Cyrillic names are written in their dictionary form and match in every case and with the national languages'
 * suffixes (see {@link WordForms}); their capitalised words must be capitalised in the text, as Russian writes names,
 * so that "Путина" the president is not "путина" the fishing season.
 *
 * <p>A bad file fails with an {@link IllegalArgumentException} that names the file, the entry ({@code entries[i]},
 * counted from 0) and the problem: an unknown type or key, a missing name, an alias with nothing to match, an alias
 * that already stands for a different entity of the same type, or an {@code at:} that is not two numbers in range. The same alias may stand for entities of different
 * types (the tagger then reports both); two entries with the same type and name are one entity, their aliases merged.
 *
 * <p>Immutable and thread-safe.
 */
public final class Gazetteer {

    private static final String DEFAULT_RESOURCE = "gazetteer.yml";
    private static final Set<String> ENTRY_KEYS =
            Set.of("type", "name", "aliases", "names", "case", "note", "at", "in");
    private static final YAMLMapper YAML = new YAMLMapper();

    /** One entry of a file, with where it came from for error messages. */
    record Entry(
            Entity entity,
            List<String> names,
            Map<Language, String> displayNames,
            @Nullable GeoPoint at,
            @Nullable String in,
            boolean capitalized,
            String source,
            int index) {

        String where() {
            return source + ": entries[" + index + "] (" + entity.typed() + ")";
        }
    }

    /** An alias ready for the trie: its token keys, and the entity it stands for. */
    record Alias(List<String> keys, Entity entity) {}

    private final List<Entry> entries;
    private final List<Entity> entities;
    private final List<Alias> aliases;
    /** Display names by typed entity, then language; the first entry that gives one wins. */
    private final Map<String, Map<Language, String>> displayNames;
    /** Positions ({@code at:}) and countries ({@code in:}) by typed entity; the first entry that gives one wins. */
    private final Map<String, GeoPoint> positions;

    private final Map<String, String> countries;

    private Gazetteer(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Set<Entity> distinct = new LinkedHashSet<>();
        List<Alias> all = new ArrayList<>();
        // conflicts are judged on the lower-case token sequence, whatever the case rules of each alias
        Map<String, Map<EntityType, Entry>> owners = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, Map<Language, String>> display = new HashMap<>();
        Map<String, GeoPoint> at = new HashMap<>();
        Map<String, String> in = new HashMap<>();
        // a case rule holds for every alias of its entity, also those a later entry or an extension adds
        Set<Entity> capitalizedEntities = new HashSet<>();
        for (Entry entry : this.entries) {
            if (entry.capitalized()) {
                capitalizedEntities.add(entry.entity());
            }
        }
        for (Entry entry : this.entries) {
            distinct.add(entry.entity());
            entry.displayNames()
                    .forEach((language, name) -> display.computeIfAbsent(
                                    entry.entity().typed(), k -> new EnumMap<>(Language.class))
                            .putIfAbsent(language, name));
            if (entry.at() != null) {
                at.putIfAbsent(entry.entity().typed(), entry.at());
            }
            if (entry.in() != null) {
                in.putIfAbsent(entry.entity().typed(), entry.in());
            }
            for (String name : entry.names()) {
                List<Tokens.Token> tokens = Tokens.of(name);
                String problem = problemWith(name, tokens);
                if (problem != null) {
                    throw new IllegalArgumentException(entry.where() + ": " + problem);
                }
                String sameness = String.join(
                        " ", tokens.stream().map(Tokens.Token::lower).toList());
                Entry owner = owners.computeIfAbsent(sameness, k -> new EnumMap<>(EntityType.class))
                        .putIfAbsent(entry.entity().type(), entry);
                if (owner != null && !owner.entity().equals(entry.entity())) {
                    throw new IllegalArgumentException(entry.where() + ": alias '" + name
                            + "' already stands for " + owner.entity().typed() + " (" + owner.source() + ": entries["
                            + owner.index() + "])");
                }
                List<String> keys = keys(tokens, capitalizedEntities.contains(entry.entity()));
                if (seen.add(entry.entity().typed() + "\u0000" + String.join("\u0001", keys))) {
                    all.add(new Alias(keys, entry.entity()));
                }
            }
        }
        this.entities = List.copyOf(distinct);
        this.aliases = List.copyOf(all);
        Map<String, Map<Language, String>> frozen = new HashMap<>();
        display.forEach((typed, names) -> frozen.put(typed, Collections.unmodifiableMap(new EnumMap<>(names))));
        this.displayNames = Map.copyOf(frozen);
        this.positions = Map.copyOf(at);
        this.countries = Map.copyOf(in);
    }

    /** The gazetteer bundled with Outpost, {@code org/outpost/core/entity/gazetteer.yml} on the class path. */
    public static Gazetteer defaults() {
        return Defaults.INSTANCE;
    }

    private static final class Defaults {
        static final Gazetteer INSTANCE = loadDefaults();

        private static Gazetteer loadDefaults() {
            String source = "classpath:/org/outpost/core/entity/" + DEFAULT_RESOURCE;
            try (InputStream in = Gazetteer.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled gazetteer " + source + " is missing");
                }
                return new Gazetteer(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled gazetteer " + source, e);
            }
        }
    }

    /**
     * A gazetteer read from a deployment's own file, in place of the bundled one.
     *
     * @throws IllegalArgumentException for a file that is not a valid gazetteer
     * @throws UncheckedIOException     for a file that cannot be read
     */
    public static Gazetteer load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gazetteer " + file, e);
        }
        return new Gazetteer(parse(text, file.toString()));
    }

    /** A gazetteer read from YAML text; {@code source} names it in error messages. */
    static Gazetteer fromYaml(String yaml, String source) {
        return new Gazetteer(parse(yaml, source));
    }

    /**
     * This gazetteer with the entries of {@code more} added: new entities, and new aliases for entities both know.
     *
     * @throws IllegalArgumentException if an alias of {@code more} already stands for another entity of its type here
     */
    public Gazetteer extendedWith(Gazetteer more) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(more.entries);
        return new Gazetteer(all);
    }

    /** The number of distinct entities. */
    public int size() {
        return entities.size();
    }

    /** The distinct entities, in file order. */
    public List<Entity> entities() {
        return entities;
    }

    /** The names and aliases written for an entity, in file order; empty for an entity it does not know. */
    public List<String> aliasesOf(Entity entity) {
        Set<String> names = new LinkedHashSet<>();
        for (Entry entry : entries) {
            if (entry.entity().equals(entity)) {
                names.addAll(entry.names());
            }
        }
        return List.copyOf(names);
    }

    List<Alias> aliases() {
        return aliases;
    }

    /**
     * The name to show a reader of {@code locale} for a typed entity ("place:Dushanbe" → "Душанбе" in Russian): the
     * entry's display name in the locale's language, else the canonical name. An entity the gazetteer does not know
     * shows its name as given ("org:Somebody" → "Somebody").
     */
    public String displayName(String typedEntity, Locale locale) {
        int colon = typedEntity.indexOf(':');
        String canonical = colon < 0 ? typedEntity : typedEntity.substring(colon + 1);
        Map<Language, String> names = displayNames.get(typedEntity);
        Language language = Language.ofCode(locale.getLanguage());
        if (names == null || language == null) {
            return canonical;
        }
        return names.getOrDefault(language, canonical);
    }

    /**
     * Where a typed entity is ({@code "place:Vorukh"} → [39.85, 70.57]): a place's centre, a region's centre, a
     * country's visual centre, as its {@code at:} gives it; empty for an entity with none or one the gazetteer does not
     * know.
     */
    public Optional<GeoPoint> position(String typedEntity) {
        return Optional.ofNullable(positions.get(typedEntity));
    }

    /**
     * The country a typed entity is in ({@code "place:Vorukh"} → "Tajikistan"), by the gazetteer's canonical name as its
     * {@code in:} gives it; a country the gazetteer knows is in itself ({@code "country:Iran"} → "Iran"); empty for
     * other entities and those with no {@code in:}.
     */
    public Optional<String> countryOf(String typedEntity) {
        String country = countries.get(typedEntity);
        if (country != null) {
            return Optional.of(country);
        }
        String prefix = EntityType.COUNTRY.key() + ":";
        if (typedEntity.startsWith(prefix)
                && entities.contains(new Entity(EntityType.COUNTRY, typedEntity.substring(prefix.length())))) {
            return Optional.of(typedEntity.substring(prefix.length()));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------- matching keys

    /** Key prefix: the token must be written exactly so (short acronyms, short capitalised words). */
    static final char EXACT = '=';
    /** Key prefix: the token must start with a capital. */
    static final char CAPITALIZED = '^';
    /** Key prefix: any case. */
    static final char ANY = '~';

    /**
     * The trie keys of an alias's tokens. All-caps tokens of two to six letters ("UN", "CSTO", "UNODC", "ОДКБ") and
     * capitalised tokens of at most three letters ("Osh", "Xi", "Al", "Ош") must match exactly, so that "un", "Cisco",
     * "OSH", "XI" or "шоссе" never do; with {@code case: capitalized}, and always in Cyrillic, other capitalised tokens
     * must be capitalised in the text; all else matches in any case.
     */
    private static List<String> keys(List<Tokens.Token> tokens, boolean capitalized) {
        List<String> keys = new ArrayList<>(tokens.size());
        for (Tokens.Token token : tokens) {
            int letters = token.letters();
            if (token.possessive()) {
                keys.add(ANY + token.lower());
            } else if ((letters >= 2 && letters <= 6 && token.allCaps(2))
                    || (letters >= 1 && letters <= 3 && token.capitalized())) {
                keys.add(EXACT + token.folded());
            } else if ((capitalized || token.cyrillic()) && token.capitalized()) {
                keys.add(CAPITALIZED + token.lower());
            } else {
                keys.add(ANY + token.lower());
            }
        }
        return List.copyOf(keys);
    }

    private static @Nullable String problemWith(String name, List<Tokens.Token> tokens) {
        if (tokens.isEmpty() || tokens.get(0).possessive()) {
            return "alias '" + name + "' has no word to match";
        }
        for (int i = 1; i < tokens.size(); i++) {
            if (!tokens.get(i).joined()) {
                return "alias '" + name + "' has punctuation between its words that a match never crosses"
                        + " (only blanks, hyphens and '/' may stand there)";
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- parsing

    private static List<Entry> parse(String yaml, String source) {
        JsonNode root;
        try (Reader reader = new StringReader(yaml)) {
            root = YAML.readTree(reader);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    source + ": not valid YAML: " + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ")"),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IllegalArgumentException(source + ": empty file, expected a top-level 'entities' list");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a mapping with an 'entities' list at the top");
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("entities")) {
                throw new IllegalArgumentException(
                        source + ": unknown top-level key '" + key + "' (expected 'entities')");
            }
        }
        JsonNode list = root.get("entities");
        if (list == null || list.isNull()) {
            throw new IllegalArgumentException(source + ": no 'entities' list");
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(source + ": 'entities' must be a list");
        }
        List<Entry> entries = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            entries.add(entry(list.get(i), source, i));
        }
        return Collections.unmodifiableList(entries);
    }

    private static Entry entry(JsonNode node, String source, int index) {
        String where = source + ": entries[" + index + "]";
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping with 'type' and 'name'");
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!ENTRY_KEYS.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key
                        + "' (expected type, name, aliases, names, case, note, at, in)");
            }
        }
        String name = text(node, "name", where);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(where + ": missing name");
        }
        name = name.strip();
        where = where + " ('" + name + "')";
        String typeKey = text(node, "type", where);
        if (typeKey == null || typeKey.isBlank()) {
            throw new IllegalArgumentException(where + ": missing type (expected one of " + EntityType.keys() + ")");
        }
        EntityType type;
        try {
            type = EntityType.ofKey(typeKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        boolean capitalized = false;
        String caseRule = text(node, "case", where);
        if (caseRule != null) {
            switch (caseRule.strip().toLowerCase(Locale.ROOT)) {
                case "capitalized", "capitalised" -> capitalized = true;
                case "default" -> capitalized = false;
                default ->
                    throw new IllegalArgumentException(
                            where + ": unknown case rule '" + caseRule + "' (expected capitalized or default)");
            }
        }
        List<String> names = new ArrayList<>();
        names.add(name);
        JsonNode aliases = node.get("aliases");
        if (aliases != null && !aliases.isNull()) {
            if (aliases.isTextual()) {
                names.add(aliases.asText().strip());
            } else if (aliases.isArray()) {
                for (int k = 0; k < aliases.size(); k++) {
                    JsonNode alias = aliases.get(k);
                    if (!alias.isValueNode() || alias.isNull() || alias.asText().isBlank()) {
                        throw new IllegalArgumentException(where + ": aliases[" + k + "] is not a non-blank text");
                    }
                    names.add(alias.asText().strip());
                }
            } else {
                throw new IllegalArgumentException(where + ": 'aliases' must be a list of texts");
            }
        }
        Map<Language, String> displayNames = displayNames(node.get("names"), where);
        names.addAll(displayNames.values());
        GeoPoint at = position(node.get("at"), type, where);
        String in = text(node, "in", where);
        if (in != null) {
            if (type != EntityType.REGION && type != EntityType.PLACE) {
                throw new IllegalArgumentException(where + ": 'in' (the country it is in) is for regions and places");
            }
            if (in.isBlank()) {
                throw new IllegalArgumentException(where + ": 'in' is blank (expected a country's name)");
            }
            in = in.strip();
        }
        return new Entry(
                new Entity(type, name),
                List.copyOf(new LinkedHashSet<>(names)),
                displayNames,
                at,
                in,
                capitalized,
                source,
                index);
    }

    /** {@code at: [lat, lon]}: two numbers in decimal degrees, for countries, regions and places only. */
    private static @Nullable GeoPoint position(@Nullable JsonNode node, EntityType type, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (type != EntityType.COUNTRY && type != EntityType.REGION && type != EntityType.PLACE) {
            throw new IllegalArgumentException(where + ": 'at' (a position) is for countries, regions and places");
        }
        if (!node.isArray()
                || node.size() != 2
                || !node.get(0).isNumber()
                || !node.get(1).isNumber()) {
            throw new IllegalArgumentException(
                    where + ": 'at' must be [lat, lon] in decimal degrees, e.g. [38.56, 68.77], not " + node);
        }
        try {
            return new GeoPoint(node.get(0).asDouble(), node.get(1).asDouble());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": 'at' " + node + ": " + e.getMessage(), e);
        }
    }

    private static Map<Language, String> displayNames(@Nullable JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(
                    where + ": 'names' must be a mapping of language code to name," + " e.g. {ru: Душанбе}");
        }
        Map<Language, String> names = new EnumMap<>(Language.class);
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Language language = Language.ofCode(field.getKey());
            if (language == null || language == Language.OTHER) {
                throw new IllegalArgumentException(where + ": names: unknown language '" + field.getKey()
                        + "' (expected en, ru, tg, uz, ky or kk)");
            }
            JsonNode value = field.getValue();
            if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
                throw new IllegalArgumentException(where + ": names." + field.getKey() + " is not a non-blank text");
            }
            names.put(language, value.asText().strip());
        }
        return Collections.unmodifiableMap(names);
    }

    private static @Nullable String text(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a text");
        }
        return value.asText();
    }

    @Override
    public String toString() {
        return "Gazetteer[" + entities.size() + " entities, " + aliases.size() + " aliases]";
    }
}
