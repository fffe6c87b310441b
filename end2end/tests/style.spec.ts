import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { hydrated, register, uniqueEmail } from "./support";

// A new shopper takes the style quiz from the keyboard alone and watches "For you" turn
// from the editors' picks into pieces chosen for them. Against a debug build: give it room.
test.describe.configure({ timeout: 120_000 });

async function noAxeViolations(page: Page): Promise<void> {
  const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Focuses `control` and presses `key`, as a keyboard user would. */
async function press(page: Page, control: Locator, key: string): Promise<void> {
  await control.focus();
  await expect(control).toBeFocused();
  await page.keyboard.press(key);
}

/** The names of the pieces in the "For you" row, in order. */
async function rowPieces(row: Locator): Promise<string[]> {
  return (await row.locator(".similar-card__name").allTextContents()).map((name) => name.trim());
}

test("a new shopper takes the quiz by keyboard and For you follows their likes", async ({ page }) => {
  const response = await register(page.request, "Ada Lovelace", uniqueEmail("style"));
  expect(response.ok()).toBeTruthy();
  await page.goto("/account/style");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: "Your style" })).toBeVisible();

  const forYou = page.getByRole("region", { name: "For you" });
  await expect(forYou.getByText("Our editors’ picks and most loved pieces")).toBeVisible();
  const before = await rowPieces(forYou);
  expect(before.length).toBe(12);
  await noAxeViolations(page);

  // The questions: a persona, a colour to avoid, a usual size and the fit, by keyboard.
  await press(page, page.getByRole("group", { name: "Which of these feel like you?" }).getByRole("checkbox", { name: "Classic" }), "Space");
  await press(page, page.getByRole("group", { name: "Colours you avoid" }).getByRole("checkbox", { name: "Black" }), "Space");
  const clothing = page.getByLabel("Clothing");
  await clothing.focus();
  await clothing.selectOption("M");
  await press(page, page.getByRole("radio", { name: "Relaxed" }), "Space");

  // The deck: like three pieces, pass on one.
  const deck = page.getByRole("region", { name: "Like or pass" });
  const liked: string[] = [];
  for (const position of [3, 7, 12]) {
    const piece = deck.getByRole("group", { name: new RegExp(`^Piece ${position} of \\d+`) });
    liked.push(((await piece.locator(".deck__name").textContent()) ?? "").split(" · ")[0].trim());
    await press(page, piece.getByRole("radio", { name: "Like" }), "Space");
    await expect(piece.getByRole("radio", { name: "Like" })).toBeChecked();
  }
  const passed = deck.getByRole("group", { name: /^Piece 1 of \d+/ });
  await press(page, passed.getByRole("radio", { name: "Pass" }), "Space");

  await press(page, page.getByRole("button", { name: "Save my style" }), "Enter");
  await expect(page.getByRole("status").filter({ hasText: "Your style is saved." })).toBeVisible();

  // The row is read again: it now says which liked piece it follows, and it changed.
  const because = forYou.locator(".for-you__because");
  await expect(because).toHaveText(/^Because you liked the /);
  const reason = (await because.textContent()) ?? "";
  expect(liked.some((name) => reason.endsWith(name))).toBeTruthy();
  const after = await rowPieces(forYou);
  expect(after.length).toBeGreaterThan(0);
  expect(after).not.toEqual(before);
  await noAxeViolations(page);

  // The answers are kept: the quiz opens with them.
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole("group", { name: "Which of these feel like you?" }).getByRole("checkbox", { name: "Classic" })).toBeChecked();
  await expect(page.getByLabel("Clothing")).toHaveValue("M");
  await expect(page.getByRole("link", { name: "Refine your style" })).toBeVisible();
});
