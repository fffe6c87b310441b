import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { buySweater, hydrated, register, SWEATER, uniqueEmail } from "./support";

// A shopper who bought a piece reviews it with a photo and sees the review wait for the
// moderators; a reader votes a published review helpful. Against a debug build: room.
test.describe.configure({ timeout: 150_000 });

/** A real one-pixel PNG. */
const PIXEL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

async function noAxeViolations(page: Page): Promise<void> {
  const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a buyer writes a review with a photo and sees it awaiting moderation", async ({ page }) => {
  const response = await register(page.request, "Grace Hopper", uniqueEmail("review"));
  expect(response.ok()).toBeTruthy();
  await buySweater(page);

  await page.goto(`/products/${SWEATER}`);
  await hydrated(page);
  await page.getByRole("link", { name: "Write a review" }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${SWEATER}/review$`));
  await expect(page.getByRole("heading", { level: 1, name: /^Review / })).toBeVisible();
  await hydrated(page);

  // Sent empty: each field says what it needs, and nothing is lost.
  await page.getByLabel("Title (optional)").fill("Quiet luxury");
  await page.getByRole("button", { name: "Send review" }).click();
  await expect(page.getByText("Choose a rating from one to five stars.")).toBeVisible();
  await expect(page.getByText("Tell other clients about the piece in a few words.")).toBeVisible();
  await expect(page.getByLabel("Title (optional)")).toHaveValue("Quiet luxury");
  await expect(page.getByRole("textbox", { name: "Your review" })).toHaveAttribute("aria-invalid", "true");

  await page.getByRole("group", { name: "Your rating" }).getByRole("radio", { name: "5 stars" }).check();
  await page.getByRole("textbox", { name: "Your review" }).fill("Soft, warm and beautifully finished.\nIt runs true to size.");
  await page.getByLabel("How does it fit?").selectOption({ label: "True to size" });
  await page.getByLabel("Photos (optional)").setInputFiles({ name: "sweater.png", mimeType: "image/png", buffer: PIXEL });
  await page.getByRole("button", { name: "Send review" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Your review is awaiting moderation" })).toBeVisible();
  const saved = page.getByRole("region", { name: "Your review" });
  await expect(saved.getByText("Awaiting moderation", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Edit your review" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Keep photo 1" })).toBeChecked();
  await noAxeViolations(page);

  // Still there after a reload, rendered by the server.
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Your review" }).getByText("Awaiting moderation", { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Your review" })).toHaveValue(/beautifully finished/);
});

test("a signed-in reader votes a review helpful from the keyboard, and can change the vote", async ({ page }) => {
  const response = await register(page.request, "Alan Turing", uniqueEmail("votes"));
  expect(response.ok()).toBeTruthy();
  await page.goto(`/products/${SWEATER}`);
  await hydrated(page);
  const orders = page.getByRole("navigation", { name: "Sort reviews" });
  await orders.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(/review_sort=newest/);
  await expect(orders.getByRole("link", { name: "Newest" })).toHaveAttribute("aria-current", "true");
  // The orders load the page anew, rendered by the server in that order.
  await hydrated(page);
  const review = page.locator(".review").first();
  const yes = review.getByRole("button", { name: /^Yes \(\d+\)$/ });
  const before = Number((await yes.textContent())?.match(/\d+/)?.[0] ?? "0");
  await yes.focus();
  await page.keyboard.press("Enter");
  await expect(yes).toHaveAttribute("aria-pressed", "true");
  await expect(yes).toHaveText(`Yes (${before + 1})`);
  await expect(review.getByRole("status").filter({ hasText: "Thank you for your vote." })).toBeVisible();
  const no = review.getByRole("button", { name: /^No \(\d+\)$/ });
  await no.click();
  await expect(no).toHaveAttribute("aria-pressed", "true");
  await expect(yes).toHaveText(`Yes (${before})`);

  // Filtering by a rating keeps the order and lists only that rating.
  const rows = page.getByRole("list", { name: "Ratings" }).getByRole("link");
  const names = await rows.allTextContents();
  const row = names.findIndex((name) => !/: 0 reviews$/.test(name));
  const stars = Number(names[row].match(/^(\d)/)?.[1]);
  await rows.nth(row).click();
  await expect(page).toHaveURL(new RegExp(`review_sort=newest&review_rating=${stars}`));
  await expect(rows.nth(row)).toHaveAttribute("aria-current", "true");
  const ratings = page.locator(".review .review__rating");
  await expect(ratings.first()).toHaveAttribute("aria-label", `${stars} out of 5`);
  for (const label of await ratings.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("aria-label")))) {
    expect(label).toBe(`${stars} out of 5`);
  }
  // The filter loaded the page anew: scan it once the browser has taken it over (while it
  // hydrates, the title is being handed from the server's render to the app).
  await hydrated(page);
  await noAxeViolations(page);
});
