import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { buySweater, hydrated, register, uniqueEmail } from "./support";

// A new shopper pays for a piece, finds the order in their account, follows its timeline
// and cancels it; the refund shows on the page. Against a debug build: give it room.
test.describe.configure({ timeout: 120_000 });

async function noAxeViolations(page: Page): Promise<void> {
  const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a shopper opens a paid order, follows its timeline, cancels it and sees the refund", async ({ page }) => {
  const response = await register(page.request, "Ada Lovelace", uniqueEmail("orders"));
  expect(response.ok()).toBeTruthy();
  const number = await buySweater(page);

  await page.goto("/account/orders");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Orders" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await noAxeViolations(page);
  await page.getByRole("link", { name: `View order ${number}` }).click();

  await expect(page).toHaveURL(new RegExp(`/account/orders/${number}$`));
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: `Order ${number}` })).toBeVisible();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByRole("listitem").filter({ hasText: "Order placed" })).toBeVisible();
  await expect(timeline.getByRole("listitem").filter({ hasText: "Order confirmed" })).toBeVisible();
  await expect(timeline.getByRole("listitem").filter({ hasText: /Payment of \$[\d,.]+ received/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print receipt" })).toBeVisible();
  await noAxeViolations(page);

  // Cancel, from the keyboard: the disclosure asks first.
  await page.getByText("Cancel order", { exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Cancel this order?")).toBeVisible();
  await page.getByRole("button", { name: "Yes, cancel the order" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Your order is cancelled\. \$[\d,.]+ is on its way back/ })).toBeVisible();
  await expect(timeline.getByRole("listitem").filter({ hasText: /refunded to your card/ })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Cancelled" })).toBeVisible();
  await expect(page.getByText("Cancel order", { exact: true })).toHaveCount(0);

  // The list says so too, under its filter.
  await page.goto("/account/orders?status=cancelled");
  await expect(page.getByRole("heading", { level: 2, name: number })).toBeVisible();

  // The account's home page leads with it, beside the tiles for every section.
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Ada Lovelace" })).toBeVisible();
  const recent = page.getByRole("region", { name: "Recent orders" });
  await expect(recent.getByRole("heading", { level: 2, name: number })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Loyalty points" })).toBeVisible();
  await expect(page.getByText("Pearl", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Read your notifications" })).toBeVisible();
  await noAxeViolations(page);
});
