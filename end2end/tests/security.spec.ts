import { expect, Page, test } from "@playwright/test";
import { hydrated, signIn } from "./support";

// The Content-Security-Policy the server sends must let the hydrated app work: no page
// may log a violation, and each must hydrate (the WASM bundle ran under the policy).
const SWEATER = "/products/charcoal-cashmere-crew-neck-sweater";
const ADA = { email: "ada@luxeverse.test", password: "Silk-and-Cashmere-2026" };

test.describe.configure({ timeout: 90_000 });

/** Collects every CSP violation the page reports, from the console and the DOM event. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(text)) {
      violations.push(text);
    }
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI}`,
      );
    });
  });
  return violations;
}

test("the storefront, bag, checkout and account run under the CSP without a violation", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  for (const path of ["/", "/products", SWEATER, "/cart", "/checkout"]) {
    const response = await page.goto(path);
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(policy, path).toContain("'nonce-");
    expect(policy, path).not.toContain("unsafe-inline");
    await hydrated(page);
  }
  // Signing in is a state-changing request from the store's own page: it goes through.
  await page.goto("/login?next=/account");
  await hydrated(page);
  await signIn(page, ADA.email, ADA.password);
  await expect(page).toHaveURL(/\/account$/);
  await hydrated(page);
  await page.goto("/account/settings");
  await hydrated(page);
  expect(violations).toEqual([]);
});
