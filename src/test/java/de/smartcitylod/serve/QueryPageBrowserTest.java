package de.smartcitylod.serve;

import de.smartcitylod.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Headless Chromium opens the query page, runs an example query with one click, and sees result rows. */
class QueryPageBrowserTest {
    @TempDir Path dir;

    @Test void exampleQueryShowsResultRows() throws Exception {
        Browser.onShippedData(dir, (server, driver) -> {
            driver.get(server.url("/"));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            WebElement example = wait.until(d -> d.findElement(By.cssSelector("button.example[data-name='01-ranking-per-edition']")));
            wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return typeof yasgui !== 'undefined'")));
            Object opening = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return yasgui.getTab().getQuery()");
            assertTrue(String.valueOf(opening).contains("sc:IndexObservation"), "the editor opens with the first example, not ?sub ?pred ?obj: " + opening);
            // every resource the page loaded came from this server (no prefix.cc, no CDN)
            Object foreign = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin))");
            assertEquals(List.of(), foreign, "requests outside the server");
            example.click();
            List<WebElement> rows = wait.until(d -> {
                List<WebElement> r = d.findElements(By.cssSelector(".yasr table tbody tr"));
                return r.size() > 1 ? r : null;
                });
                Path shot = Browser.screenshot(driver, "query-page");
                assertTrue(Files.size(shot) > 1000);
                assertTrue(rows.size() > 10, "result rows: " + rows.size());
                String table = driver.findElement(By.cssSelector(".yasr")).getText();
                assertTrue(table.contains("Hamburg"));
                assertTrue(table.contains("79.5") && !table.contains("^^") && !table.contains("@de"), "plain values, no typed-literal syntax");
                // the CSV link carries the current query to the endpoint
                driver.findElement(By.id("csv")).click();
                String href = driver.findElement(By.id("csv")).getAttribute("href");
                assertTrue(href.contains("/smartcity/sparql?format=csv&query="), href);
                // a share link that opens the page with this query, and a curl command for it
                driver.findElement(By.id("share")).click();
                String share = driver.findElement(By.id("share")).getAttribute("href");
                assertTrue(share.startsWith(server.url("/?query=")), share);
                driver.findElement(By.id("curl")).click();
                String curl = driver.findElement(By.id("curlcmd")).getText();
                assertTrue(curl.startsWith("curl -H 'Accept: text/csv' --data-urlencode 'query=") && curl.endsWith("/smartcity/sparql"), curl);
                driver.get(share);
                wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return typeof yasgui !== 'undefined'")));
                Object shared = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return yasgui.getTab().getQuery()");
                assertTrue(String.valueOf(shared).contains("sc:IndexObservation") && String.valueOf(shared).contains("ORDER BY ?year ?category ?rank"), "the shared query: " + shared);
                // labels next to IRIs: a query that returns city IRIs only shows their names beside them
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("const t = yasgui.getTab(); t.setQuery("
                        + "'SELECT ?city WHERE { <https://w3id.org/smartcity-de/id/city/06411000> a ?t BIND(<https://w3id.org/smartcity-de/id/city/06411000> AS ?city) } LIMIT 1'); t.query();");
                WebElement label = wait.until(d -> d.findElements(By.cssSelector(".yasr .iri-label")).stream().findFirst().orElse(null));
                assertEquals("Darmstadt", label.getText().strip(), "the city's label beside its IRI");
                assertEquals("https://w3id.org/smartcity-de/id/city/06411000",
                        label.findElement(By.xpath("preceding-sibling::a[1]")).getAttribute("href"));
        });
    }
}
