/** The moment in the program's time zone, as people read it on a printout or in a spreadsheet. */
export function programTime(moment: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(moment);
  return `${text} (${timeZone})`;
}
