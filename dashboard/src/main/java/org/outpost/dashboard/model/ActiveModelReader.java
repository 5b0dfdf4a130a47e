package org.outpost.dashboard.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.outpost.core.topic.learn.TopicModel;

/**
 * The model switched on in the app's database, read with plain JDBC for the {@code classify}
 * command, which starts no Spring context: so the command scores as the running app does. The
 * database is found as the app finds it ({@code SPRING_DATASOURCE_URL}, else the H2 file under
 * {@code OUTPOST_DATA_DIR}); an H2 file that is not there is not created.
 */
public final class ActiveModelReader {

    private ActiveModelReader() {}

    /** What was found: the active model, or none and why (null reason: no database configured or present). */
    public record Lookup(
            @Nullable TopicModel model, @Nullable String reason) {}

    public static Lookup read(Function<String, @Nullable String> env) {
        String url = env.apply("SPRING_DATASOURCE_URL");
        if (url == null || url.isBlank()) {
            String dataDir = env.apply("OUTPOST_DATA_DIR");
            Path db = Path.of(dataDir == null || dataDir.isBlank() ? "./data" : dataDir, "db");
            if (!Files.exists(db.resolve("outpost.mv.db"))) {
                return new Lookup(null, null);
            }
            url = "jdbc:h2:file:" + db.toAbsolutePath().normalize().resolve("outpost") + ";IFEXISTS=TRUE";
        }
        String user = env.apply("SPRING_DATASOURCE_USERNAME");
        String password = env.apply("SPRING_DATASOURCE_PASSWORD");
        try (Connection connection = DriverManager.getConnection(
                        url,
                        user == null && url.startsWith("jdbc:h2:") ? "sa" : user,
                        password == null ? "" : password);
                PreparedStatement select =
                        connection.prepareStatement("select model_text from topic_model where state = 'active'");
                ResultSet rows = select.executeQuery()) {
            return rows.next()
                    ? new Lookup(TopicModel.parse(rows.getString(1)), null)
                    : new Lookup(null, "no model is switched on in the database");
        } catch (SQLException | RuntimeException e) {
            // a locked H2 file (the app is running), a database without the table yet, a refused connection
            return new Lookup(null, "the database could not be read (" + e.getMessage() + ")");
        }
    }
}
