package io.fieldops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin dashboard in a real browser (Debian's Chromium, headless, driven by Selenium through
 * Debian's chromedriver): log in as the demo admin, make an agent booking through the API, and see
 * it appear on the page without a reload.
 */
class DashboardBrowserIT extends SystemTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private WebDriver browser;

  @BeforeEach
  void openBrowser() {
    assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
        .as(
            "Debian's chromium and chromium-driver (.ci/run installs them: apt-get install"
                + " chromium chromium-driver)")
        .isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aBookingMadeWithTheApiAppearsLiveOnTheDashboard() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(gateway().url("/dashboard/"));
    browser.findElement(By.id("email")).sendKeys(stack().admin().email());
    browser.findElement(By.id("password")).sendKeys(stack().admin().password());
    browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();

    wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
    assertThat(browser.findElement(By.id("who-name")).getText()).isNotBlank();
    String unreadBefore = browser.findElement(By.id("unread")).getText();

    String service = "Browser check " + System.nanoTime();
    GatewayResponse booked =
        gateway()
            .post(
                "/api/agent/booking/create/",
                """
                {"phone": "08777%05d", "first_name": "Browser", "last_name": "Check",
                 "service_name": "%s", "booking_date": "%s", "booking_time": "15:00"}
                """
                    .formatted(
                        (int) (System.nanoTime() % 100_000),
                        service,
                        LiveFeedFlowIT.nextOpenDay()));
    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed"), service));
    String item = browser.findElement(By.cssSelector("#feed li:first-child")).getText();
    assertThat(item).contains("New booking", service, "Browser Check");
    assertThat(Integer.parseInt(browser.findElement(By.id("unread")).getText()))
        .isEqualTo(Integer.parseInt(unreadBefore) + 1);
  }

  @Test
  void aJobCardMadeWithTheApiAppearsLiveOnTheDashboard() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(gateway().url("/dashboard/"));
    browser.findElement(By.id("email")).sendKeys(stack().admin().email());
    browser.findElement(By.id("password")).sendKeys(stack().admin().password());
    browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));

    String service = "Termite check " + System.nanoTime();
    GatewayResponse created =
        gateway()
            .post(
                "/api/v1/jobcards/",
                JobCardFlowIT.SEED_MODE_2
                    .replace("Pest Control Service", service)
                    .replace(
                        "9876543210", "08766%05d".formatted((int) (System.nanoTime() % 100_000))),
                "Authorization",
                "Bearer " + demoAdminToken());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed"), service));
    WebElement item = browser.findElement(By.cssSelector("#feed li:first-child"));
    assertThat(item.getAttribute("data-type")).isEqualTo("jobcard_created");
    assertThat(item.getText())
        .contains("New job card", created.json().path("code").asString(), "John Doe", service);
  }

  @Test
  void aTicketMadeWithTheApiAppearsLiveOnTheDashboard() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(gateway().url("/dashboard/"));
    browser.findElement(By.id("email")).sendKeys(stack().admin().email());
    browser.findElement(By.id("password")).sendKeys(stack().admin().password());
    browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));

    GatewayResponse login =
        gateway()
            .post(
                "/api/auth/login/",
                "{\"email\": \"%s\", \"password\": \"%s\"}"
                    .formatted(stack().admin().email(), stack().admin().password()));
    String bearer = "Bearer " + login.json().path("tokens").path("access").asString();
    String adminId = login.json().path("user").path("id").asString();
    String repair =
        TicketFlowIT.code(
            gateway().get("/api/v1/tickets/work-types/", "Authorization", bearer), "repair");
    String status =
        TicketFlowIT.code(
            gateway().get("/api/v1/tickets/statuses/", "Authorization", bearer), "new");
    String details = "Printer jam " + System.nanoTime();
    GatewayResponse created =
        gateway()
            .post(
                "/functions/v1/api-tickets/master",
                """
                {"ticket": {"details": "%s", "work_type_id": "%s", "assigner_id": "%s",
                            "status_id": "%s"},
                 "site": {"name": "Head office"}}
                """
                    .formatted(details, repair, adminId, status),
                "Authorization",
                bearer);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed"), details));
    WebElement item = browser.findElement(By.cssSelector("#feed li[data-type=ticket_created]"));
    assertThat(item.getText()).contains("New ticket", details, "Repair", "Head office", "backlog");
  }
}
