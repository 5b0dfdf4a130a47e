package org.outpost.alerts.subscription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.outpost.alerts.AlertsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts webhook URLs and secrets for the database: AES-GCM with a random 96-bit IV per value,
 * stored as {@code enc:v1:<base64 of IV and ciphertext>}. Values without that prefix were written
 * before encryption and are read as they are (and encrypted at the next save, or by
 * {@link ChannelSecretsMigration} at start).
 *
 * <p>The key is {@code outpost.alerts.secret-key} (base64 of 16, 24 or 32 bytes). Without it, a
 * key is generated once into {@code <data-dir>/alerts-secret.key}, readable by the owner only, so
 * a single instance works out of the box; instances sharing a database must share the key.
 */
@Component
public class SecretCipher {

    static final String SETTING = "outpost.alerts.secret-key";
    static final String PREFIX = "enc:v1:";
    private static final String KEY_FILE = "alerts-secret.key";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;

    @Autowired
    SecretCipher(AlertsProperties properties, @Value("${outpost.data-dir:./data}") Path dataDir) {
        this(properties.secretKey() != null ? decodeKey(properties.secretKey()) : keyFromFolder(dataDir));
    }

    SecretCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    public static boolean isEncrypted(String value) {
        return value.startsWith(PREFIX);
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    /**
     * @throws UndecryptableException when the value was encrypted with another key (or damaged)
     */
    public String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            return stored; // written before values were encrypted
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UndecryptableException();
        }
    }

    /** A stored webhook URL or secret that this key cannot open: the key changed. */
    public static final class UndecryptableException extends IllegalStateException {
        public UndecryptableException() {
            super("a webhook URL or secret in the database cannot be decrypted with the key of " + SETTING
                    + ": set it to the key it was saved with (or the subscription's webhook must be entered again)");
        }
    }

    private static byte[] decodeKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    SETTING + " must be base64 (e.g. the output of openssl rand -base64 32)", e);
        }
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalStateException(
                    SETTING + " must be 16, 24 or 32 bytes in base64, was " + key.length + " bytes");
        }
        return key;
    }

    private static byte[] keyFromFolder(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file); // not a POSIX file system
                } catch (FileAlreadyExistsException e) {
                    return decodeKey(Files.readString(file).strip()); // another instance just made it
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
                log.warn(
                        "{} is not set: generated a key for webhook URLs and secrets into {}. Back it up with the"
                                + " database, and give every instance sharing the database the same key",
                        SETTING,
                        file.toAbsolutePath());
                return key;
            }
            return decodeKey(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read or create " + file.toAbsolutePath() + "; set " + SETTING + " instead", e);
        }
    }
}
