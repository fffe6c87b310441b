import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { hydrated } from "./support";

// Every storefront page at a phone's width (390 px) and a laptop's (1280 px): nothing runs
// off the side, the header keeps every action in reach, no accessibility rule is broken,
// and a screenshot of each is kept in test-results/ for a designer's review.
const PAGES = [
  { name: "home", path: "/" },
  { name: "listing", path: "/products" },
  { name: "category", path: "/categories/women" },
  { name: "product", path: "/products/ivory-silk-slip-dress" },
  { name: "search", path: "/search?q=cashmere" },
  { name: "bag", path: "/cart" },
  { name: "sign-in", path: "/login" },
  { name: "register", path: "/register" },
];
const WIDTHS = [
  { label: "phone", width: 390, height: 844 },
  { label: "laptop", width: 1280, height: 800 },
];

test.describe.configure({ timeout: 60_000 });

/** Elements wider than the viewport or starting past its right edge. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll("body *"))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // Inside a deliberately scrolling strip (a carousel), going past the edge is the design.
      const scroller = element.parentElement?.closest("[data-scroll-strip]");
      if (scroller) continue;
      if (box.right > width + 1 && getComputedStyle(element).position !== "fixed") {
        found.push(`${element.tagName.toLowerCase()}.${element.className} right=${Math.round(box.right)}`);
      }
    }
    return found.slice(0, 10);
  });
}

for (const { label, width, height } of WIDTHS) {
  test.describe(`at ${width} px (${label})`, () => {
    test.use({ viewport: { width, height } });

    for (const { name, path } of PAGES) {
      test(`${name} fits, keeps the header in reach and passes axe`, async ({ page }, info) => {
        await page.goto(path);
        await hydrated(page);

        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        expect(await overflowing(page)).toEqual([]);

        const header = page.getByRole("banner");
        for (const control of [
          header.getByRole("link", { name: "Search" }),
          header.getByRole("link", { name: "Account" }),
          header.getByRole("combobox", { name: "Language" }),
        ]) {
          await expect(control).toBeInViewport();
        }
        // Every department link is on screen, none hidden behind a scroll.
        const departments = page.getByRole("navigation", { name: "Departments" }).getByRole("link");
        for (const link of await departments.all()) {
          await expect(link).toBeInViewport({ ratio: 1 });
        }

        const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

        await page.screenshot({ path: info.outputPath(`${name}-${width}.png`) });
      });
    }
  });
}

test("the breadcrumb reads as links separated by slashes, without list numbers", async ({ page }) => {
  await page.goto("/products/ivory-silk-slip-dress");
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("listitem");
  await expect(crumbs.first()).toHaveCSS("list-style-type", "none");
  await expect(crumbs.first().getByRole("link", { name: "Home" })).toBeVisible();
});

test("the category hero's picture carries no words over the heading", async ({ page, request }) => {
  await page.goto("/categories/women");
  const hero = page.locator(".listing__hero-image");
  const src = await hero.getAttribute("src");
  expect(src).toBeTruthy();
  const svg = await (await request.get(src!)).text();
  expect(svg).not.toContain("<text");
  await expect(page.getByRole("heading", { level: 1, name: "Women" })).toBeVisible();
});
