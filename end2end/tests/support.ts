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
