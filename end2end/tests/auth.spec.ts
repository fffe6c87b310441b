import { expect, test } from "@playwright/test";
import { hydrated, PASSWORD, register, signIn, uniqueEmail } from "./support";

test("a new shopper registers, signs out and signs in again", async ({ page }) => {
  const email = uniqueEmail("ada");
  await page.goto("/register");
  await hydrated(page);

  await expect(page.getByText("Step 1 of 2")).toBeVisible();
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByText("Step 2 of 2")).toBeVisible();
  const password = page.getByLabel("Password");
  await expect(password).toBeFocused();
  await password.fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Welcome, Ada Lovelace" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=\/account$/);

  await hydrated(page);
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Welcome, Ada Lovelace" })).toBeVisible();
});

test("registration checks each step before moving on", async ({ page }) => {
  await page.goto("/register");
  await hydrated(page);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByText("Tell us your name.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await expect(page.getByText("Step 1 of 2")).toBeVisible();

  await page.getByLabel("Name").fill("Ada");
  await page.getByLabel("Email").fill(uniqueEmail("short"));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
});

test("a wrong password is explained next to the password field", async ({ page }) => {
  await page.goto("/login");
  await hydrated(page);
  await signIn(page, uniqueEmail("nobody"), "not the right password");

  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/login/);
});

test("signing in works with the keyboard alone", async ({ page, request }) => {
  const email = uniqueEmail("keys");
  const registered = await register(request, "Kei", email);
  expect(registered.ok()).toBeTruthy();

  await page.goto("/login");
  await hydrated(page);
  const emailField = page.getByLabel("Email");
  for (let presses = 0; presses < 30; presses++) {
    if (await emailField.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press("Tab");
  }
  await expect(emailField).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Welcome, Kei" })).toBeVisible();
});
