package org.outpost.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import org.outpost.core.index.IndexUnavailableException;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * The line above a dashboard page's panels that says why they show nothing, or nothing new: no
 * articles in the period, days still to choose, or the index down (marked as an error).
 */
public class PageMessage extends Div {

    public PageMessage(String className) {
        addClassName(className);
    }

    public void show(String text, boolean error) {
        setText(text);
        setVisible(true);
        getElement().getClassList().set("error", error);
    }

    /**
     * What a page's background load does when it fails: an index that is down is said here, the
     * panels keep what they showed; any other failure is a bug and goes on to the error handler.
     */
    public void failed(RuntimeException failure) {
        if (!(failure instanceof IndexUnavailableException)) {
            throw failure;
        }
        show(Texts.get("overview.indexDown", failure.getMessage()), true);
    }
}
