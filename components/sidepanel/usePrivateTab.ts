import { useEffect, useState } from 'preact/hooks';
import { isPrivateTab } from '../platform/privateWindows';

/** Whether the panel's tab is in a private window (false until known). */
export function usePrivateTab(tabId: number): boolean {
  const [isPrivate, setPrivate] = useState(false);
  useEffect(() => {
    let alive = true;
    void isPrivateTab(tabId).then((value) => alive && setPrivate(value));
    return () => {
      alive = false;
    };
  }, [tabId]);
  return isPrivate;
}
