import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { hydrated, register, SWEATER, uniqueEmail } from "./support";

// A new shopper tells the product page their usual size, gets a size suggestion with its
// confidence and reason, then says the size they bought was too small and gets the next
// size up. Both forms post without JavaScript and come back to the page. Against a debug
// build: room.
test.describe.configure({ timeout: 90_000 });

async function noAxeViolations(page: Page): Promise<void> {
  const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a signed-out shopper is asked to sign in for a size", async ({ page }) => {
  await page.goto(`/products/${SWEATER}`);
  const advisor = page.getByRole("region", { name: "Your size" });
  await expect(advisor.getByText("Sign in and we will suggest your size in this piece.")).toBeVisible();
  await expect(advisor.getByRole("link", { name: "Sign in" })).toHaveAttribute(
    "href",
    `/login?next=/products/${SWEATER}`,
  );
});

test("a shopper gets a size suggestion with its reason, and it learns from a size too small", async ({ page }) => {
  const response = await register(page.request, "Ada Lovelace", uniqueEmail("size"));
  expect(response.ok()).toBeTruthy();
  await page.goto(`/products/${SWEATER}`);
  await hydrated(page);
  const advisor = page.getByRole("region", { name: "Your size" });
  await expect(advisor.getByText("We do not know your size yet.", { exact: false })).toBeVisible();

  await advisor.getByLabel(/^Your usual size at /).selectOption("M");
  await advisor.getByRole("button", { name: "Suggest my size" }).click();
  await expect(advisor.getByText("We suggest M", { exact: true })).toBeVisible();
  await expect(advisor.getByText(/^High confidence: \d+%$/)).toBeVisible();
  await expect(advisor.getByText(/^Because you wear M at .+\.$/)).toBeVisible();
  await hydrated(page);
  await noAxeViolations(page);

  // Bought in M, too small: the feedback form, by keyboard.
  const feedback = advisor.getByText("Bought it? Tell us how it fits");
  await feedback.focus();
  await page.keyboard.press("Enter");
  await advisor.getByLabel("Size you bought").selectOption("M");
  await advisor.getByLabel("How it fits").selectOption({ label: "Too small" });
  await advisor.getByRole("button", { name: "Send" }).press("Enter");
  await expect(advisor.getByText("We suggest L", { exact: true })).toBeVisible();
  await expect(advisor.getByText("The M you had was too small.")).toBeVisible();
  await hydrated(page);
  await noAxeViolations(page);
});
