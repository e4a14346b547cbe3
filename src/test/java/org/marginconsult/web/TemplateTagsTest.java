package org.marginconsult.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Qute evaluates expressions in a template's text, but a quoted parameter of a section tag is a string
 * literal: {@code {#form action="/impact-runs/{run.id}/summary"}} renders the braces as they are, and the
 * form posted to a page that does not exist. Checked on the template sources, since no page test renders
 * every form.
 */
class TemplateTagsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern COMMENT = Pattern.compile("\\{!.*?!}", Pattern.DOTALL);
    private static final Pattern SECTION_TAG = Pattern.compile("\\{#[a-zA-Z]+\\b([^}\"']|\"[^\"]*\"|'[^']*')*}");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");

    static List<String> expressionsInQuotedTagParameters(String template) {
        List<String> found = new ArrayList<>();
        Matcher tag = SECTION_TAG.matcher(COMMENT.matcher(template).replaceAll(""));
        while (tag.find()) {
            Matcher literal = QUOTED.matcher(tag.group());
            while (literal.find()) {
                if (literal.group().contains("{")) {
                    found.add(tag.group());
                }
            }
        }
        return found;
    }

    @Test
    void theCheckFindsAnExpressionWrittenInsideAQuotedTagParameter() {
        assertEquals(List.of("{#form action=\"/impact-runs/{run.id}/summary\" _isolated=false}"),
                expressionsInQuotedTagParameters("""
                        {#form action="/impact-runs/{run.id}/summary" _isolated=false}<button>Create</button>{/form}
                        {#form action=createAction _isolated=false}{/form}
                        {! {#form action="/{x}"} in a comment is not a tag !}
                        <a href="/impact-runs/{run.id}">text expressions are evaluated</a>"""));
    }

    @Test
    void noTemplatePutsAnExpressionInsideAQuotedTagParameterWhereQuteWouldNotEvaluateIt() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                for (String tag : expressionsInQuotedTagParameters(Files.readString(file))) {
                    found.add(TEMPLATES.relativize(file) + ": " + tag);
                }
            }
        }
        assertTrue(Files.isDirectory(TEMPLATES), "templates at " + TEMPLATES.toAbsolutePath());
        assertEquals(List.of(), found, "pass the value as a parameter instead (action=someAction)");
    }
}
