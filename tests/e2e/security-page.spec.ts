import { readFileSync } from 'node:fs';
import { expect, openSecurityPage, test } from './fixtures.ts';

// Section markers are not shown when the whole file is included.
const script = readFileSync('.github/actions/verify-provenance/verify_provenance.sh', 'utf8')
  .trimEnd()
  .split('\n')
  .filter((line) => !/--8<-- \[(start|end):/.test(line));

test.describe('Security page', () => {
  test('title and description come from the front matter', async ({ page, pageErrors }) => {
    await openSecurityPage(page);
    await expect(page).toHaveTitle(/^Security - /);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute(
      'content',
      'Security practices and processes for Powertools for AWS Lambda (Python)',
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Security');
    expect(pageErrors).toEqual([]);
  });

  test('headings appear in the seed order, included ones in place', async ({ page, pageErrors }) => {
    await openSecurityPage(page);
    const headings = await page.locator('article :is(h2, h3, h4)').allTextContents();
    const order = ['Overview', 'Reporting a vulnerability', 'Supply chain', 'Verifying signed builds', 'Terminology', 'HOWTO'];
    const positions = order.map((h) => headings.indexOf(h));
    expect(positions.every((p) => p >= 0), `missing one of ${order.join(', ')} in ${headings.join(' | ')}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(pageErrors).toEqual([]);
  });

  test('overview: badge linking to the OpenSSF project, purpose, title-only info admonition', async ({ page, pageErrors }) => {
    await openSecurityPage(page);
    const badge = page.getByRole('img', { name: 'Open Source Security Foundation Best Practices' });
    await expect(badge).toHaveAttribute('src', 'https://bestpractices.coreinfrastructure.org/projects/7535/badge');
    await expect(page.locator('a', { has: badge })).toHaveAttribute('href', 'https://bestpractices.coreinfrastructure.org/projects/7535');
    await expect(page.getByText('This page describes our security processes and supply chain practices.')).toBeVisible();
    const info = page.locator('article > .admonition-info').first();
    await expect(info).toHaveAttribute('role', 'note');
    await expect(info.locator('.admonition-title')).toHaveText(
      'We continuously check and evolve our practices, therefore it is possible some diagrams may be eventually consistent.',
    );
    await expect(info.locator(':scope > :not(.admonition-title)')).toHaveCount(0);
    expect(pageErrors).toEqual([]);
  });

  test('SECURITY.md is part of the page and of the table of contents', async ({ page, pageErrors }) => {
    await openSecurityPage(page);
    const included = page.getByRole('heading', { level: 2, name: 'Reporting a vulnerability' });
    await expect(included).toHaveAttribute('id', 'reporting-a-vulnerability');
    await expect(page.getByText('Do not open a public GitHub issue')).toBeVisible();
    const tocLink = page.locator('nav.toc a[href="#reporting-a-vulnerability"]');
    await expect(tocLink).toHaveText('Reporting a vulnerability');
    await tocLink.click();
    await expect(page).toHaveURL(/#reporting-a-vulnerability$/);
    await expect(included.locator('a.heading-anchor')).toHaveAttribute('href', '#reporting-a-vulnerability');
    expect(pageErrors).toEqual([]);
  });

  test('verifying signed builds: note with its link, the diagram centred with an italic caption', async ({ page, pageErrors }) => {
    await openSecurityPage(page);
    const note = page.locator('.admonition-note', { hasText: 'Starting from v2.20.0 releases' });
    await expect(note.locator('.admonition-title')).toHaveText('Starting from v2.20.0 releases, builds are reproducible and signed publicly.');
    const link = note.getByRole('link', { name: 'reproducible' });
    await expect(link).toHaveAttribute('href', 'https://slsa.dev/spec/v0.1/faq#q-what-about-reproducible-builds');

    const diagram = page.getByRole('img', { name: /SLSA supply chain threats/ });
    await diagram.scrollIntoViewIfNeeded();
    await expect.poll(() => diagram.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await expect(diagram).toHaveAttribute('src', /^\/images\//);
    const figure = page.locator('figure.figure');
    const [imgBox, figBox] = await Promise.all([diagram.boundingBox(), figure.boundingBox()]);
    expect(imgBox && figBox).toBeTruthy();
    if (imgBox && figBox) {
      expect(Math.abs(imgBox.x + imgBox.width / 2 - (figBox.x + figBox.width / 2))).toBeLessThan(2);
    }
    const caption = figure.locator('figcaption em');
    await expect(caption).toHaveText('Supply Chain Threats visualized by SLSA');
    expect(await caption.evaluate((el) => getComputedStyle(el).fontStyle)).toBe('italic');
    await expect(figure.locator('figcaption')).toContainText('Community Specification License 1.0');
    expect(pageErrors).toEqual([]);
  });

  test('terminology and HOWTO links; marked links open a new tab with nofollow and noopener', async ({ page, pageErrors }) => {
    await openSecurityPage(page);
    const expectations: Array<[string, string, boolean]> = [
      ['reproducible', 'https://slsa.dev/spec/v0.1/faq#q-what-about-reproducible-builds', true],
      ['SLSA', 'https://slsa.dev/spec/v1.0/about', true],
      ['supply chain security practices', 'https://slsa.dev/spec/v1.0/threats-overview', false],
      ['releases page', 'https://github.com/aws-powertools/powertools-lambda-python/releases', false],
      ['SLSA Verifier', 'https://github.com/slsa-framework/slsa-verifier', false],
    ];
    for (const [name, href, newTab] of expectations) {
      const link = page.locator('article').getByRole('link', { name, exact: true }).first();
      await expect(link).toHaveAttribute('href', href);
      if (newTab) {
        await expect(link).toHaveAttribute('target', '_blank');
        const rel = (await link.getAttribute('rel'))?.split(/\s+/) ?? [];
        expect(rel).toEqual(expect.arrayContaining(['nofollow', 'noopener']));
      } else {
        await expect(link).not.toHaveAttribute('target', /.*/);
      }
    }
    // It sits in the Automated tab, hidden until chosen: attributes are checked without clicking.
    const scriptLink = page.locator('summary a', { hasText: 'click here' });
    await expect(scriptLink).toHaveAttribute('target', '_blank');
    expect((await scriptLink.getAttribute('rel'))?.split(/\s+/)).toContain('noopener');
    expect(pageErrors).toEqual([]);
  });

  test('tabs: Manually is shown first; clicking Automated swaps the panels', async ({ page, pageErrors }) => {
    await openSecurityPage(page);
    const manual = page.locator('.tabbed-block[data-tab-label="Manually"]');
    const automated = page.locator('.tabbed-block[data-tab-label="Automated"]');
    await expect(manual).toBeVisible();
    await expect(automated).toBeHidden();
    await expect(manual.locator('ul')).toHaveCount(2);
    await expect(manual.locator('.admonition-note .admonition-title')).toHaveText('Next steps assume macOS as the operating system, and release v2.20.0');
    await expect(manual.locator('pre code')).toContainText('./slsa-verifier-darwin-arm64 verify-artifact');

    await page.getByRole('tab', { name: 'Automated' }).click();
    await expect(automated).toBeVisible();
    await expect(manual).toBeHidden();
    await expect(automated.locator('figure.code-frame').first().locator('.code-title')).toHaveText(
      'Verifying a release with verify_provenance.sh script',
    );
    await expect(automated.locator('.admonition-question .admonition-title')).toHaveText('Wait, what does this script do?');
    await expect(automated.locator('ol > li')).toHaveCount(6);

    await page.getByRole('tab', { name: 'Manually' }).click();
    await expect(manual).toBeVisible();
    await expect(automated).toBeHidden();
    expect(pageErrors).toEqual([]);
  });

  test('the collapsible block is closed, opens on click, and shows the real script highlighted', async ({ page, pageErrors }) => {
    await openSecurityPage(page);
    await page.getByRole('tab', { name: 'Automated' }).click();
    const details = page.locator('details.admonition-info');
    await expect(details).not.toHaveAttribute('open', /.*/);
    const summary = details.locator('summary');
    await expect(summary).toContainText('to see the script source code');
    await expect(summary.getByRole('link', { name: 'click here' })).toHaveAttribute('href', /verify_provenance\.sh$/);
    const code = details.locator('figure.code-frame pre code');
    await expect(code).toBeHidden();

    await summary.click({ position: { x: 8, y: 8 } });
    await expect(details).toHaveAttribute('open', '');
    await expect(code).toBeVisible();
    await expect(details.locator('.code-title')).toHaveText('.github/actions/verify-provenance/verify_provenance.sh');
    const lines = await code.locator('.line').allTextContents();
    expect(lines[0]).toBe(script[0]);
    expect(lines.at(-1)).toBe(script.at(-1));
    expect(lines).toHaveLength(script.length);
    // Highlighted: the shebang comment is a coloured token, not plain text.
    const color = await code.locator('.line').first().locator('span').first().evaluate((el) => getComputedStyle(el).color);
    const plain = await code.evaluate((el) => getComputedStyle(el).color);
    expect(color).not.toBe(plain);
    await expect(details.locator('.code-source')).toContainText('.github/actions/verify-provenance/verify_provenance.sh');
    expect(pageErrors).toEqual([]);
  });

  test('copy buttons appear with JavaScript', async ({ page, pageErrors }) => {
    await openSecurityPage(page);
    await expect(page.locator('button[data-copy]').first()).toBeVisible();
    expect(pageErrors).toEqual([]);
  });
});

test.describe('Security page on a phone and in dark mode', () => {
  test('no horizontal scrolling at 360 px', async ({ page, pageErrors }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await openSecurityPage(page);
    await page.getByRole('tab', { name: 'Automated' }).click();
    await page.locator('details.admonition-info summary').click({ position: { x: 8, y: 8 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(pageErrors).toEqual([]);
  });

  test('dark mode follows the system setting', async ({ page, pageErrors }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openSecurityPage(page);
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(150);
    const codeColor = await page.locator('pre.astro-code').first().evaluate((el) => getComputedStyle(el).color);
    const [cr = 0, cg = 0, cb = 0] = (codeColor.match(/\d+/g) ?? []).map(Number);
    expect(cr + cg + cb).toBeGreaterThan(450);
    expect(pageErrors).toEqual([]);
  });
});
