import { expect, test, type Page } from "@playwright/test";
import { hydrated } from "./support";

// Runs against a server whose database holds the demo catalog (`server seed`).

async function cardPrices(page: Page): Promise<number[]> {
  return page
    .locator(".product-card .price-tag__now")
    .evaluateAll((nodes) => nodes.map((node) => Number((node as HTMLElement).dataset.price)));
}

function expectAscending(prices: number[]) {
  expect(prices.length).toBeGreaterThan(1);
  for (let i = 1; i < prices.length; i++) {
    expect(prices[i], `price ${i} of ${prices.join(", ")}`).toBeGreaterThanOrEqual(prices[i - 1]);
  }
}

test.describe("product listings", () => {
  test("a shopper filters Women by size and price, sorts, loads more and reloads", async ({ page }) => {
    await page.goto("/");
    await hydrated(page);

    await page.locator('header a[href="/categories/women"]').first().click();
    await expect(page).toHaveURL(/\/categories\/women$/);
    await expect(page.getByRole("heading", { level: 1, name: "Women" })).toBeVisible();
    await expect(page).toHaveTitle("Women · LuxeVerse");
    const status = page.getByRole("status").filter({ hasText: "pieces" });
    await expect(status).toContainText(/Showing \d+ of \d+ pieces/);
    await expect(page.locator(".product-card").first()).toBeVisible();

    // Size M: the form applies itself on change.
    await page.getByRole("group", { name: "Size" }).locator('input[value="M"]').check();
    await expect(page).toHaveURL(/[?&]size=M(&|$)/);
    await expect(page.getByRole("group", { name: "Size" }).locator('input[value="M"]')).toBeChecked();

    // A maximum price.
    const maxPrice = page.getByLabel("Maximum price");
    await maxPrice.fill("1500");
    await maxPrice.press("Enter");
    await expect(page).toHaveURL(/[?&]max_price=1500(&|$)/);
    await expect(page).toHaveURL(/[?&]size=M(&|$)/);

    // Price, low to high.
    await page.getByLabel("Sort by").selectOption("price_asc");
    await expect(page).toHaveURL(/[?&]sort=price_asc(&|$)/);
    await expect(page.getByLabel("Sort by")).toHaveValue("price_asc");
    await expect(page.locator(".product-card")).toHaveCount(24);
    const firstPage = await cardPrices(page);
    expectAscending(firstPage);
    expect(Math.max(...firstPage)).toBeLessThanOrEqual(1500);
    await expect(status).toContainText("Showing 24 of");

    // Load more appends the next page in place.
    const more = page.getByRole("link", { name: "Load more" });
    await expect(more).toHaveAttribute("href", /cursor=/);
    await more.click();
    await expect.poll(async () => page.locator(".product-card").count()).toBeGreaterThan(24);
    const all = await cardPrices(page);
    expectAscending(all);
    expect(Math.max(...all)).toBeLessThanOrEqual(1500);
    const slugs = await page
      .locator(".product-card")
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.productSlug));
    expect(new Set(slugs).size).toBe(slugs.length);

    // The filters survive a reload.
    await page.reload();
    await expect(page).toHaveURL(/[?&]size=M(&|$)/);
    await expect(page).toHaveURL(/[?&]max_price=1500(&|$)/);
    await expect(page).toHaveURL(/[?&]sort=price_asc(&|$)/);
    await expect(page.getByRole("group", { name: "Size" }).locator('input[value="M"]')).toBeChecked();
    await expect(page.getByLabel("Maximum price")).toHaveValue("1500");
    await expect(page.getByLabel("Sort by")).toHaveValue("price_asc");
    expectAscending(await cardPrices(page));
    await expect(page.locator(".product-card")).toHaveCount(24);

    // Back and forward keep the filters too.
    await page.goBack();
    await page.goForward();
    await expect(page).toHaveURL(/[?&]size=M(&|$)/);
    await expect(page.getByLabel("Sort by")).toHaveValue("price_asc");
    await expect(page.locator(".product-card")).toHaveCount(24);

    // Open the cheapest piece and choose a size: the price and stock follow the choice.
    const firstCard = page.locator(".product-card").first();
    const name = (await firstCard.locator(".product-card__name").textContent())?.trim() ?? "";
    // A click that lands while the router is still settling after back and forward can
    // be lost; click again until the product page is the one shown.
    await expect(async () => {
      if (!/\/products\/[a-z0-9-]+$/.test(page.url())) {
        await firstCard.getByRole("link").click({ timeout: 2_000 });
      }
      await expect(page).toHaveURL(/\/products\/[a-z0-9-]+$/, { timeout: 3_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await hydrated(page);
    const sizes = page.getByRole("group", { name: "Size" });
    await sizes.getByRole("radio", { name: "M", exact: true }).check();
    await expect(page.getByRole("status").filter({ hasText: "M," })).toContainText(/\$[\d,]+\.\d{2}/);
    const price = page.getByTestId("price");
    const stock = page.getByTestId("stock");
    const mPrice = await price.textContent();
    await expect(stock).toHaveText(/^(In stock|Only \d+ left)$/);
    const xl = sizes.getByRole("radio", { name: "XL", exact: true });
    if (await xl.isEnabled()) {
      // The largest size costs 8% more in the demo catalogue.
      await xl.check();
      await expect(price).not.toHaveText(mPrice ?? "");
      await expect(page.getByRole("status").filter({ hasText: "XL," })).toBeAttached();
    }
  });

  test("works without JavaScript: server-rendered filters and links", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();

    await page.goto("/categories/women");
    await expect(page.getByRole("heading", { level: 1, name: "Women" })).toBeVisible();
    await expect(page.locator(".product-card").first()).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "pieces" })).toContainText(/Showing \d+ of \d+ pieces/);

    // The filter form is a plain GET form.
    await page.getByRole("group", { name: "Size" }).locator('input[value="M"]').check();
    await page.getByLabel("Maximum price").fill("1500");
    await page.getByLabel("Sort by").selectOption("price_asc");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/\/categories\/women\?.*size=M/);
    await expect(page).toHaveURL(/max_price=1500/);
    await expect(page).toHaveURL(/sort=price_asc/);
    await expect(page.locator(".product-card")).toHaveCount(24);
    const firstPage = await cardPrices(page);
    expectAscending(firstPage);

    // "Load more" is a shareable link to the next page.
    await page.getByRole("link", { name: "Load more" }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(page).toHaveURL(/sort=price_asc/);
    const next = await cardPrices(page);
    expect(next.length).toBeGreaterThan(0);
    expectAscending([...firstPage, ...next]);
    await expect(page.getByRole("link", { name: "Back to the first pieces" })).toBeVisible();

    // Product cards link to product pages.
    await expect(page.locator(".product-card a").first()).toHaveAttribute("href", /^\/products\/[a-z0-9-]+$/);

    // A filter with no matches shows the empty state and a way out.
    await page.goto("/categories/women?min_price=999999");
    await expect(page.getByRole("heading", { name: "No pieces match these filters" })).toBeVisible();
    await page.getByRole("link", { name: "Clear all filters" }).click();
    await expect(page).toHaveURL(/\/categories\/women$/);
    await expect(page.locator(".product-card").first()).toBeVisible();

    await context.close();
  });
});
