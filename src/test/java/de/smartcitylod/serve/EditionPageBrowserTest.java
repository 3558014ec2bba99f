package de.smartcitylod.serve;

import de.smartcitylod.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Headless Chromium sorts an edition's whole table by a clicked column, both ways, empty cells last. */
class EditionPageBrowserTest {
    @TempDir Path dir;

    @Test void theEditionTableSortsByAClickedColumn() throws Exception {
        Browser.onShippedData(dir, (server, driver) -> {
            driver.get(server.url("/page/index/2022"));
            WebElement table = driver.findElement(By.cssSelector("table.ranking.sortable"));
            List<WebElement> headers = table.findElements(By.cssSelector("thead th"));
            int mobility = -1;
            for (int i = 0; i < headers.size(); i++) if (headers.get(i).getText().startsWith("Mobilität: Rang")) mobility = i;
            assertTrue(mobility > 0, "a mobility rank column");
            assertTrue(table.findElements(By.cssSelector("tbody tr")).size() >= 60, "one row per city of the edition");
            headers.get(mobility).click();
            List<Integer> ascending = ranks(table, mobility);
            assertTrue(ascending.size() >= 20, ascending.toString());
            for (int i = 1; i < ascending.size(); i++) assertTrue(ascending.get(i - 1) <= ascending.get(i), "ascending: " + ascending);
            String lastCell = table.findElements(By.cssSelector("tbody tr")).getLast().findElements(By.tagName("td")).get(mobility).getText();
            assertEquals("", lastCell, "cities without a mobility rank come last");
            headers.get(mobility).click();
            List<Integer> descending = ranks(table, mobility);
            for (int i = 1; i < descending.size(); i++) assertTrue(descending.get(i - 1) >= descending.get(i), "descending: " + descending);
            Browser.screenshot(driver, "edition-2022-sorted-by-mobility");
            // the edition's cities on a map of the states, drawn in the page without any other server
            WebElement map = driver.findElement(By.cssSelector("svg.map"));
            assertEquals(16, map.findElements(By.tagName("use")).size(), "the 16 states");
            // each state is drawn from the one outlines file (fetched from this server): its box is Germany's part, not empty
            var js = (org.openqa.selenium.JavascriptExecutor) driver;
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10)).until(d -> ((Number) js.executeScript(
                    "return [...document.querySelectorAll('svg.map use')].filter(u => u.getBBox().width > 5 && u.getBBox().height > 5).length")).intValue() == 16);
            assertEquals(1L, js.executeScript("return performance.getEntriesByType('resource').filter(e => e.name.includes('/static/map/germany-states-')).length"),
                    "the outlines are one file");
            assertTrue(map.findElements(By.tagName("circle")).size() >= 60, "a dot per city");
            assertTrue(map.getSize().getWidth() > 300, "drawn: " + map.getSize());
            assertTrue(Files.size(Browser.screenshot(map, "edition-2022-map")) > 1000);
            // every page a person lands on loads nothing from outside the server (the query page: QueryPageBrowserTest)
            List<String> withMap = List.of("/page/index/2022", "/page/city/06411000", "/page/atlas/2019", "/page/programme/digitale-stadt");
            for (String page : List.of("/page/index/2022", "/page/city/06411000", "/page/atlas/2019", "/page/programme/digitale-stadt", "/catalog", "/.well-known/void")) {
                driver.get(server.url(page));
                if (withMap.contains(page)) assertFalse(driver.findElements(By.cssSelector("svg.map circle")).isEmpty(), "a map on " + page);
                if (page.startsWith("/page/programme/")) Browser.screenshot(driver, "programme-map");
                else assertFalse(driver.findElements(By.tagName("h1")).isEmpty(), "an HTML page at " + page);
                Object foreign = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin))");
                assertEquals(List.of(), foreign, "requests outside the server on " + page);
            }
        });
    }

    /** The column's ranks from top to bottom, skipping empty cells. */
    private static List<Integer> ranks(WebElement table, int column) {
        return table.findElements(By.cssSelector("tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).get(column).getAttribute("data-v"))
                .filter(v -> v != null && !v.isEmpty()).map(Integer::valueOf).toList();
    }
}
