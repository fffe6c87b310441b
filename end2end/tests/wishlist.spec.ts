import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, request as playwrightRequest, test } from "@playwright/test";
import { hydrated, register, uniqueEmail } from "./support";

// A shopper hearts pieces from the keyboard, files one in a named list, shares the list
// and opens its link in a fresh browser; and hears in the bell when a saved size is
// back in stock. Against a debug build: give it room.
test.describe.configure({ timeout: 120_000 });

const ADMIN = { email: "admin@luxeverse.test", password: "Atelier-Admin-2026" };

async function noAxeViolations(page: Page): Promise<void> {
  const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Presses the heart named `name` from the keyboard and waits for it to be pressed. */
async function heartFromKeyboard(page: Page, name: RegExp | string): Promise<void> {
  const heart = page.getByRole("button", { name }).first();
  await heart.focus();
  await page.keyboard.press("Enter");
  await expect(heart).toHaveAttribute("aria-pressed", "true");
}

test("a shopper hearts two pieces, files one in a shared list, and the link opens anywhere", async ({ page, browser }) => {
  const response = await register(page.request, "Ada Lovelace", uniqueEmail("wishlist"));
  expect(response.ok()).toBeTruthy();
  await page.goto("/products");
  await hydrated(page);
  const cards = page.locator(".product-card");
  const names = [
    (await cards.nth(0).getByRole("heading").textContent())?.trim() ?? "",
    (await cards.nth(1).getByRole("heading").textContent())?.trim() ?? "",
  ];
  for (const name of names) {
    await heartFromKeyboard(page, `Save ${name} to your wishlist`);
    await expect(page.getByRole("status").filter({ hasText: `${name} is in your wishlist.` })).toBeAttached();
  }

  await page.goto("/account/wishlist");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: "Wishlist" })).toBeVisible();
  const main = page.getByRole("region", { name: "My Wishlist" });
  await expect(main.getByRole("link", { name: names[0], exact: true })).toBeVisible();
  await expect(main.getByRole("link", { name: names[1], exact: true })).toBeVisible();
  await noAxeViolations(page);

  // A named list, and the first piece moved into it.
  await page.getByLabel("List name").fill("Evenings");
  await page.getByRole("button", { name: "Create list" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your list is ready." })).toBeVisible();
  const evenings = page.getByRole("region", { name: "Evenings" });
  await expect(evenings).toBeVisible();
  const firstPiece = main.getByRole("listitem").filter({ has: page.getByRole("link", { name: names[0], exact: true }) });
  await firstPiece.getByLabel("Move to").selectOption({ label: "Evenings" });
  await firstPiece.getByRole("button", { name: "Move to" }).click();
  await expect(evenings.getByRole("link", { name: names[0], exact: true })).toBeVisible();

  // Shared: the link opens in a browser that has never signed in.
  await evenings.getByRole("button", { name: "Share this list" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The list is shared." })).toBeVisible();
  const link = await evenings.getByLabel("Share link").inputValue();
  expect(link).toMatch(/\/wishlist\/[A-Za-z0-9_-]{43}$/);
  await noAxeViolations(page);

  const stranger = await browser.newContext();
  const visitor = await stranger.newPage();
  await visitor.goto(new URL(link).pathname);
  await hydrated(visitor);
  await expect(visitor.getByRole("heading", { level: 1, name: "Ada’s wishlist" })).toBeVisible();
  await expect(visitor.getByRole("link", { name: names[0], exact: true })).toBeVisible();
  await expect(visitor.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
  await noAxeViolations(visitor);
  await stranger.close();
});

test("a restock of a saved size rings the bell, and the bell works from the keyboard", async ({ page, baseURL }) => {
  const response = await register(page.request, "Grace Hopper", uniqueEmail("restock"));
  expect(response.ok()).toBeTruthy();
  // A piece of its own, away from the pieces other journeys buy.
  await page.goto("/products");
  await hydrated(page);
  const card = page.locator(".product-card").nth(5);
  const name = ((await card.getByRole("heading").textContent()) ?? "").trim();
  await card.getByRole("link").first().click();
  // The product page, not the listing it replaces, holds the heart pressed below.
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await hydrated(page);
  await heartFromKeyboard(page, `Save ${name} to your wishlist`);
  // The server has it before the page is left.
  await expect(page.getByRole("status").filter({ hasText: `${name} is in your wishlist.` })).toBeAttached();

  // Watch its first size.
  await page.goto("/account/wishlist");
  await hydrated(page);
  const piece = page.getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) });
  const size = piece.getByLabel("Size to watch");
  const variant = await size.locator("option").nth(1).getAttribute("value");
  expect(variant).toBeTruthy();
  await size.selectOption(variant ?? "");
  await expect(piece.getByLabel("Tell me when it is back in stock")).toBeChecked();
  await piece.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // The atelier sells out of that size, then receives more.
  const admin = await playwrightRequest.newContext({ baseURL });
  const signedIn = await admin.post("/api/auth/sign_in", {
    form: ADMIN,
    headers: { accept: "application/json" },
  });
  expect(signedIn.ok()).toBeTruthy();
  const adjust = async (change: number, reason: string): Promise<number> => {
    const done = await admin.post("/api/admin/adjust_stock", {
      form: { variant_id: variant ?? "", change: String(change), reason },
      headers: { accept: "application/json" },
    });
    expect(done.ok(), await done.text()).toBeTruthy();
    return Number(await done.text());
  };
  const onHand = (await adjust(1, "correction")) as number;
  await adjust(-onHand, "shrinkage");
  await adjust(2, "received");
  await admin.dispose();

  // The bell says so after the next navigation, and opens from the keyboard.
  await page.goto("/account");
  await hydrated(page);
  const bell = page.getByRole("button", { name: "Notifications, 1 unread" });
  await expect(bell).toBeVisible();
  await bell.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("region", { name: "Notifications" });
  await expect(panel.getByRole("link", { name: new RegExp(`${name} is back`) })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();

  await page.goto("/account/notifications");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 2, name: `${name} is back` })).toBeVisible();
  await noAxeViolations(page);
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("status").filter({ hasText: "All your notifications are read." })).toBeVisible();
});
