import { expect, test } from "@playwright/test";
import { hydrated } from "./support";

test.describe("home page", () => {
  test("is rendered on the server, before any script runs", async ({ request, browser }) => {
    const response = await request.get("/");
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain("Quiet luxury, intelligently curated");
    expect(html).toContain('role="tablist"');

    // With JavaScript off, a shopper still sees the whole page and its links.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Quiet luxury, intelligently curated" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Explore the collection" })).toHaveAttribute("href", "/products");
    await expect(page.locator("html")).not.toHaveAttribute("data-hydrated", "true");
    await context.close();
  });

  test("loads the WASM bundle, hydrates and responds to clicks", async ({ page }) => {
    const wasm = page.waitForResponse((response) => /\/pkg\/luxeverse[^/]*\.wasm$/.test(response.url()));
    await page.goto("/");
    expect((await wasm).status()).toBe(200);
    await hydrated(page);

    const women = page.getByRole("tab", { name: "Women", exact: true });
    const men = page.getByRole("tab", { name: "Men", exact: true });
    await expect(women).toHaveAttribute("aria-selected", "true");
    await men.click();
    await expect(men).toHaveAttribute("aria-selected", "true");
    await expect(women).toHaveAttribute("aria-selected", "false");
    await expect(page.getByRole("tabpanel")).toContainText("Tailoring with nothing left to prove");
    await expect(page.getByRole("tabpanel", { name: "Women", exact: true })).toBeHidden();
  });

  test("atelier tabs work from the keyboard", async ({ page }) => {
    await page.goto("/");
    await hydrated(page);
    await page.getByRole("tab", { name: "Women", exact: true }).focus();
    await page.keyboard.press("ArrowRight");
    const men = page.getByRole("tab", { name: "Men", exact: true });
    await expect(men).toBeFocused();
    await expect(men).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("End");
    await expect(page.getByRole("tab", { name: "Home", exact: true })).toBeFocused();
    await expect(page.getByRole("tabpanel")).toContainText("Objects for rooms that breathe");
  });

  test("the dark theme persists across visits", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    await hydrated(page);
    const toggle = page.getByRole("button", { name: "Dark theme" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");

    // The server renders the remembered choice on the next visit.
    const response = await page.reload();
    expect(await response!.text()).toContain('data-theme="dark"');
    await hydrated(page);
    await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  });

  test("keyboard users can skip to the content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });
});

test("unknown pages answer 404 with a way home", async ({ page }) => {
  const response = await page.goto("/no/such/atelier");
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page has slipped away" })).toBeVisible();
  await expect(page).toHaveTitle("Page not found · LuxeVerse");
  await page.getByRole("link", { name: "Return to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
});
