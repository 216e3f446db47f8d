import type { Locator } from 'playwright-core';

/**
 * Resolves once the element and everything in it have finished their CSS animations and
 * transitions (antd's dialogs zoom in from the button that opened them). Playwright's "stable"
 * check compares the box over two animation frames, which a loaded machine can deliver far
 * apart: a click aimed at a zooming dialog's button can then land on the dialog's wrapper after
 * the button moved, and a confirm dialog ignores clicks outside its buttons. Waiting for the
 * animations (not for a time) makes the click land where the button rests.
 */
export async function settled(locator: Locator): Promise<void> {
  await locator.waitFor();
  await locator.evaluate((el) => {
    const running = el.getAnimations({ subtree: true }).concat(el.closest('.ant-modal-wrap, .ant-modal-root')?.getAnimations({ subtree: true }) ?? []);
    const finite = running.filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    return Promise.all(finite.map((a) => a.finished.catch(() => undefined))).then(() => undefined);
  });
}
