import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { hydrated } from "./support";

// Runs against a server whose database holds the demo catalog (`server seed`): a shopper
// searches in a sentence, sees the filters read from it as chips, and removes one.
test.describe.configure({ timeout: 120_000 });

async function noAxeViolations(page: Page): Promise<void> {
  const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("searches in a sentence and sees chips for the parsed filters", async ({ page }) => {
  await page.goto("/search");
  await hydrated(page);

  const box = page.getByRole("combobox", { name: "Search the collection" });
  await box.fill("a dress in black under $1000");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=a(\+|%20)dress/);

  const chips = page.getByRole("list", { name: "Filters from your search" });
  await expect(chips).toBeVisible();
  const colour = chips.getByRole("link", { name: "Remove filter: Black" });
  const price = chips.getByRole("link", { name: "Remove filter: Under $1,000.00" });
  await expect(colour).toBeVisible();
  await expect(price).toBeVisible();
  await expect(page.locator(".product-card").first()).toContainText("Ebony Velvet Slip Dress");
  await noAxeViolations(page);

  // Removing the colour searches again without its words; the price chip stays.
  await colour.click();
  await expect(page).toHaveURL(/\/search\?q=a%20dress%20under%20%241000$/);
  await expect(chips.getByRole("link", { name: "Remove filter: Black" })).toHaveCount(0);
  await expect(chips.getByRole("link", { name: "Remove filter: Under $1,000.00" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Search the collection" })).toHaveValue("a dress under $1000");

  // A sentence without product words finds pieces by meaning.
  await page.goto("/search?q=a%20gift%20for%20a%20man%20who%20loves%20watches");
  await hydrated(page);
  await expect(page.locator(".product-card").first()).toContainText(/Watch|Chronograph/);
});
