import { expect, Page, test } from "@playwright/test";
import { hydrated, PASSWORD, register, signIn, uniqueEmail } from "./support";

async function registerAndSignIn(page: Page, name: string): Promise<void> {
  const email = uniqueEmail("settings");
  const registered = await register(page.request, name, email);
  expect(registered.ok()).toBeTruthy();
  // Sign in through the page, as a shopper would.
  await page.context().clearCookies();
  await page.goto("/login?next=/account/settings");
  await hydrated(page);
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL((url) => url.pathname === "/account/settings");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
}

test("a shopper edits their settings and adds a default address", async ({ page }) => {
  await registerAndSignIn(page, "Ada Lovelace");
  await hydrated(page);

  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.getByText("No connected accounts.")).toBeVisible();
  const name = page.getByLabel("Name", { exact: true });
  await expect(name).toHaveValue("Ada Lovelace");
  await name.fill("Ada King");
  const profile = page.getByRole("region", { name: "Profile" });
  await profile.getByLabel("Language").selectOption({ label: "Français" });
  await page.getByLabel("Time zone").fill("Europe/Paris");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  await page.reload();
  await hydrated(page);
  // The account's language is now the storefront's, so the pages are in French.
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { name: "Paramètres", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Nom complet", { exact: true })).toHaveValue("Ada King");
  const profil = page.getByRole("region", { name: "Profil" });
  await expect(profil.getByLabel("Langue")).toHaveValue("fr");
  await expect(page.getByLabel("Fuseau horaire")).toHaveValue("Europe/Paris");

  await page.goto("/account/addresses");
  await hydrated(page);
  await expect(page.getByText("Vous n’avez encore aucune adresse enregistrée.")).toBeVisible();
  await page.getByLabel("Prénom", { exact: true }).fill("Ada");
  await page.getByLabel("Nom", { exact: true }).fill("King");
  await page.getByLabel("Adresse", { exact: true }).fill("12 Rue de Rivoli");
  await page.getByLabel("Code postal", { exact: true }).fill("75001");
  await page.getByLabel("Ville", { exact: true }).fill("Paris");
  await page.getByLabel("Pays", { exact: true }).selectOption({ label: "France" });
  await page.getByRole("button", { name: "Enregistrer l’adresse" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Enregistré" })).toBeVisible();
  const saved = page.getByRole("list", { name: "Adresses enregistrées" }).getByRole("listitem");
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText("12 Rue de Rivoli");
  await expect(saved).toContainText("Adresse de livraison par défaut");
  // The form is empty again, ready for another address.
  await expect(page.getByLabel("Adresse", { exact: true })).toHaveValue("");
});

test("bad input is explained next to each field", async ({ page }) => {
  await registerAndSignIn(page, "Kei");
  await hydrated(page);

  await page.getByLabel("Phone (optional)").fill("call me");
  await page.getByLabel("Time zone").fill("Mars/Olympus_Mons");
  await page.getByRole("button", { name: "Save profile" }).click();
  const phone = page.getByLabel("Phone (optional)");
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Use digits and spaces only, with an optional + at the start.")).toBeVisible();
  await expect(page.getByLabel("Time zone")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Use a time zone name like Europe/Paris or UTC.")).toBeVisible();

  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password").fill("linen mornings in amalfi");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  await page.goto("/account/addresses");
  await hydrated(page);
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByText("Enter a first name.")).toBeVisible();
  await expect(page.getByLabel("First name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Country")).toHaveAttribute("aria-invalid", "true");
});

test("addresses are edited, made default and deleted from the keyboard", async ({ page }) => {
  await registerAndSignIn(page, "Marco");
  for (const city of ["Naples", "Milan"]) {
    const added = await page.request.post("/api/account/save_address", {
      form: {
        kind: "shipping",
        first_name: "Marco",
        last_name: "Rossi",
        address_line1: `1 Via ${city}`,
        city,
        postal_code: "80100",
        country_code: "IT",
      },
      headers: { accept: "application/json" },
    });
    expect(await added.json()).toBe("Saved");
  }
  await page.goto("/account/addresses");
  await hydrated(page);
  const cards = page.getByRole("list", { name: "Saved addresses" }).getByRole("listitem");
  await expect(cards).toHaveCount(2);
  const milan = cards.filter({ hasText: "1 Via Milan" });

  // Make the second address the default, with the keyboard.
  await milan.getByRole("button", { name: /Make default/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Default address updated." })).toBeVisible();
  await expect(cards.filter({ hasText: "1 Via Milan" })).toContainText("Default shipping address");
  await expect(cards.filter({ hasText: "1 Via Naples" })).not.toContainText("Default shipping address");

  // Edit it.
  await cards.filter({ hasText: "1 Via Milan" }).getByRole("link", { name: /Edit/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Edit address" })).toBeFocused();
  await expect(page.getByLabel("Town or city")).toHaveValue("Milan");
  await page.getByLabel("Street address").fill("2 Corso Como");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByRole("heading", { name: "Add an address" })).toBeVisible();
  await expect(cards.filter({ hasText: "2 Corso Como" })).toContainText("Default shipping address");

  // Delete it: the other address becomes the default.
  await cards.filter({ hasText: "2 Corso Como" }).getByRole("button", { name: /Delete/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Address deleted." })).toBeVisible();
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText("Default shipping address");
});

test("signed-out visitors are sent to sign in first", async ({ page }) => {
  await page.goto("/account/addresses");
  await expect(page).toHaveURL(/\/login\?next=\/account\/addresses$/);
  await page.goto("/account/settings");
  await expect(page).toHaveURL(/\/login\?next=\/account\/settings$/);
});
