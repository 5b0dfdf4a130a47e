package org.outpost.crawler.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Sources in the database. */
@Repository
public class SourceRepository {

    private static final String COLUMNS = "id, name, type, url, schedule, timezone, enabled, language, include_pattern,"
            + " exclude_pattern, allow_private, owner, created_at, updated_at";

    private final JdbcClient jdbc;

    public SourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Source insert(SourceDefinition.Valid source, @Nullable String owner) {
        Instant now = Instant.now();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql(
                            "insert into crawl_source (name, type, url, schedule, timezone, enabled, language, include_pattern,"
                                    + " exclude_pattern, allow_private, owner, created_at, updated_at)"
                                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            source.name(),
                            source.type().name(),
                            source.url(),
                            source.schedule().expression(),
                            source.schedule().zone().getId(),
                            source.enabled(),
                            source.language(),
                            source.includePattern(),
                            source.excludePattern(),
                            source.allowPrivate(),
                            owner,
                            Timestamp.from(now),
                            Timestamp.from(now))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new InvalidSourceException("name", "source.name.exists", source.name());
        }
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("no id generated for source " + source.name());
        }
        return find(id.longValue()).orElseThrow();
    }

    public Source update(long id, SourceDefinition.Valid source) {
        try {
            int rows = jdbc.sql(
                            "update crawl_source set name = ?, type = ?, url = ?, schedule = ?, timezone = ?, enabled = ?,"
                                    + " language = ?, include_pattern = ?, exclude_pattern = ?, allow_private = ?, updated_at = ?"
                                    + " where id = ?")
                    .params(
                            source.name(),
                            source.type().name(),
                            source.url(),
                            source.schedule().expression(),
                            source.schedule().zone().getId(),
                            source.enabled(),
                            source.language(),
                            source.includePattern(),
                            source.excludePattern(),
                            source.allowPrivate(),
                            Timestamp.from(Instant.now()),
                            id)
                    .update();
            if (rows == 0) {
                throw new SourceNotFoundException(id);
            }
        } catch (DuplicateKeyException e) {
            throw new InvalidSourceException("name", "source.name.exists", source.name());
        }
        return find(id).orElseThrow(() -> new SourceNotFoundException(id));
    }

    public boolean delete(long id) {
        return jdbc.sql("delete from crawl_source where id = ?").param(id).update() > 0;
    }

    public Optional<Source> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from crawl_source where id = ?")
                .param(id)
                .query(SourceRepository::map)
                .optional();
    }

    public Optional<Source> findByName(String name) {
        return jdbc.sql("select " + COLUMNS + " from crawl_source where name = ?")
                .param(name)
                .query(SourceRepository::map)
                .optional();
    }

    public List<Source> findAll() {
        return jdbc.sql("select " + COLUMNS + " from crawl_source order by name")
                .query(SourceRepository::map)
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from crawl_source").query(Long.class).single();
    }

    private static Source map(ResultSet rs, int row) throws SQLException {
        return new Source(
                rs.getLong("id"),
                rs.getString("name"),
                SourceType.valueOf(rs.getString("type")),
                rs.getString("url"),
                Schedule.stored(rs.getString("schedule"), rs.getString("timezone")),
                rs.getBoolean("enabled"),
                rs.getString("language"),
                rs.getString("include_pattern"),
                rs.getString("exclude_pattern"),
                rs.getBoolean("allow_private"),
                rs.getString("owner"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
