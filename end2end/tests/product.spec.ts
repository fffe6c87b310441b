import { expect, test } from "@playwright/test";
import { hydrated } from "./support";

// A seeded apparel piece (demo catalog, see server/src/seed/plan.rs): knitwear with sizes.
const SLUG = process.env.PRODUCT_SLUG ?? "charcoal-cashmere-crew-neck-sweater";

test("a shopper picks a size and hears the price and stock", async ({ page }) => {
  const response = await page.goto(`/products/${SLUG}`);
  expect(response?.status()).toBe(200);
  await hydrated(page);

  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText("Sweater");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Show image 1 of/ })).toBeVisible();

  // Schema.org JSON-LD is in the page.
  const ld = page.locator('script[type="application/ld+json"]');
  await expect(ld).toHaveCount(1);
  const data = JSON.parse((await ld.textContent()) ?? "{}");
  expect(data["@type"]).toBe("Product");
  expect(data.offers.priceCurrency).toBeTruthy();
  expect(data.offers.price).toMatch(/^\d+\.\d{2}$/);

  // Pick the first size that can be bought.
  const sizes = page.getByRole("group", { name: "Size" });
  await expect(sizes).toBeVisible();
  const radios = sizes.getByRole("radio");
  const count = await radios.count();
  expect(count).toBeGreaterThan(1);
  let picked = "";
  for (let i = 0; i < count; i++) {
    const radio = radios.nth(i);
    if (await radio.isEnabled()) {
      picked = (await radio.getAttribute("value")) ?? "";
      await radio.check();
      break;
    }
  }
  expect(picked).not.toBe("");
  await expect(sizes.getByRole("radio", { name: picked, exact: true })).toBeChecked();

  // The live region announces the choice with its price and stock.
  const status = page.getByRole("status").filter({ hasText: picked });
  await expect(status).toContainText(/\$[\d,]+\.\d{2}/);
  await expect(status).toContainText(/In stock|Only \d+ left/);
  await expect(page.getByText(/^(In stock|Only \d+ left)$/)).toBeVisible();

  // The largest size costs more: the price follows the size, and so does the stock.
  const price = page.getByTestId("price");
  const before = await price.textContent();
  const xl = sizes.getByRole("radio", { name: "XL", exact: true });
  await expect(xl).toBeEnabled();
  await xl.check();
  await expect(price).not.toHaveText(before ?? "");
  const [was, now] = [before, await price.textContent()].map((text) => Number((text ?? "").replace(/[^\d.]/g, "")));
  expect(now).toBeGreaterThan(was);
  await expect(page.getByRole("status").filter({ hasText: "XL" })).toContainText(/In stock|Only \d+ left/);
});

test("the storefront speaks French and Italian, chosen with the switcher", async ({ page }) => {
  await page.goto(`/products/${SLUG}`);
  await hydrated(page);
  await page.getByLabel("Language").selectOption("fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { name: "Avis" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Taille" })).toBeVisible();
  await expect(page.getByTestId("price")).toContainText("$US");

  // The choice sticks across pages.
  await page.goto("/categories/women");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByLabel("Trier par")).toBeVisible();
  await hydrated(page);
  await page.getByLabel("Langue").selectOption("it");
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await expect(page.getByLabel("Ordina per")).toBeVisible();
  await hydrated(page);
  await page.getByLabel("Lingua").selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("without JavaScript the language switcher is a form", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/products");
  await page.getByLabel("Language").selectOption("it");
  await page.getByRole("button", { name: "Language" }).click();
  // Back to the page it came from (the server fn's redirect may add an empty query).
  await expect(page).toHaveURL(/\/products\??$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await expect(page.getByRole("heading", { level: 1, name: "Tutti i pezzi" })).toBeVisible();
  await context.close();
});

test("an unknown product answers 404 with the not-found page", async ({ page }) => {
  const response = await page.goto("/products/no-such-piece-anywhere");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page has slipped away" })).toBeVisible();
});

test("a piece with a 360° sequence can be rotated", async ({ page }) => {
  await page.goto("/products/blush-leather-tote-bag");
  await hydrated(page);
  const stage = page.locator(".gallery__image");
  const first = await stage.getAttribute("src");
  await page.getByRole("button", { name: "360° view" }).click();
  const rotate = page.getByRole("slider", { name: "Rotate" });
  await expect(rotate).toBeVisible();
  await rotate.fill("3");
  await expect(stage).toHaveAttribute("src", /-360-04\.svg$/);
  expect(first).not.toMatch(/-360-/);
  // Thumbnails are buttons with accessible names.
  await page.getByRole("button", { name: /Show image 2 of/ }).click();
  await expect(rotate).toBeHidden();
});
