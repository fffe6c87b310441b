import { expect, Page, test } from "@playwright/test";
import { hydrated, signIn } from "./support";

// Seeded demo catalog (server/src/seed/): a knitwear piece with sizes, and the
// accessories department for a second piece. Demo shopper and coupon from the seed.
const SWEATER = "charcoal-cashmere-crew-neck-sweater";
const ADA = { email: "ada@luxeverse.test", password: "Silk-and-Cashmere-2026" };
const COUPON = "WELCOME10";

// Whole shopper journeys against a debug build: give them room on a busy machine.
test.describe.configure({ timeout: 90_000 });

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Picks the first size that can be bought, when the piece has sizes. */
async function pickSize(page: Page): Promise<void> {
  const sizes = page.getByRole("group", { name: "Size" });
  if ((await sizes.count()) === 0) return;
  const radios = sizes.getByRole("radio");
  const count = await radios.count();
  for (let i = 0; i < count; i++) {
    if (await radios.nth(i).isEnabled()) {
      await radios.nth(i).check();
      return;
    }
  }
  throw new Error("no size in stock");
}

/** Adds the piece open on the page to the bag; returns its name. */
async function addToBag(page: Page): Promise<string> {
  await hydrated(page);
  const name = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
  await pickSize(page);
  await page.getByRole("button", { name: "Add to bag" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is in your bag" })).toContainText(name);
  return name;
}

async function bagCount(page: Page, count: number): Promise<void> {
  await expect(page.getByRole("link", { name: new RegExp(`^(Bag|Shopping bag).*\\b${count}\\b`) })).toBeVisible();
}

/** Fills the guest delivery address and goes on to the delivery method. */
async function guestAddress(page: Page): Promise<void> {
  await page.getByLabel("First name").fill("Grace");
  await page.getByLabel("Last name").fill("Hopper");
  await page.getByLabel("Street address").fill("1 Harbour Street");
  await page.getByLabel("Postcode").fill("10001");
  await page.getByLabel("Town or city").fill("New York");
  await page.getByLabel("Country").selectOption("US");
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a guest fills a bag, signs in, uses a code and pays with the test card", async ({ page }) => {
  // Two pieces as a guest.
  await page.goto(`/products/${SWEATER}`);
  const first = await addToBag(page);
  await page.goto("/categories/accessories");
  await page.locator(".product-card").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/products\//);
  const second = await addToBag(page);
  await bagCount(page, 2);

  // The drawer opens from the header as a dialog and closes with Escape.
  await page.getByRole("link", { name: /^Shopping bag/ }).click();
  const drawer = page.getByRole("dialog", { name: "Your bag" });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("link", { name: first })).toBeVisible();
  await expect(drawer.getByRole("link", { name: second })).toBeVisible();
  await expect(drawer.getByRole("button", { name: "Close the bag" })).toBeFocused();
  // Steppers change the line at once and the server confirms.
  const line = drawer.getByRole("group", { name: new RegExp(`^Quantity of ${escapeRe(first)}`) });
  await line.getByRole("button", { name: /^One more/ }).click();
  await expect(line).toContainText("2");
  await expect(page.getByRole("status").filter({ hasText: "Your bag was updated." })).toBeVisible();
  await expect(drawer.getByTestId("drawer-subtotal")).toContainText("$");
  await line.getByRole("button", { name: /^One fewer/ }).click();
  await expect(line).toContainText("1");
  await bagCount(page, 2);
  // Tab stays inside the dialog: from the last control back to the first.
  await drawer.getByRole("link", { name: "View bag" }).focus();
  await page.keyboard.press("Tab");
  await expect(drawer.getByRole("button", { name: "Close the bag" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();

  // Checkout offers sign-in; signing in brings the guest bag along and says so.
  await page.goto("/checkout");
  await hydrated(page);
  await page.getByRole("link", { name: "Sign in for a faster checkout" }).click();
  await expect(page).toHaveURL(/\/login/);
  await hydrated(page);
  await signIn(page, ADA.email, ADA.password);
  await expect(page).toHaveURL(/\/checkout$/);
  await hydrated(page);
  const merged = page.getByRole("status").filter({
    has: page.getByRole("heading", { name: "We added the bag you filled before signing in" }),
  });
  await expect(merged.first()).toBeVisible();
  await expect(merged.first()).toContainText("added to your bag");
  await expect(page.getByText(`${first}`, { exact: false }).first()).toBeVisible();

  // Contact: the account's email is filled in.
  await expect(page.getByLabel("Email")).toHaveValue(ADA.email);
  await page.getByRole("button", { name: "Continue" }).click();

  // Delivery address: a new one (Ada may have none saved).
  const newAddress = page.getByRole("radio", { name: "A new address" });
  if ((await newAddress.count()) > 0) await newAddress.check();
  // A missing field is refused next to it.
  await page.getByLabel("First name").fill("Ada");
  await page.getByLabel("Country").selectOption("US");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByLabel("Street address")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Last name").fill("Lovelace");
  await page.getByLabel("Street address").fill("12 St James's Square");
  await page.getByLabel("Postcode").fill("10001");
  await page.getByLabel("Town or city").fill("New York");
  await page.getByRole("button", { name: "Continue" }).click();

  // Delivery method.
  await expect(page.getByRole("heading", { name: /Step 3 of 5/ })).toBeFocused();
  await page.getByRole("radio", { name: /^Express/ }).check();
  await page.getByRole("button", { name: "Continue" }).click();

  // Review: a wrong code gets its exact reason, the real one applies.
  await page.getByLabel("Promo code").fill("NOSUCHCODE");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "We do not recognise the code NOSUCHCODE" })).toBeVisible();
  await page.getByLabel("Promo code").fill(COUPON);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${COUPON} applied` })).toBeVisible();
  await expect(page.getByText(`Discount (${COUPON})`)).toBeVisible();
  const total = ((await page.getByTestId("review-total").textContent()) ?? "").trim();
  expect(total).toMatch(/^\$[\d,]+\.\d{2}$/);
  await page.getByRole("button", { name: "Continue" }).click();

  // Payment with Stripe's accepted test card.
  await page.getByRole("radio", { name: /Visa that is accepted/ }).check();
  await page.getByRole("button", { name: `Place order and pay ${total}` }).click();

  await expect(page).toHaveURL(/\/checkout\/confirmation\/LV-\d{4}-[A-Z0-9]{6}$/);
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
  await expect(page.getByTestId("order-total")).toHaveText(total);
  await expect(page.getByText("Payment received.")).toBeVisible();
  await expect(page.getByText(first).first()).toBeVisible();
  await bagCount(page, 0);
});

// The demo catalogue has exactly one of this piece (see server/src/seed/plan.rs).
const LAST_VASE = "bordeaux-stoneware-vase";

test("a declined card is explained, releases the stock, and another card can pay", async ({ page, browser }) => {
  await page.goto(`/products/${LAST_VASE}`);
  await hydrated(page);
  await pickSize(page);
  await expect(page.getByTestId("stock")).toHaveText("Only 1 left");
  await addToBag(page);
  await page.goto("/checkout");
  await hydrated(page);
  await page.getByLabel("Email").fill(`guest-${Date.now()}@example.test`);
  await page.getByRole("button", { name: "Continue" }).click();
  await guestAddress(page);
  // Wait for each step to open before moving on (a click on the way could hit the last one).
  await expect(page.getByRole("heading", { name: /Step 3 of 5/ })).toBeFocused();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByLabel("Promo code")).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();

  await page.getByRole("radio", { name: /Card that is declined/ }).check();
  await page.getByRole("button", { name: /Place order and pay/ }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Your card was declined" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("Nothing was charged");
  await expect(page).toHaveURL(/\/checkout$/);

  // The declined order gave its reserved unit back: another shopper can take the last one
  // (the bag checks live stock, and would refuse a unit still held by the order).
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(`/products/${LAST_VASE}`);
  await addToBag(otherPage);
  await other.close();

  // The same order can still be paid with another card.
  await page.getByRole("radio", { name: /Visa that is accepted/ }).check();
  await page.getByRole("button", { name: /Place order and pay/ }).click();
  await expect(page).toHaveURL(/\/checkout\/confirmation\//);
  await expect(page.getByText("Payment received.")).toBeVisible();
});
