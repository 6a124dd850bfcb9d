/**
 * A medical record number is the organization's own counter (mrn_sequences), zero-padded to seven digits:
 * short enough to read out on the phone, and sorted as text it keeps the order patients were registered in.
 */
export function formatMrn(value: number): string {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`Not a medical record number: ${value}`);
  return String(value).padStart(7, '0');
}
