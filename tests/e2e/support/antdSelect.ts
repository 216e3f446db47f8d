import type { Locator } from 'playwright-core';

/** Picks an option of an antd Select by typing its label into the search and confirming. */
export async function chooseOption(select: Locator, label: string): Promise<void> {
  const page = select.page();
  await select.click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  await dropdown.waitFor();
  await dropdown.locator('.ant-select-item-option').filter({ hasText: label }).first().click();
}
