package org.outpost.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryLimitsTest {

    private static final QueryLimits VIEWER = new QueryLimits(1000, false);
    private static final QueryLimits ANALYST = new QueryLimits(1000, true);

    @Test
    void aQueryLongerThanTheLimitIsRefusedBeforeItIsParsed() {
        String text = "border ".repeat(200); // 1,400 characters, valid syntax

        assertThatThrownBy(() -> QueryText.check(text, ANALYST))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(InvalidQueryException.Reason.TOO_LONG);
                    assertThat(e.getMessage()).contains("at most 1000");
                });
        assertThat(QueryText.check("border ".repeat(100).strip(), ANALYST)).isNotNull();
    }

    @Test
    void leadingWildcardsAndRegularExpressionsAreRefusedWhereTheLimitsSaySo() {
        for (String text : List.of("*a*", "?stan", "border AND title:*istan", "(drugs OR /her[o0]in/)", "-x *z")) {
            assertThatThrownBy(() -> QueryText.check(text, VIEWER))
                    .as(text)
                    .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
                        assertThat(e.reason()).isEqualTo(InvalidQueryException.Reason.EXPENSIVE);
                        assertThat(e.getMessage()).contains("not allowed for your role");
                    });
            assertThat(QueryText.check(text, ANALYST)).as(text).isNotNull();
        }
    }

    @Test
    void trailingWildcardsFuzzyTermsAndEverythingStayAllowedForEveryone() {
        for (String text : List.of("stan*", "bord?r", "heroin~", "*", "\"border security\" AND tajik*")) {
            assertThat(QueryText.check(text, VIEWER)).as(text).isNotNull();
        }
    }

    @Test
    void theRefusalSaysWhereTheTermStarts() {
        assertThatThrownBy(() -> QueryText.check("border *stan", VIEWER))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class, e -> assertThat(e.column()).isEqualTo(8));
    }

    @Test
    void aPageBeyondTheResultWindowIsRefusedNamingPageEvenWhenPagePlusOneOverflows() {
        assertThatThrownBy(() -> new ArticleQuery(null, null, null, null, Integer.MAX_VALUE, 20))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.field()).isEqualTo("page"));
        assertThatThrownBy(() -> new ArticleQuery(null, null, null, null, 500, 20))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.field()).isEqualTo("page"));
        assertThat(new ArticleQuery(null, null, null, null, 499, 20).page()).isEqualTo(499);
    }

    @Test
    void aFilterListIsBoundedInCountAndValueLength() {
        List<String> many = java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> "source " + i)
                .toList();
        assertThatThrownBy(() -> ArticleQuery.Filters.check("source", many))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.field()).isEqualTo("source");
                    assertThat(e.getMessage()).contains("at most 100");
                });
        assertThatThrownBy(() -> ArticleQuery.Filters.check("entity", List.of("x".repeat(201))))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.field()).isEqualTo("entity"));
        ArticleQuery.Filters.check("source", many.subList(0, 100));
    }
}
