import { expect, Page, test } from "@playwright/test";
import { hydrated, SWEATER } from "./support";

// The bundle is split (scripts/build-site, `cargo leptos build --split`): the main module
// holds the shell and the home page, and each other page's code is in chunks the router
// fetches when it first enters that page (app/src/lazy.rs).

test.describe.configure({ timeout: 90_000 });

/** The WASM files the page has fetched so far, by file name. */
async function wasmFetched(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith(".wasm"))
      .map((path) => path.split("/").pop() ?? path),
  );
}

function hasSplit(files: string[], route: string): boolean {
  return files.some((file) => file.startsWith(`split___${route}_route_view_`));
}

test("pages load their own chunks on demand and stay interactive", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // Chromium keeps 250 resource timings by default; this journey fetches more (chunks,
  // pictures, server functions), and later entries would be dropped.
  await page.addInitScript(() => performance.setResourceTimingBufferSize(5000));

  // The home page needs the main module only; once it is interactive the browser fetches
  // the storefront's pages in idle time, but nothing of sign-in, account or checkout.
  await page.goto("/");
  await hydrated(page);
  let fetched = await wasmFetched(page);
  expect(fetched.some((file) => file.startsWith("luxeverse"))).toBeTruthy();
  for (const route of ["sign_in", "account", "cart", "checkout"]) {
    expect(hasSplit(fetched, route)).toBeFalsy();
  }

  // Into the listing by a client-side navigation: its chunk is there by then.
  await page.getByRole("navigation", { name: "Departments" }).getByRole("link", { name: "Women" }).click();
  await expect(page).toHaveURL(/\/categories\/women/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Women");
  fetched = await wasmFetched(page);
  expect(hasSplit(fetched, "category")).toBeTruthy();
  expect(hasSplit(fetched, "checkout")).toBeFalsy();
  expect(hasSplit(fetched, "account")).toBeFalsy();

  // A product, then into the bag: still nothing of checkout or account.
  await page.locator(".product-card").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/products\//);
  // The page renders in the browser once its chunk and data are in.
  await expect(page.getByRole("button", { name: "Add to bag" })).toBeVisible();
  const sizes = page.getByRole("group", { name: "Size" });
  if ((await sizes.count()) > 0) {
    const radios = sizes.getByRole("radio");
    for (let i = 0; i < (await radios.count()); i++) {
      if (await radios.nth(i).isEnabled()) {
        await radios.nth(i).check();
        break;
      }
    }
  }
  await page.getByRole("button", { name: "Add to bag" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is in your bag" })).toBeVisible();
  expect(hasSplit(await wasmFetched(page), "product")).toBeTruthy();

  // Checkout from the drawer: the page renders from its chunk and its form responds.
  await page.getByRole("link", { name: /^Shopping bag/ }).click();
  const drawer = page.getByRole("dialog", { name: "Your bag" });
  await drawer.getByRole("link", { name: "Checkout" }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole("heading", { name: "Checkout", level: 1 })).toBeVisible();
  expect(hasSplit(await wasmFetched(page), "checkout")).toBeTruthy();
  await hydrated(page);
  await page.getByLabel("Email").fill(`lazy-${Date.now()}@example.test`);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByLabel("First name")).toBeVisible();

  // The account link leads to sign-in (a guest), whose chunk loads as the page opens.
  await page.getByRole("banner").getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  expect(hasSplit(await wasmFetched(page), "sign_in")).toBeTruthy();

  // Back to the product: the router reuses the loaded chunk and the page responds.
  await page.goBack();
  await expect(page).toHaveURL(/\/checkout$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/products\//);
  await expect(page.getByRole("button", { name: "Add to bag" })).toBeEnabled();
  expect(errors).toEqual([]);
});

test("landing on a lazy page preloads its chunks after the page has loaded, and hydrates", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/products");
  // The server names the page's chunks; the boot script preloads them with the main module.
  const named = await page.locator('meta[name="lv-chunk"]').evaluateAll((metas) =>
    metas.map((meta) => (meta as HTMLMetaElement).content),
  );
  expect(named.some((href) => /split___products_route_view_/.test(href))).toBeTruthy();
  await hydrated(page);
  const preloads = await page.locator("link[rel=preload]").evaluateAll((links) =>
    links.map((link) => (link as HTMLLinkElement).href),
  );
  expect(preloads.some((href) => /split___products_route_view_/.test(href))).toBeTruthy();
  // No WebAssembly was requested before the page's own content had loaded.
  const order = await page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const wasm = performance
      .getEntriesByType("resource")
      .filter((entry) => entry.name.includes(".wasm"))
      .map((entry) => entry.startTime);
    return { load: navigation.loadEventStart, firstWasm: Math.min(...wasm), count: wasm.length };
  });
  expect(order.count).toBeGreaterThan(1);
  expect(order.firstWasm).toBeGreaterThanOrEqual(order.load);
  await page.getByLabel("Sort by").selectOption("price_asc");
  await expect(page).toHaveURL(/sort=price_asc/);
  expect(errors).toEqual([]);
});

test("a size picked the moment the page says it is hydrated is heard", async ({ page }) => {
  // `<html data-hydrated>` must wait for the lazy page, not only the shell: a size picked
  // on the server-rendered page before its chunks hydrated came back unpicked.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.documentElement.hasAttribute("data-hydrated")) return;
      observer.disconnect();
      const size = Array.from(document.querySelectorAll<HTMLInputElement>("fieldset input[type=radio]")).find(
        (radio) => radio.closest("fieldset")?.querySelector("legend")?.textContent?.trim() === "Size" && !radio.disabled,
      );
      size?.click();
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-hydrated"] });
  });
  await page.goto(`/products/${SWEATER}`);
  await hydrated(page);
  await expect(page.getByRole("group", { name: "Size" }).getByRole("radio", { checked: true })).toHaveCount(1);
  await page.getByRole("button", { name: "Add to bag" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is in your bag" })).toBeVisible();
});
