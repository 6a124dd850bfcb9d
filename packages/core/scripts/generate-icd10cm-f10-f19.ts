/**
 * Regenerates `src/diagnoses/icd10cm-f10-f19.json` from the ICD-10-CM "code descriptions in tabular order" file
 * that CDC NCHS and CMS publish with each release (`icd10cm_order_YYYY.txt`, also spelled `icd10cm-order-YYYY.txt`,
 * inside the "Code Descriptions" zip). Run it by hand when a new fiscal year comes out; it is no part of the tests
 * or CI, and it needs nothing but Node 24:
 *
 *   node packages/core/scripts/generate-icd10cm-f10-f19.ts --fiscal-year 2027 path/to/icd10cm_order_2027.txt \
 *     [--codes path/to/icd10cm_codes_2027.txt]
 *
 * `--codes` cross-checks every billable code and its description against the release's separate codes file.
 * The script writes nothing when the rows do not hold together (a billable code with children, a code without
 * its parent, a category missing). After a run, update the release and counts in `src/diagnoses/README.md` and
 * the counts pinned in `src/diagnoses/catalog.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface OrderRow {
  code: string;
  billable: boolean;
  description: string;
}

const categories = ['F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16', 'F17', 'F18', 'F19'];
const outputPath = new URL('../src/diagnoses/icd10cm-f10-f19.json', import.meta.url);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'fiscal-year': { type: 'string' }, codes: { type: 'string' } },
});
const fiscalYear = Number(values['fiscal-year']);
const orderFile = positionals[0];
if (!Number.isInteger(fiscalYear) || fiscalYear < 2016 || orderFile === undefined) {
  console.error(
    'usage: generate-icd10cm-f10-f19.ts --fiscal-year YYYY <icd10cm_order_YYYY.txt> [--codes <file>]',
  );
  process.exit(2);
}

/** The order file is fixed width: order number (1-5), code (7-13), 1 = billable / 0 = header (15), short title
 * (17-76), long title (78-). */
function parseOrderFile(text: string): OrderRow[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const code = line.slice(6, 13).trim();
      const flag = line[14];
      const description = line.slice(77).trim();
      if (
        !/^\d{5}$/.test(line.slice(0, 5)) ||
        !/^[A-Z][0-9A-Z]{2,6}$/.test(code) ||
        (flag !== '0' && flag !== '1')
      ) {
        throw new Error(`line ${index + 1} is not an order-file row: ${JSON.stringify(line)}`);
      }
      if (description === '') throw new Error(`line ${index + 1} (${code}) has no long description`);
      return { code, billable: flag === '1', description };
    });
}

/** The codes file lists billable codes only: the code, spaces, the long description. */
function parseCodesFile(text: string): Map<string, string> {
  const entries = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^([A-Z][0-9A-Z]{2,6})\s+(.+)$/.exec(line.trim());
      if (!match?.[1] || !match[2]) throw new Error(`not a codes-file row: ${JSON.stringify(line)}`);
      return [match[1], match[2].trim()] as const;
    });
  return new Map(entries);
}

function check(rows: OrderRow[], codesFile: Map<string, string> | undefined): void {
  const problems: string[] = [];
  const codes = new Set(rows.map((row) => row.code));
  for (const category of categories) {
    if (!codes.has(category)) problems.push(`category ${category} is missing`);
  }
  for (const row of rows) {
    const hasChild = rows.some((other) => other.code !== row.code && other.code.startsWith(row.code));
    if (hasChild === row.billable) {
      problems.push(`${row.code} is ${row.billable ? 'billable with' : 'a header without'} children`);
    }
    if (row.code.length > 3 && !codes.has(row.code.slice(0, -1))) problems.push(`${row.code} has no parent`);
    if (codesFile && row.billable && codesFile.get(row.code) !== row.description) {
      problems.push(
        `${row.code}: order file says ${JSON.stringify(row.description)}, codes file ${JSON.stringify(codesFile.get(row.code))}`,
      );
    }
  }
  if (codesFile) {
    for (const code of codesFile.keys()) {
      if (categories.includes(code.slice(0, 3)) && !rows.some((row) => row.code === code && row.billable)) {
        problems.push(`${code} is in the codes file but not billable in the order file`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`the F10-F19 rows do not hold together:\n${problems.join('\n')}`);
}

const dotted = (code: string) => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);

const rows = parseOrderFile(readFileSync(orderFile, 'utf8')).filter((row) =>
  categories.includes(row.code.slice(0, 3)),
);
const codesFile = values.codes === undefined ? undefined : parseCodesFile(readFileSync(values.codes, 'utf8'));
check(rows, codesFile);

const data = {
  classification: 'ICD-10-CM',
  release: `FY${fiscalYear}`,
  effectiveFrom: `${fiscalYear - 1}-10-01`,
  publisher:
    'CDC National Center for Health Statistics (NCHS) and Centers for Medicare & Medicaid Services (CMS)',
  sourceFile: `icd10cm_order_${fiscalYear}.txt`,
  diagnoses: rows.map((row) => ({
    code: dotted(row.code),
    description: row.description,
    billable: row.billable,
  })),
};
writeFileSync(outputPath, `${JSON.stringify(data, null, 2)}\n`);
const billable = rows.filter((row) => row.billable).length;
console.log(
  `wrote ${rows.length} codes (${billable} billable, ${rows.length - billable} headers) to ${outputPath.pathname}`,
);
