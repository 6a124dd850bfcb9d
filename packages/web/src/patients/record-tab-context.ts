import type { RecordViewer } from '../access/policy.ts';
import type { PatientRecord } from './api.ts';

/**
 * What every tab of a patient record gets. In a file of its own so that a tab imports it without importing the
 * list of tabs that imports the tab.
 */
export interface RecordTabContext {
  record: PatientRecord;
  viewer: RecordViewer;
  now: Date;
  /** Opens the break-the-glass dialog (for tabs that find clinical content closed). */
  onBreakGlass: () => void;
}
