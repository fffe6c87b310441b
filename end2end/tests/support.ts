// What the specs share: waiting for hydration, unique shoppers, registering and signing in.
// (Not a spec itself: Playwright only runs files named *.spec.ts.)
import { expect, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";

/** The password the specs give the shoppers they register. */
export const PASSWORD = "velvet evenings in florence";

/** Waits until the WASM bundle has hydrated the page (`<html data-hydrated="true">`). */
export async function hydrated(page: Page): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
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
