import { useCallback, useState } from 'react';

/**
 * The sessionStorage key that says the supervisor chose 稍后填写 in the first-start prompt.
 * Per session on purpose: the next start asks again, as long as nobody has said who judges.
 */
export const SUPERVISOR_SKIPPED_KEY = 'kaoping.supervisorPromptSkipped';

function readSkipped(): boolean {
  try {
    return sessionStorage.getItem(SUPERVISOR_SKIPPED_KEY) === '1';
  } catch {
    return false;
  }
}

/** Whether the first-start prompt was skipped in this session, and how to skip it. */
export function useSupervisorSkip(): [boolean, () => void] {
  const [skipped, setSkipped] = useState(readSkipped);
  const skip = useCallback(() => {
    try {
      sessionStorage.setItem(SUPERVISOR_SKIPPED_KEY, '1');
    } catch {
      // Storage refused (private mode): the prompt stays skipped until the page reloads.
    }
    setSkipped(true);
  }, []);
  return [skipped, skip];
}
