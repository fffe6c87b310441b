import { expect, test } from "@playwright/test";
import { hydrated } from "./support";

// Runs against a server whose database holds the demo catalog (`server seed`).

test.describe("search", () => {
  test("suggestions appear as the shopper types and one is picked with the keyboard", async ({ page }) => {
    await page.goto("/search");
    await hydrated(page);

    const box = page.getByRole("combobox", { name: "Search the collection" });
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await box.pressSequentially("hald", { delay: 60 });
    const listbox = page.getByRole("listbox", { name: "Suggestions" });
    await expect(listbox).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    const brand = listbox.getByRole("option", { name: /Halden Horology/ }).first();
    await expect(brand).toBeVisible();
    await expect(brand.locator("mark")).toHaveText("Halden");

    // Arrows move the active option; Escape closes the list, an arrow reopens it.
    await box.press("ArrowDown");
    await expect(box).toHaveAttribute("aria-activedescendant", "search-suggestion-0");
    await expect(listbox.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
    await box.press("ArrowUp");
    const last = (await listbox.getByRole("option").count()) - 1;
    await expect(box).toHaveAttribute("aria-activedescendant", `search-suggestion-${last}`);
    await box.press("Escape");
    await expect(listbox).toBeHidden();
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await box.press("ArrowDown");
    await expect(listbox).toBeVisible();
    await expect(listbox.getByRole("option").first()).toHaveAttribute("aria-selected", "true");

    // Enter on the active option goes where it points: the designer's page.
    await box.press("Enter");
    await expect(page).toHaveURL(/\/brands\/halden-horology$/);
  });

  test("a misspelt search shows corrected results with highlighted matches", async ({ page }) => {
    await page.goto("/search");
    await hydrated(page);

    const box = page.getByRole("combobox", { name: "Search the collection" });
    await box.fill("chronograf");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=chronograf$/);
    await expect(page.getByText("Showing results for")).toContainText("chronograph");
    await expect(page.getByRole("status").filter({ hasText: "for “chronograph”" })).toContainText(
      /\d+ pieces? for/,
    );
    const first = page.locator(".product-card").first();
    await expect(first.locator("mark").first()).toHaveText(/chronograph/i);

    // A result link carries the search log, so the click is recorded.
    await expect(first.getByRole("link")).toHaveAttribute("href", /^\/products\/[^?]+\?sl=[0-9a-f-]{36}&sp=1$/);
    await first.getByRole("link").click();
    await expect(page).toHaveURL(/\/products\/[^?]+\?sl=/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/chronograph/i);
  });
});

test.describe("search without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the GET form searches and the results are server-rendered", async ({ page }) => {
    await page.goto("/search");
    await page.getByRole("combobox", { name: "Search the collection" }).fill("cashmer");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/\/search\?q=cashmer$/);
    await expect(page.getByRole("status").filter({ hasText: "for “cashmer”" })).toContainText(/\d+ pieces/);
    await expect(page.locator(".product-card mark").first()).toHaveText(/cashmere/i);
    await expect(page.getByRole("listbox", { name: "Suggestions" })).toBeHidden();

    await page.goto("/search?q=qwzxv");
    await expect(page.getByRole("heading", { name: "No pieces match “qwzxv”" })).toBeVisible();
    await page.goto("/search?q=%20");
    await expect(page.getByRole("alert")).toHaveText("Please type what you are looking for.");
  });
});
