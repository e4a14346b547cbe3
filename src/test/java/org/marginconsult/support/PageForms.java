package org.marginconsult.support;

import io.restassured.response.Response;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * Posting page forms in tests as a browser would: fetch the page, keep its CSRF cookie, and send the
 * hidden token field back with the form.
 */
public final class PageForms {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** The CSRF cookie and form token of the page at {@code path}. */
    public record Csrf(String cookie, String token) {
    }

    private PageForms() {
    }

    public static Csrf csrfOf(String path) {
        Response page = given().redirects().follow(false).get(path);
        if (page.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + page.statusCode() + ":\n" + page.asString());
        }
        Matcher m = TOKEN.matcher(page.asString());
        if (!m.find()) {
            throw new AssertionError("No CSRF field on " + path);
        }
        return new Csrf(page.getCookie("csrf-token"), m.group(1));
    }

    /** The value of the hidden field {@code name} on a page, unescaped as a browser would send it. */
    public static String hiddenValue(String html, String name) {
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"")
                .matcher(html);
        if (!m.find()) {
            throw new AssertionError("No hidden field " + name);
        }
        return m.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    public static io.restassured.specification.RequestSpecification form(Csrf csrf) {
        return given().redirects().follow(false)
                .cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.token());
    }

    public static io.restassured.specification.RequestSpecification multipart(Csrf csrf) {
        return given().redirects().follow(false)
                .cookie("csrf-token", csrf.cookie())
                .multiPart("csrf-token", csrf.token());
    }
}
