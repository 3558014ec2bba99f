package de.smartcitylod.serve;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class HtmlTest {
    @Test void escapesMarkupAnywhereInTheText() {
        assertEquals("&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;", Html.esc("<b> & \"x\" 'y'"));
        assertEquals("Rang ≤ 10 &amp; Punkte", Html.esc("Rang ≤ 10 & Punkte"), "text before the first special character is kept");
        assertEquals("a&amp;", Html.esc("a&"));
        assertEquals("", Html.esc(null));
    }

    @Test void plainTextComesBackAsItIs() {
        String plain = "Darmstadt · Wissenschaftsstadt";
        assertSame(plain, Html.esc(plain), "no copy when nothing needs escaping");
    }
}
