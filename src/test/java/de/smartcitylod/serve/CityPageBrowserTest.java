package de.smartcitylod.serve;

import de.smartcitylod.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Headless Chromium follows a city URI to its page and sees the index chart drawn; a screenshot goes to target/screenshots. */
class CityPageBrowserTest {
    @TempDir Path dir;

    @Test void cityPageDrawsTheIndexChart() throws Exception {
        Browser.onShippedData(dir, (server, driver) -> {
            driver.get(server.url("/id/city/08212000"));   // 303 to the page, as a browser follows it
            assertTrue(driver.getCurrentUrl().endsWith("/page/city/08212000"), driver.getCurrentUrl());
            assertEquals("Karlsruhe", driver.findElement(By.tagName("h1")).getText());
            List<WebElement> charts = driver.findElements(By.cssSelector("svg.chart"));
            assertEquals(2, charts.size(), "rank and score charts");
            WebElement rank = driver.findElement(By.cssSelector("svg.chart[data-kind='rank']"));
            assertTrue(rank.getSize().getWidth() > 300 && rank.getSize().getHeight() > 200, "drawn at its size: " + rank.getSize());
            assertTrue(rank.findElements(By.tagName("polyline")).size() >= 1, "a line over the editions");
            assertTrue(rank.findElements(By.tagName("circle")).size() >= 7, "a point per edition");
            Path shot = Browser.screenshot(driver, "city-page-karlsruhe");
            assertTrue(Files.size(shot) > 10_000);
        });
    }
}
