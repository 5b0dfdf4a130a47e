package org.outpost.core.article;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A MinHash signature of an article's word triples, to recognise near-duplicates: the same
 * agency story reprinted with another footer or a changed sentence shares most triples, and
 * the share of equal signature values estimates that overlap (Jaccard similarity).
 *
 * <p>Lookup is locality-sensitive hashing: the {@value #HASHES} values are cut into
 * {@value #BANDS} bands whose keys are indexed; stories at similarity {@value #NEAR} agree on
 * some band with probability above 99.5%, while unrelated stories rarely do. Candidates are
 * then checked with {@link #similarity}. (A 64-bit SimHash was tried first: a 10% different
 * footer moved it 7 bits, past any threshold a band lookup can afford.)
 */
public final class MinHash {

    public static final int HASHES = 64;
    public static final int BANDS = 16;
    /** Estimated share of word triples two texts must have in common to be one story. */
    public static final double NEAR = 0.75;

    private static final int ROWS = HASHES / BANDS;
    private static final int SHINGLE = 3;
    /** Shorter texts share too many triples by chance (datelines, boilerplate) to be compared. */
    private static final int MIN_WORDS = 30;

    private static final long[] SEEDS = seeds();

    private MinHash() {}

    /** The signature of the text, Base64-encoded for storage; null when the text is too short. */
    public static @Nullable String of(String text) {
        Set<Long> shingles = shingles(text);
        if (shingles.isEmpty()) {
            return null;
        }
        int[] signature = new int[HASHES];
        Arrays.fill(signature, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < HASHES; i++) {
                int value = (int) (mix(shingle ^ SEEDS[i]) >>> 33);
                if (value < signature[i]) {
                    signature[i] = value;
                }
            }
        }
        ByteBuffer bytes = ByteBuffer.allocate(HASHES * Integer.BYTES);
        for (int value : signature) {
            bytes.putInt(value);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** Estimated Jaccard similarity of the two texts' word triples: 0 when either is missing. */
    public static double similarity(@Nullable String a, @Nullable String b) {
        int[] x = decode(a);
        int[] y = decode(b);
        if (x.length == 0 || y.length == 0) {
            return 0;
        }
        int equal = 0;
        for (int i = 0; i < HASHES; i++) {
            if (x[i] == y[i]) {
                equal++;
            }
        }
        return (double) equal / HASHES;
    }

    public static boolean near(@Nullable String a, @Nullable String b) {
        return similarity(a, b) >= NEAR;
    }

    /** The band keys to index and to look up: {@code "<band>:<hex>"}; none without a signature. */
    public static List<String> bands(@Nullable String signature) {
        int[] values = decode(signature);
        if (values.length == 0) {
            return List.of();
        }
        List<String> bands = new ArrayList<>(BANDS);
        for (int band = 0; band < BANDS; band++) {
            long h = band;
            for (int row = 0; row < ROWS; row++) {
                h = mix(h * 31 + values[band * ROWS + row]);
            }
            bands.add(band + ":" + Long.toHexString(h));
        }
        return bands;
    }

    private static int[] decode(@Nullable String signature) {
        if (signature == null || signature.isEmpty()) {
            return new int[0];
        }
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(signature));
        if (bytes.remaining() != HASHES * Integer.BYTES) {
            return new int[0];
        }
        int[] values = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            values[i] = bytes.getInt();
        }
        return values;
    }

    private static Set<Long> shingles(String text) {
        List<String> words = words(text);
        if (words.size() < MIN_WORDS) {
            return Set.of();
        }
        Set<Long> shingles = new HashSet<>();
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            shingles.add(hash(String.join(" ", words.subList(i, i + SHINGLE))));
        }
        return shingles;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** 64-bit FNV-1a, stable across JVMs and versions (String.hashCode has 32 bits only). */
    private static long hash(String shingle) {
        long h = 0xcbf29ce484222325L;
        for (byte b : shingle.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** MurmurHash3's finaliser: every input bit moves every output bit. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static long[] seeds() {
        long[] seeds = new long[HASHES];
        long state = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            state += 0x9E3779B97F4A7C15L;
            seeds[i] = mix(state);
        }
        return seeds;
    }
}
