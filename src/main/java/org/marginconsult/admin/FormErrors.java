package org.marginconsult.admin;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Field errors of a form being re-rendered: {@code {#if errors.has('title')}{errors.of('title')}{/if}}. */
public final class FormErrors {

    private final Map<String, String> errors;
    private final String conflict;

    private FormErrors(Map<String, String> errors, String conflict) {
        this.errors = new LinkedHashMap<>(errors);
        this.conflict = conflict;
    }

    public static FormErrors none() {
        return new FormErrors(Map.of(), null);
    }

    public static FormErrors of(Map<String, String> errors) {
        return new FormErrors(errors, null);
    }

    /** A problem with the whole request (the period changed meanwhile, an action not allowed now). */
    public static FormErrors conflict(String message) {
        return new FormErrors(Map.of(), message);
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public String of(String field) {
        return errors.getOrDefault(field, "");
    }

    public boolean any() {
        return !errors.isEmpty() || conflict != null;
    }

    public Collection<Map.Entry<String, String>> all() {
        return errors.entrySet();
    }

    public String conflict() {
        return conflict;
    }

    FormErrors with(String field, String message) {
        FormErrors copy = new FormErrors(errors, conflict);
        copy.errors.putIfAbsent(field, message);
        return copy;
    }
}
