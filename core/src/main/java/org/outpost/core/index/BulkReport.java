package org.outpost.core.index;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What happened to each article of a bulk request, matched back by id. */
public record BulkReport(List<Item> items) {

    public BulkReport {
        items = List.copyOf(items);
    }

    /**
     * @param result Elasticsearch's word for a success: {@code created}, {@code updated} or {@code noop}
     * @param error the reason Elasticsearch gave for a failure, null on success
     */
    public record Item(
            String id,
            int status,
            @Nullable String result,
            @Nullable String error) {
        public boolean ok() {
            return error == null;
        }
    }

    public List<Item> failures() {
        return items.stream().filter(i -> !i.ok()).toList();
    }

    public long created() {
        return items.stream().filter(i -> "created".equals(i.result())).count();
    }

    public long updated() {
        return items.stream().filter(i -> "updated".equals(i.result())).count();
    }

    public boolean allOk() {
        return items.stream().allMatch(Item::ok);
    }
}
