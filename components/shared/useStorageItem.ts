import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

/** A WXT storage item as Preact state: the current value (undefined while loading) and a setter that persists. */
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): [T | undefined, (value: T) => void] {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    void item.getValue().then((v) => alive && setValue(v));
    const unwatch = item.watch((v) => setValue(v));
    return () => {
      alive = false;
      unwatch();
    };
  }, [item]);
  return [value, (next: T) => void item.setValue(next)];
}
