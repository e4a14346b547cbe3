package org.marginconsult.margin.methodology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what-if overrides of a methodology's parameters from a JSON-shaped map (the {@code parameters}
 * object of the margin API: strings, numbers, booleans, nested maps and lists), collecting one
 * {@link ParameterError} per bad field instead of stopping at the first.
 *
 * <p>Used by the parameter sets' {@code withOverrides} methods (e.g.
 * {@link org.marginconsult.margin.methodology.span.SpanParameters#withOverrides(Map)}): a field absent
 * from the map keeps its current value; a field present must have the right type; an unknown field is
 * an error (a misspelt what-if must not silently compute the default). Not thread-safe; one per read.
 */
public final class ParameterOverrides {

    /**
     * One bad override.
     *
     * @param field   the field's path, e.g. {@code parameters.combinedCommodities.ES.priceScanRange}
     * @param message what is wrong and what is expected
     */
    public record ParameterError(String field, String message) {
    }

    /** Thrown when overrides are invalid; carries one error per bad field. */
    public static final class InvalidParametersException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient List<ParameterError> errors;

        /**
         * @param errors the errors, not empty
         */
        public InvalidParametersException(List<ParameterError> errors) {
            super(errors.size() + " invalid parameter(s), first: " + errors.get(0).field() + ": "
                    + errors.get(0).message());
            this.errors = List.copyOf(errors);
        }

        /** One error per bad field. */
        public List<ParameterError> errors() {
            return errors;
        }
    }

    private final String path;
    private final Map<String, ?> values;
    private final List<ParameterError> errors;

    private ParameterOverrides(String path, Map<String, ?> values, List<ParameterError> errors) {
        this.path = path;
        this.values = values == null ? Map.of() : values;
        this.errors = errors;
    }

    /**
     * Starts reading overrides.
     *
     * @param path   the path of the map in the request, e.g. "parameters"
     * @param values the overrides (null or empty: nothing overridden)
     * @return a reader
     */
    public static ParameterOverrides of(String path, Map<String, ?> values) {
        return new ParameterOverrides(path, values, new ArrayList<>());
    }

    /** True when there is nothing to override. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** True when the map has the key. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The field path of a key. */
    public String field(String key) {
        return path + "." + key;
    }

    /** Records an error on a key. */
    public void error(String key, String message) {
        errors.add(new ParameterError(field(key), message));
    }

    /** A number, or {@code current} when absent. */
    public double number(String key, double current) {
        if (!values.containsKey(key)) {
            return current;
        }
        Object v = values.get(key);
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                double d = Double.parseDouble(s.trim());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(key, "must be a number, got " + describe(v));
        return current;
    }

    /** A whole number, or {@code current} when absent. */
    public int integer(String key, int current) {
        if (!values.containsKey(key)) {
            return current;
        }
        double d = number(key, Double.NaN);
        if (Double.isNaN(d)) {
            return current;
        }
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            error(key, "must be a whole number, got " + describe(values.get(key)));
            return current;
        }
        return (int) d;
    }

    /** A boolean, or {@code current} when absent. */
    public boolean bool(String key, boolean current) {
        if (!values.containsKey(key)) {
            return current;
        }
        Object v = values.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        error(key, "must be true or false, got " + describe(v));
        return current;
    }

    /** A string, or {@code current} when absent. */
    public String text(String key, String current) {
        if (!values.containsKey(key)) {
            return current;
        }
        Object v = values.get(key);
        if (v instanceof String s && !s.isBlank()) {
            return s.trim();
        }
        error(key, "must be a non-empty text, got " + describe(v));
        return current;
    }

    /** An enum constant by name (case-insensitive), or {@code current} when absent. */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E current) {
        String s = text(key, null);
        if (s == null) {
            return current;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s)) {
                return e;
            }
        }
        error(key, "must be one of " + List.of(type.getEnumConstants()) + ", got " + describe(s));
        return current;
    }

    /** A nested object as a reader, or null when absent or not an object (the latter is an error). */
    public ParameterOverrides object(String key) {
        if (!values.containsKey(key)) {
            return null;
        }
        Object v = values.get(key);
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                copy.put(String.valueOf(e.getKey()), e.getValue());
            }
            return new ParameterOverrides(field(key), copy, errors);
        }
        error(key, "must be an object, got " + describe(v));
        return null;
    }

    /** A list of objects as readers, or null when absent or not a list of objects (the latter is an error). */
    public List<ParameterOverrides> objects(String key) {
        if (!values.containsKey(key)) {
            return null;
        }
        Object v = values.get(key);
        if (!(v instanceof Collection<?> c)) {
            error(key, "must be a list, got " + describe(v));
            return null;
        }
        List<ParameterOverrides> out = new ArrayList<>();
        int i = 0;
        for (Object item : c) {
            if (item instanceof Map<?, ?> m) {
                Map<String, Object> copy = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    copy.put(String.valueOf(e.getKey()), e.getValue());
                }
                out.add(new ParameterOverrides(field(key) + "[" + i + "]", copy, errors));
            } else {
                errors.add(new ParameterError(field(key) + "[" + i + "]", "must be an object, got " + describe(item)));
            }
            i++;
        }
        return out;
    }

    /** The keys present, sorted. */
    public Set<String> keys() {
        return new TreeSet<>(values.keySet());
    }

    /** Records an error for every key not in {@code known}. */
    public void rejectUnknown(Set<String> known) {
        for (String key : keys()) {
            if (!known.contains(key)) {
                error(key, "unknown parameter; the parameters are " + new TreeSet<>(known));
            }
        }
    }

    /**
     * Records a constructor's refusal of the combined values (e.g. a rate above 1) under this object's path.
     *
     * @param e the refusal
     */
    public void refused(IllegalArgumentException e) {
        errors.add(new ParameterError(path, e.getMessage()));
    }

    /** True when no error has been recorded (by this reader or the nested readers sharing its list). */
    public boolean valid() {
        return errors.isEmpty();
    }

    /**
     * Throws when any error has been recorded.
     *
     * @throws InvalidParametersException with every error
     */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
    }

    private static String describe(Object v) {
        return v == null ? "null" : v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }
}
