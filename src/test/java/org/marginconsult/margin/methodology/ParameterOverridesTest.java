package org.marginconsult.margin.methodology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.methodology.ParameterOverrides.InvalidParametersException;
import org.marginconsult.margin.scenario.VolShiftKind;

class ParameterOverridesTest {

    @Test
    void absentFieldsKeepTheirCurrentValue() {
        ParameterOverrides o = ParameterOverrides.of("parameters", Map.of());
        assertEquals(2.0, o.number("x", 2.0));
        assertEquals(true, o.bool("b", true));
        assertNull(o.object("nested"));
        o.throwIfInvalid();
    }

    @Test
    void numbersMayArriveAsJsonNumbersOrNumericText() {
        ParameterOverrides o = ParameterOverrides.of("parameters", Map.of("a", 3, "b", "0.25", "c", 4.0));
        assertEquals(3.0, o.number("a", 0));
        assertEquals(0.25, o.number("b", 0));
        assertEquals(4, o.integer("c", 0));
        assertTrue(o.valid());
    }

    @Test
    void collectsOneErrorPerBadFieldAcrossNestedObjectsAndLists() {
        ParameterOverrides o = ParameterOverrides.of("parameters", Map.of("n", "x", "flag", "yes",
                "nested", Map.of("k", List.of()), "list", List.of(Map.of("m", "?"), 5), "extra", 1));
        o.number("n", 0);
        o.bool("flag", false);
        o.object("nested").number("k", 0);
        List<ParameterOverrides> items = o.objects("list");
        items.get(0).number("m", 0);
        o.rejectUnknown(Set.of("n", "flag", "nested", "list"));

        InvalidParametersException e = assertThrows(InvalidParametersException.class, o::throwIfInvalid);

        assertEquals(List.of("parameters.n", "parameters.flag", "parameters.nested.k", "parameters.list[1]",
                "parameters.list[0].m", "parameters.extra"), e.errors().stream().map(x -> x.field()).toList());
    }

    @Test
    void choicesAreCaseInsensitiveEnumNames() {
        ParameterOverrides o = ParameterOverrides.of("p", Map.of("mode", "relative", "bad", "sideways"));
        assertEquals(DayOfWeek.MONDAY, o.choice("missing", DayOfWeek.class, DayOfWeek.MONDAY));
        assertEquals(VolShiftKind.RELATIVE,
                o.choice("mode", VolShiftKind.class, null));
        o.choice("bad", VolShiftKind.class, null);
        assertEquals(1, assertThrows(InvalidParametersException.class, o::throwIfInvalid).errors().size());
    }
}
