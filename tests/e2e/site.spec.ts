import { expect, test } from './fixtures.ts';

test('the home page links to the Security page through the sidebar', async ({ page, pageErrors }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Documentation' });
  await nav.getByRole('link', { name: 'Security' }).click();
  await expect(page).toHaveURL(/\/security\/$/);
  await expect(nav.getByRole('link', { name: 'Security' })).toHaveAttribute('aria-current', 'page');
  expect(pageErrors).toEqual([]);
});

test('the skip link moves focus to the content', async ({ page, pageErrors }) => {
  await page.goto('/security/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#content$/);
  expect(pageErrors).toEqual([]);
});
