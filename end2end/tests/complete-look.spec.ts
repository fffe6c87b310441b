import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { hydrated, register, SWEATER, uniqueEmail } from "./support";

// A shopper completes the look on a product page: each piece says why it is there, the
// sized ones ask for a size by a labelled list, "Add the look to bag" puts every piece in
// the bag at once and says so, and the shopper's "I like this look" stays with the look.
// A visitor sees the look and is asked to sign in to save it. Against a debug build: room.
test.describe.configure({ timeout: 90_000 });

async function noAxeViolations(page: Page): Promise<void> {
  const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a visitor sees the look and is asked to sign in to save it", async ({ page }) => {
  await page.goto(`/products/${SWEATER}`);
  const look = page.getByRole("region", { name: "Complete the look" });
  await expect(look.getByRole("listitem").first()).toBeVisible();
  await expect(look.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", `/login?next=/products/${SWEATER}`);
});

test("a shopper adds a complete look to the bag", async ({ page }) => {
  const response = await register(page.request, "Ada Lovelace", uniqueEmail("look"));
  expect(response.ok()).toBeTruthy();
  await page.goto(`/products/${SWEATER}`);
  await hydrated(page);
  const look = page.getByRole("region", { name: "Complete the look" });
  const pieces = look.getByRole("listitem");
  const count = await pieces.count();
  expect(count).toBeGreaterThanOrEqual(2);
  // Every piece says why it is in the look.
  for (let i = 0; i < count; i++) {
    await expect(pieces.nth(i).locator(".look-piece__reason")).not.toBeEmpty();
  }
  const names = await look.locator(".look-piece .similar-card__name").allTextContents();
  // A piece sold in sizes asks for one: choose the first size offered, by keyboard.
  const sizes = look.getByRole("combobox", { name: /^Size of the / });
  for (let i = 0; i < (await sizes.count()); i++) {
    const size = sizes.nth(i);
    await size.focus();
    await size.selectOption({ index: 1 });
  }
  await noAxeViolations(page);

  await look.getByRole("button", { name: "Add the look to bag" }).press("Enter");
  const report = look.getByRole("status").filter({ hasText: "Added to your bag:" });
  await expect(report).toBeVisible();
  await expect(look.getByRole("link", { name: "View your bag" })).toBeVisible();
  await noAxeViolations(page);

  await page.goto("/cart");
  await hydrated(page);
  for (const name of names) {
    await expect(page.getByRole("link", { name }).first()).toBeVisible();
  }
});

test("a shopper's word on the look stays with it", async ({ page }) => {
  const response = await register(page.request, "Ada Lovelace", uniqueEmail("look-like"));
  expect(response.ok()).toBeTruthy();
  await page.goto(`/products/${SWEATER}`);
  await hydrated(page);
  const look = page.getByRole("region", { name: "Complete the look" });
  await look.getByRole("button", { name: "I like this look" }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${SWEATER}`));
  const again = page.getByRole("region", { name: "Complete the look" });
  await expect(again.getByText("You like this look.")).toBeVisible();
  await expect(again.getByRole("button", { name: "I like this look" })).toHaveAttribute("aria-pressed", "true");
});
