package org.outpost.crawler.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An error page served with status 200 ("soft 404"): many CMSs answer a removed story, a
 * mistyped address or a failure with a normal page whose title or headline says so. Its
 * apology is a sentence or two of prose, which a brief-sized minimum no longer keeps out, so
 * the page is recognised by what it says it is. Only a title or headline that is nothing but
 * the error (or names a missing page) counts: "Ошибка врачей стоила жизни пациенту" is news.
 */
final class ErrorPage {

    /** The whole heading is the error: "Ошибка", "Error 500", "404", "404 Not Found", "Доступ запрещён". */
    private static final Pattern WHOLE =
            Pattern.compile("(?U)(?:error|ошибка|хато|xato|xatolik|қате|ката)(?: [45]\\d\\d)?"
                    + "|(?:error |ошибка )?[45]\\d\\d(?: (?:error|ошибка|not found|page not found|страница не найдена|forbidden"
                    + "|доступ запрещ[её]н|internal server error|server error|service unavailable))?"
                    + "|not found|forbidden|access denied|доступ запрещ[её]н|service unavailable|сервис недоступен|сайт недоступен"
                    + "|technical works?|технические работы|ведутся технические работы");
    /** Phrases that only a page about itself being missing uses. */
    private static final Pattern MISSING_PAGE = Pattern.compile("(?U)\\b(?:page not found|page cannot be found"
            + "|page could not be found|page can t be found|page doesn t exist|page does not exist|can t find (?:that|this|the) page"
            + "|cannot find (?:that|this|the) page|страница не найдена|страница не существует|страница удалена|нет такой страницы"
            + "|страницы не существует|sahifa topilmadi|саҳифа ёфт нашуд|саҳифа пайдо нашуд|бет табылмады|бет табылган жок"
            + "|барак табылган жок|барак табылбады)\\b");

    private static final int HEADLINES = 3;

    private ErrorPage() {}

    static void refuse(Document page, String title) throws ExtractionException {
        for (String heading : headings(page, title)) {
            String plain = DomText.comparable(heading).replace('ё', 'е');
            if (!plain.isEmpty()
                    && (WHOLE.matcher(plain).matches()
                            || MISSING_PAGE.matcher(plain).find())) {
                throw new ExtractionException("an error page (\"" + heading + "\"), not an article");
            }
        }
    }

    private static List<String> headings(Document page, String title) {
        List<String> headings = new ArrayList<>();
        headings.add(title);
        headings.add(page.title());
        int count = 0;
        for (Element h1 : page.select("h1")) {
            if (count++ == HEADLINES) {
                break;
            }
            headings.add(h1.text());
        }
        return headings.stream()
                .map(h -> DomText.collapse(h).toLowerCase(Locale.ROOT))
                .toList();
    }
}
