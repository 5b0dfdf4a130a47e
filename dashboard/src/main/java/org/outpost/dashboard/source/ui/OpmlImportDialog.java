package org.outpost.dashboard.source.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;
import org.outpost.crawler.opml.OpmlEntry;
import org.outpost.crawler.opml.OpmlPreview;
import org.outpost.crawler.opml.OpmlReader;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * Imports sources from an OPML file in two steps: the file (uploaded or pasted) is previewed
 * entry by entry — new, already present, invalid with the reason — and only then applied. The
 * view passes what previewing and applying do, so this dialog calls no service itself.
 */
class OpmlImportDialog extends Dialog {

    private final Function<String, OpmlPreview> preview;
    private final Function<String, OpmlPreview> apply;
    private final Runnable done;
    private final TextArea text = new TextArea();
    private final Grid<OpmlEntry> entries = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Button importButton = new Button();

    OpmlImportDialog(Function<String, OpmlPreview> preview, Function<String, OpmlPreview> apply, Runnable done) {
        this.preview = preview;
        this.apply = apply;
        this.done = done;
        addClassName("opml-import-dialog");
        setHeaderTitle(Texts.get("sources.opml.import"));
        setWidth("min(960px, 95vw)");
        configureInput();
        configureGrid();
        summary.addClassName("opml-summary");
        add(upload(), text, summary, entries);
        Button previewButton = new Button(Texts.get("sources.opml.preview"), e -> showPreview());
        previewButton.addClassName("opml-preview");
        importButton.setText(Texts.get("sources.opml.apply"));
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.addClassName("opml-apply");
        importButton.setEnabled(false);
        importButton.addClickListener(e -> applyImport());
        getFooter().add(new Button(Texts.get("action.cancel"), e -> close()), previewButton, importButton);
    }

    private Upload upload() {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            String content = new String(bytes, StandardCharsets.UTF_8);
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> {
                    text.setValue(content);
                    showPreview();
                });
            }
        }));
        upload.setAcceptedFileTypes(".opml", ".xml", "text/x-opml", "text/xml", "application/xml");
        upload.setMaxFileSize(OpmlReader.MAX_CHARS);
        upload.addClassName("opml-upload");
        return upload;
    }

    private void configureInput() {
        text.setLabel(Texts.get("sources.opml.paste"));
        text.setWidthFull();
        text.setMaxHeight("10em");
        text.setMaxLength(OpmlReader.MAX_CHARS);
        text.addClassName("opml-text");
        text.addValueChangeListener(e -> importButton.setEnabled(false));
    }

    private void configureGrid() {
        entries.addClassName("opml-entries");
        entries.addComponentColumn(OpmlImportDialog::statusBadge)
                .setHeader(Texts.get("log.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        entries.addColumn(
                        e -> e.definition().name() == null ? "" : e.definition().name())
                .setHeader(Texts.get("explore.source"))
                .setFlexGrow(2);
        entries.addColumn(
                        e -> e.definition().type() == null ? "" : e.definition().type())
                .setHeader(Texts.get("sources.opml.type"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        entries.addColumn(
                        e -> e.definition().url() == null ? "" : e.definition().url())
                .setHeader(Texts.get("sources.col.address"))
                .setFlexGrow(3);
        entries.addColumn(e -> {
                    String reason = e.reason(
                            UI.getCurrent() == null
                                    ? Locale.ENGLISH
                                    : UI.getCurrent().getLocale());
                    return reason == null ? "" : reason;
                })
                .setHeader(Texts.get("sources.col.reason"))
                .setFlexGrow(3);
        entries.setAllRowsVisible(true);
        entries.setVisible(false);
    }

    private static Span statusBadge(OpmlEntry entry) {
        Span badge = new Span(Texts.get("sources.opml." + entry.status().name().toLowerCase(Locale.ROOT)));
        badge.getElement()
                .getThemeList()
                .add("badge "
                        + switch (entry.status()) {
                            case NEW -> "success";
                            case PRESENT -> "contrast";
                            case INVALID -> "error";
                        });
        badge.addClassName("opml-status-" + entry.status().name().toLowerCase(Locale.ROOT));
        return badge;
    }

    private void showPreview() {
        OpmlPreview result;
        try {
            result = preview.apply(text.getValue());
        } catch (IllegalArgumentException e) {
            text.setInvalid(true);
            text.setErrorMessage(e.getMessage());
            return;
        }
        text.setInvalid(false);
        show(result, false);
        importButton.setEnabled(result.count(OpmlEntry.Status.NEW) > 0);
    }

    private void applyImport() {
        OpmlPreview result = apply.apply(text.getValue());
        show(result, true);
        importButton.setEnabled(false);
        done.run();
    }

    private void show(OpmlPreview result, boolean applied) {
        summary.setText(Texts.get(
                applied ? "sources.opml.applied" : "sources.opml.summary",
                result.count(OpmlEntry.Status.NEW),
                result.count(OpmlEntry.Status.PRESENT),
                result.count(OpmlEntry.Status.INVALID)));
        entries.setItems(result.entries());
        entries.setVisible(true);
    }
}
