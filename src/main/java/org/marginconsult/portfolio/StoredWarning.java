package org.marginconsult.portfolio;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An {@link UploadWarning} as stored with its portfolio. */
@Embeddable
public class StoredWarning {

    @Column(name = "line_no")
    public Integer line;

    @Column(name = "column_name", length = 120)
    public String column;

    @Column(nullable = false, length = 40)
    public String code;

    @Column(nullable = false, length = 1000)
    public String message;

    public StoredWarning() {
    }

    StoredWarning(UploadWarning warning) {
        this.line = warning.line();
        this.column = warning.column();
        this.code = warning.code();
        this.message = warning.message().length() > 1000 ? warning.message().substring(0, 1000) : warning.message();
    }

    public UploadWarning toWarning() {
        return new UploadWarning(line, column, message, code);
    }
}
