package org.marginconsult.comment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PlainTextTest {

    @Test
    void blankLinesSeparateParagraphsAndSingleBreaksAreKept() {
        assertEquals("<p>First line<br/>same paragraph</p><p>Second</p>",
                PlainText.toHtml("First line\nsame paragraph\n\n\nSecond"));
    }

    @Test
    void dashesMakeABulletedListAndNumbersANumberedOne() {
        assertEquals("<p>We propose:</p><ul><li>a 15% haircut</li><li>daily netting</li></ul><ol><li>one</li><li>two</li></ol>",
                PlainText.toHtml("We propose:\n- a 15% haircut\n* daily netting\n1. one\n2) two"));
    }

    @Test
    void markupIsEscapedBeforeAnyFormatting() {
        String html = PlainText.toHtml("<script>alert('x')</script>\n- <b onclick=\"x\">bold</b> & more");
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<b "));
        assertEquals("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p><ul><li>&lt;b onclick=&quot;x&quot;&gt;bold&lt;/b&gt; &amp; more</li></ul>",
                html);
    }

    @Test
    void emptyTextGivesNothing() {
        assertEquals("", PlainText.toHtml("  \n "));
        assertEquals("", PlainText.toHtml(null));
    }
}
