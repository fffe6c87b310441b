// What the specs share: waiting for hydration, unique shoppers, registering and signing in.
// (Not a spec itself: Playwright only runs files named *.spec.ts.)
import { expect, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";

/** The password the specs give the shoppers they register. */
export const PASSWORD = "velvet evenings in florence";

/**
 * Waits until the WASM bundle has hydrated the page (`<html data-hydrated="true">`). When it
 * does not, the failure says why: the page's errors and console errors since it loaded, and
 * how long the bundle took to arrive.
 */
export async function hydrated(page: Page): Promise<void> {
  try {
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  } catch (error) {
    const errors = (await page.pageErrors({ filter: "since-navigation" })).map((e) => `pageerror: ${e.message}`);
    const logged = (await page.consoleMessages({ filter: "since-navigation" }))
      .filter((message) => message.type() === "error" || message.type() === "warning")
      .map((message) => `console.${message.type()}: ${message.text()}`);
    const bundle = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((entry) => /\.(wasm|js)$/.test(entry.name))
        .map((entry) => {
          const timing = entry as PerformanceResourceTiming;
          return `${timing.name}: started ${Math.round(timing.startTime)} ms, took ${Math.round(timing.duration)} ms, ${timing.encodedBodySize} bytes`;
        }),
    );
    const report = [...errors, ...logged, ...bundle].join("\n") || "no errors, no bundle requests";
    throw new Error(`the page did not hydrate at ${page.url()}:\n${report}\n${String(error)}`);
  }
}

/** An email address no other test or run has registered. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}+${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** Registers a shopper through the server function, as the registration form would. */
export async function register(
  request: APIRequestContext,
  name: string,
  email: string,
  password: string = PASSWORD,
): Promise<APIResponse> {
  return request.post("/api/auth/register", {
    form: { name, email, password },
    headers: { accept: "application/json" },
  });
}

/** Fills in the sign-in form open on the page and submits it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A piece the demo catalogue always has in stock, in several sizes. */
export const SWEATER = "charcoal-cashmere-crew-neck-sweater";

/** Buys the sweater with the accepted test card; returns the order number. */
export async function buySweater(page: Page): Promise<string> {
  await page.goto(`/products/${SWEATER}`);
  await hydrated(page);
  const sizes = page.getByRole("group", { name: "Size" }).getByRole("radio");
  for (let i = 0; i < (await sizes.count()); i++) {
    if (await sizes.nth(i).isEnabled()) {
      await sizes.nth(i).check();
      break;
    }
  }
  await page.getByRole("button", { name: "Add to bag" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is in your bag" })).toBeVisible();
  await page.goto("/checkout");
  await hydrated(page);
  await page.getByRole("button", { name: "Continue" }).click();
  const newAddress = page.getByRole("radio", { name: "A new address" });
  if ((await newAddress.count()) > 0) await newAddress.check();
  await page.getByLabel("First name").fill("Ada");
  await page.getByLabel("Last name").fill("Lovelace");
  await page.getByLabel("Street address").fill("12 St James's Square");
  await page.getByLabel("Postcode").fill("10001");
  await page.getByLabel("Town or city").fill("New York");
  await page.getByLabel("Country").selectOption("US");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: /Step 3 of 5/ })).toBeFocused();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByLabel("Promo code")).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("radio", { name: /Visa that is accepted/ }).check();
  await page.getByRole("button", { name: /Place order and pay/ }).click();
  await expect(page).toHaveURL(/\/checkout\/confirmation\/LV-/);
  await expect(page.getByText("Payment received.")).toBeVisible();
  return page.url().split("/").pop() ?? "";
}

