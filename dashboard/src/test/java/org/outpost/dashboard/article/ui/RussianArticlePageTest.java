package org.outpost.dashboard.article.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.dom.Element;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.outpost.dashboard.ViewTest;
import org.outpost.dashboard.classify.ClassifierService;
import org.outpost.dashboard.user.UserLanguages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Russian article read in the Russian interface: its language, its topics and entities in Russian, its date marked
 * as read from its text, and its scores explained with the Russian words that matched.
 */
class RussianArticlePageTest extends ViewTest {

    private static final String TITLE = "Пограничники Таджикистана задержали нарушителя с 40 кг героина";
    private static final String BODY =
            "Пограничники Таджикистана задержали на границе с Афганистаном нарушителя, у которого "
                    + "изъяли 40 кг героина. Задержание произошло ночью на участке пограничного отряда в Хатлонской области; "
                    + "задержанный доставлен в Душанбе, возбуждено уголовное дело о контрабанде наркотиков.";

    @Autowired
    ArticleIndex index;

    @Autowired
    ClassifierService classifiers;

    @Test
    void articlePage_forARussianReader_showsTheRussianArticleInRussian() {
        Article article = classifiers
                .current()
                .classify(Article.builder("Вести Пянджа", TITLE + " " + System.nanoTime(), BODY)
                        .url("https://russian-view-test.example/" + System.nanoTime())
                        .publishedAt(Instant.parse("2003-11-16T00:00:00Z"))
                        .datedFromText(true)
                        .language("ru")
                        .fetchedAt(Instant.now())
                        .build());
        index.index(List.of(article));
        index.refresh();

        readIn(UserLanguages.RUSSIAN);
        navigate(ArticleView.class, Map.of("id", article.id()));

        assertThat($(H1.class).single().getText()).isEqualTo(article.title());
        var targets = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        String page = String.join("\n", texts(targets.get(targets.size() - 1).getElement()));
        assertThat(page)
                .contains(
                        "Язык: русский",
                        "Темы",
                        "Упоминания",
                        "Наркотрафик",
                        "Пограничная безопасность",
                        "Таджикистан",
                        "Афганистан",
                        "Душанбе",
                        "указана в тексте");
        assertThat(page).doesNotContain("Drug trafficking", "Mentions", "Language:");
        // each score explained by the clauses that matched: "term — count× — contribution"
        List<String> explanations = texts(targets.get(targets.size() - 1).getElement()).stream()
                .filter(t -> t.matches("(?s)[^\\n]+ — \\d+× — [+-]\\d.*"))
                .toList();
        assertThat(explanations)
                .as("the Russian article's scores explained with its Russian words")
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).containsPattern("^[^—]*\\p{IsCyrillic}"));
    }

    private static List<String> texts(Element element) {
        List<String> found = new ArrayList<>();
        collect(element, found);
        return found.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static void collect(Element element, List<String> found) {
        if (element.getClassList().contains("topic-learned")) {
            // the learned model's terms are its own analysed tokens (numbers too), not the clauses' words
            return;
        }
        found.add(element.getText());
        for (String property : List.of("label", "title", "summary")) {
            if (element.hasProperty(property)) {
                found.add(String.valueOf(element.getProperty(property)));
            }
        }
        element.getChildren().forEach(child -> collect(child, found));
    }
}
