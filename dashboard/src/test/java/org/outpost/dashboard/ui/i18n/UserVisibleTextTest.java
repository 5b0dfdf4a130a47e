package org.outpost.dashboard.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No English left in a view: the interface's source is read for text handed to a component as a
 * string literal (to a constructor, {@code setText}, {@code setLabel}, {@code setHeader},
 * {@code Notification.show}…) instead of through {@code getTranslation} or {@link Texts}. The
 * check reads the source, so it covers code paths no view test happens to reach.
 */
class UserVisibleTextTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "org", "outpost", "dashboard");

    /** Calls whose first argument is text a reader sees. */
    private static final Pattern TEXT_CALL = Pattern.compile(
            "((?<![\\w.])super|new\\s+(Span|H1|H2|H3|H4|H5|H6|Paragraph|Button|Div|ListItem|NativeLabel|Text|Tab|Checkbox|TextField|"
                    + "TextArea|PasswordField|IntegerField|NumberField|EmailField|ComboBox|MultiSelectComboBox|Select|"
                    + "DatePicker|TimePicker|DateTimePicker|CheckboxGroup|RadioButtonGroup|Details|SideNavItem|"
                    + "RouterLink|MenuItem|ConfirmDialog|Loading|Notification|Emphasis|Strong)(<[^>]*>)?"
                    + "|\\.(setText|setLabel|setHeader|setFooter|setPlaceholder|setHelperText|setTooltipText|setAriaLabel|"
                    + "setErrorMessage|setHeaderTitle|setTitle|setConfirmText|setCancelText|setRejectText|setSummaryText|"
                    + "addItem|show|setEmptyStateText|setI18n|setPageTitle))"
                    + "\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** A text after an anchor's address: {@code new Anchor(href, "Text")}. */
    private static final Pattern ANCHOR_TEXT = Pattern.compile("new\\s+Anchor\\([^,;]+,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Words concatenated into a component's text: {@code setText(n + " new articles")}. */
    private static final Pattern CONCATENATED =
            Pattern.compile("\\+\\s*\"((?:[^\"\\\\]|\\\\.)*)\"|\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\+");

    private static final Pattern TEXT_SINK = Pattern.compile(
            "\\.(setText|setLabel|setHeader|setPlaceholder|setHelperText|setTooltipText|setAriaLabel|setErrorMessage|show)\\("
                    + "|new\\s+(Span|H[1-6]|Paragraph|Button|ListItem|Anchor|Notification)\\(");
    private static final Pattern PAGE_TITLE = Pattern.compile("@PageTitle\\(");

    @Test
    void noViewPassesAPlainEnglishStringToAComponent() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : interfaceSources()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("*") || line.strip().startsWith("//")) {
                    continue;
                }
                String where = SOURCES.relativize(file) + ":" + (i + 1) + ": " + line.strip();
                Matcher call = TEXT_CALL.matcher(line);
                while (call.find()) {
                    if (isWords(call.group(5))) {
                        found.add(where);
                    }
                }
                Matcher anchor = ANCHOR_TEXT.matcher(line);
                while (anchor.find()) {
                    if (isWords(anchor.group(1))) {
                        found.add(where);
                    }
                }
                if (TEXT_SINK.matcher(line).find()) {
                    Matcher part = CONCATENATED.matcher(line);
                    while (part.find()) {
                        String literal = part.group(1) != null ? part.group(1) : part.group(2);
                        if (isWords(literal)) {
                            found.add(where);
                        }
                    }
                }
                if (PAGE_TITLE.matcher(line).find()) {
                    found.add(where + " (a fixed title: implement HasDynamicTitle)");
                }
            }
        }
        assertThat(found)
                .as("English text in the interface's source; put it in the bundles")
                .isEmpty();
    }

    @Test
    void theCheckFindsTextPassedToAComponent() {
        assertThat(TEXT_CALL.matcher("Span s = new Span(\"No sources\");").find())
                .isTrue();
        assertThat(TEXT_CALL.matcher("grid.addColumn(x).setHeader(\"Status\")").find())
                .isTrue();
        assertThat(TEXT_CALL.matcher("Notification.show(\"Saved\")").find()).isTrue();
        assertThat(TEXT_CALL.matcher("super(\"Create alert\", icon);").find()).isTrue();
        assertThat(isWords(" AND ")).as("query syntax").isFalse();
        Matcher anchor = ANCHOR_TEXT.matcher("new Anchor(\"explore\", \"Show all\")");
        assertThat(anchor.find() && isWords(anchor.group(1))).isTrue();
        assertThat(isWords("badge-small")).as("a class name").isFalse();
        assertThat(isWords(" · ")).isFalse();
        assertThat(isWords("new")).as("a lowercase word alone is a text too").isTrue();
    }

    /**
     * Text a reader would read: letters, other than a class name or key ({@code topic-card},
     * {@code nav.overview}) in a call that takes one, a unit or a URL.
     */
    static boolean isWords(String literal) {
        String text = literal.replaceAll("<[^>]*>", "").strip();
        if (!text.matches(".*\\p{L}.*")) {
            return false;
        }
        if (text.matches("[a-z0-9]+([-_.:/?=&%][a-z0-9]*)+") || text.startsWith("/") || text.startsWith("http")) {
            return false; // a class name, key, path or address
        }
        if (text.matches("[\\s\\\\\"()]*(AND|OR|NOT)[\\s\\\\\"()]*")) {
            return false; // an operator put into a search query, the same in every language
        }
        return !text.matches("#[0-9a-fA-F]{3,8}|\\d+(px|em|rem|%)|vaadin:[a-z-]+");
    }

    private static List<Path> interfaceSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/ui/") || f.endsWith(Path.of("security", "LoginView.java")))
                    .toList();
        }
    }
}
