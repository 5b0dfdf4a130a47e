package org.outpost.dashboard.profile.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.outpost.dashboard.profile.Profile;
import org.outpost.dashboard.profile.ProfileChange;
import org.outpost.dashboard.profile.ProfileRefusedException;
import org.outpost.dashboard.profile.ProfileService;
import org.outpost.dashboard.profile.QuietWindow;
import org.outpost.dashboard.ui.i18n.LanguageNames;
import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.user.UserLanguages;

/**
 * The fields of one user's profile, for their own page and for the admins' dialog: address with
 * where its confirmation stands, time zone, interface language, default quiet hours.
 */
class ProfileForm extends VerticalLayout {

    /** The region zones (Asia/Almaty, Europe/Berlin…) and UTC, as a reader looks them up. */
    static final List<String> ZONES = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("UTC"),
                    ZoneId.getAvailableZoneIds().stream()
                            .filter(id -> id.matches(
                                    "(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
                            .sorted())
            .toList();

    private final ProfileService profiles;
    private final String username;
    private final String actor;
    final TextField email = new TextField(Texts.get("profile.email"));
    final Span emailState = new Span();
    final Button resend = new Button(Texts.get("profile.email.resend"));
    final ComboBox<String> timeZone = new ComboBox<>(Texts.get("profile.timeZone"));
    final Select<Locale> language = new Select<>();
    final Checkbox quiet = new Checkbox(Texts.get("profile.quiet.on"));
    final TimePicker quietFrom = new TimePicker(Texts.get("profile.quiet.from"));
    final TimePicker quietTo = new TimePicker(Texts.get("profile.quiet.to"));
    final Checkbox weekends = new Checkbox(Texts.get("profile.quiet.weekends"));
    final Paragraph error = new Paragraph();
    private Profile shown;

    /** @param actor who edits: the user themselves, or an admin */
    ProfileForm(ProfileService profiles, String username, String actor) {
        this.profiles = profiles;
        this.username = username;
        this.actor = actor;
        this.shown = profiles.get(username);
        addClassName("profile-form");
        setPadding(false);

        email.addClassName("profile-email");
        email.setWidthFull();
        email.setMaxLength(254);
        email.setClearButtonVisible(true);
        emailState.addClassName("profile-email-state");
        resend.addClassName("profile-resend");
        resend.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        resend.addClickListener(e -> resend());
        HorizontalLayout state = new HorizontalLayout(emailState, resend);
        state.setAlignItems(Alignment.CENTER);

        timeZone.addClassName("profile-time-zone");
        timeZone.setItems(ZONES);
        timeZone.setClearButtonVisible(true);
        timeZone.setHelperText(Texts.get("profile.timeZone.helper"));

        language.setLabel(Texts.get("profile.language"));
        language.addClassName("profile-language");
        language.setItems(UserLanguages.SUPPORTED);
        language.setEmptySelectionAllowed(true);
        language.setEmptySelectionCaption(Texts.get("profile.language.browser"));
        language.setItemLabelGenerator(l ->
                l == null ? Texts.get("profile.language.browser") : LanguageNames.of(l.getLanguage(), Texts.locale()));

        quiet.addClassName("profile-quiet");
        quietFrom.addClassName("profile-quiet-from");
        quietTo.addClassName("profile-quiet-to");
        weekends.addClassName("profile-quiet-weekends");
        for (TimePicker picker : List.of(quietFrom, quietTo)) {
            picker.setStep(Duration.ofMinutes(30));
        }
        quiet.addValueChangeListener(e -> showQuiet(e.getValue()));
        Paragraph quietHelp = new Paragraph(Texts.get("profile.quiet.helper"));
        quietHelp.addClassName("profile-quiet-help");

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.add(email, 2);
        form.add(state, 2);
        form.add(timeZone, language);
        form.add(quiet, 2);
        form.add(quietFrom, quietTo);
        form.add(weekends, 2);
        form.add(quietHelp, 2);

        error.addClassName("form-error");
        error.setVisible(false);
        add(form, error);
        show(shown);
    }

    /** The zone to propose while the user has chosen none (their own page: the browser's). */
    void proposeZone(ZoneId zone) {
        if (timeZone.getValue() == null && ZONES.contains(zone.getId())) {
            timeZone.setValue(zone.getId());
        }
    }

    /** Stores the fields; false (with the reason shown) when a value is refused. */
    boolean save() {
        QuietWindow window = null;
        if (quiet.getValue()) {
            LocalTime from = quietFrom.getValue();
            LocalTime to = quietTo.getValue();
            if (from == null || to == null) {
                showError(Texts.get("profile.error.quietMissing"));
                return false;
            }
            window = new QuietWindow(from, to, weekends.getValue());
        }
        Locale chosen = language.getValue();
        try {
            shown = profiles.update(
                    username,
                    new ProfileChange(
                            email.getValue(),
                            timeZone.getValue(),
                            chosen == null ? null : chosen.getLanguage(),
                            window),
                    actor);
        } catch (ProfileRefusedException e) {
            showError(Texts.get(e.key(), e.arguments()));
            return false;
        }
        error.setVisible(false);
        show(shown);
        return true;
    }

    /** The profile as stored now. */
    Profile profile() {
        return shown;
    }

    boolean languageChanged(@Nullable String before) {
        return !Objects.equals(before, shown.language());
    }

    private void resend() {
        if (profiles.resendConfirmation(username)) {
            Notification.show(Texts.get("profile.email.resent", String.valueOf(shown.email())));
        } else {
            Notification.show(
                    Texts.get("profile.email.notResent", profiles.resendAfter().toMinutes()));
        }
    }

    private void show(Profile p) {
        email.setValue(p.email() == null ? "" : p.email());
        emailState.getElement().getThemeList().clear();
        switch (p.emailState()) {
            case NONE -> {
                emailState.setText(Texts.get("profile.email.none"));
                emailState.getElement().getThemeList().add("badge contrast");
            }
            case WAITING -> {
                emailState.setText(Texts.get("profile.email.waiting", String.valueOf(p.email())));
                emailState.getElement().getThemeList().add("badge");
            }
            case CONFIRMED -> {
                emailState.setText(Texts.get("profile.email.confirmed"));
                emailState.getElement().getThemeList().add("badge success");
            }
        }
        emailState.getElement().setAttribute("data-state", p.emailState().name().toLowerCase(Locale.ROOT));
        resend.setVisible(p.emailState() == Profile.EmailState.WAITING);
        timeZone.setValue(p.timeZone());
        language.setValue(UserLanguages.supported(p.language()).orElse(null));
        QuietWindow q = p.quietHours();
        quiet.setValue(q != null);
        quietFrom.setValue(q == null ? LocalTime.of(22, 0) : q.start());
        quietTo.setValue(q == null ? LocalTime.of(7, 0) : q.end());
        weekends.setValue(q != null && q.weekends());
        showQuiet(q != null);
    }

    private void showQuiet(boolean on) {
        quietFrom.setEnabled(on);
        quietTo.setEnabled(on);
        weekends.setEnabled(on);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
