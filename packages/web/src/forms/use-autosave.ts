// The draft pattern for a form: `useAutosave(form.getValues(), { save, version, delay })` saves as the person
// types and answers a status to show beside the form (idle, saving, saved at, failed with retry, conflict).
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Autosave, type AutosaveOptions, type AutosaveSnapshot } from './autosave.ts';

export interface AutosaveState extends AutosaveSnapshot {
  retry: () => void;
}

export function useAutosave<Values>(values: Values, options: AutosaveOptions<Values>): AutosaveState {
  const [autosave] = useState(() => new Autosave(options));
  autosave.setSave(options.save);
  const first = useRef(values);
  useEffect(() => {
    // The values the form opened with are what the server has: nothing to save until they change.
    if (values !== first.current) autosave.change(values);
  }, [autosave, values]);
  useEffect(() => () => autosave.dispose(), [autosave]);
  const snapshot = useSyncExternalStore(autosave.subscribe, autosave.getSnapshot);
  return { ...snapshot, retry: autosave.retry };
}
