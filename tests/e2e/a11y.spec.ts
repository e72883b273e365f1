import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';

const pages = ['/', '/security/', '/verify-in-ci/', '/404.html'];

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [1280, 360]) {
    test(`axe finds no violations: ${scheme}, ${width} px`, async ({ page, pageErrors }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of pages) {
        await page.goto(path);
        // Open what a reader can open, so hidden content is checked too.
        const automated = page.getByRole('tab', { name: 'Automated' }).first();
        if (await automated.count()) await automated.click();
        for (const details of await page.locator('details.admonition').all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
        const results = await new AxeBuilder({ page }).analyze();
        // One known deviation, kept on purpose: the seed's collapsible title holds a link
        // ("Expand or click here…"), which axe reports as an interactive element inside <summary>.
        // Only that exact case is let through; any other nested control still fails.
        const violations = results.violations
          .map((v) => (v.id === 'nested-interactive' ? { ...v, nodes: v.nodes.filter((n) => !/^details(\[open[^\]]*\])? > summary$/.test(n.target.join(' '))) } : v))
          .filter((v) => v.nodes.length > 0);
        const summary = violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        expect(summary).toEqual([]);
      }
      expect(pageErrors).toEqual([]);
    });
  }
}
