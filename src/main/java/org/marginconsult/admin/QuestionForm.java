package org.marginconsult.admin;

import org.jboss.resteasy.reactive.RestForm;
import org.marginconsult.consultation.ConsultationView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The form for one question; sub-parts are typed one per line as "(a) text". */
public class QuestionForm {

    private static final Pattern PART = Pattern.compile("\\(?([A-Za-z0-9]{1,10})\\)\\s*(.+)");

    @RestForm public String number;
    @RestForm public String text;
    @RestForm public String provisional;
    @RestForm public String withdrawn;
    @RestForm public String parts;
    @RestForm public String reason;

    static QuestionForm of(ConsultationView.QuestionView q) {
        QuestionForm form = new QuestionForm();
        form.number = q.number();
        form.text = q.text();
        form.provisional = q.provisional() ? "on" : null;
        form.parts = String.join("\n", q.parts().stream().map(p -> "(" + p.label() + ") " + p.text()).toList());
        return form;
    }

    public boolean isProvisional() {
        return provisional != null;
    }

    List<ConsultationView.PartView> partList(Map<String, String> errors) {
        List<ConsultationView.PartView> list = new ArrayList<>();
        String[] lines = parts == null ? new String[0] : parts.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = PART.matcher(line);
            if (!m.matches()) {
                errors.putIfAbsent("parts", "Line " + (i + 1) + ": write the label in brackets, then the text, e.g. \"(a) For futures, ...\".");
                continue;
            }
            list.add(new ConsultationView.PartView(m.group(1), m.group(2).strip()));
        }
        return list;
    }
}
