import { CsvError, parse } from "csv-parse/sync";
import { stringify, type Stringifier } from "csv-stringify";
import {
  PRODUCT_IMPORT_MAX_ROWS,
  productCsvColumns,
  productCsvRow,
  requiredProductCsvColumns,
  type ProductCsvColumn,
  type ProductCsvRow,
  type ProductImportRowError,
} from "@shared/contracts/catalog";
import { AppError } from "../../lib/app-error";
import { csvCellMessage } from "./csv-messages";

/**
 * Products as CSV (GET /products/export.csv and POST /products/import). HTTP-free and database-free: parsing,
 * header checks and per-row validation here; matching rows to products is the service's job.
 *
 * Row numbers are what a spreadsheet shows: the header is row 1, the first data row row 2, a blank
 * line still takes a row number, and a cell spanning several lines (quoted newlines) is one row.
 */

export interface ValidProductRow {
  row: number;
  /** A column the file leaves out is undefined here: the product keeps its stored value. */
  data: ProductCsvRow;
}

export interface ParsedProductCsv {
  /** Data rows in the file (rows whose cells are all empty are not counted). */
  rows: number;
  valid: ValidProductRow[];
  errors: ProductImportRowError[];
}

const importFailed = (message: string, details?: Array<{ path: string; message: string }>) => new AppError("import_failed", message, details);
const known = new Set<string>(productCsvColumns);

function readHeader(cells: string[]): ProductCsvColumn[] {
  const header = cells.map((c) => c.trim());
  const unknown = header.filter((c) => !known.has(c));
  if (unknown.length) {
    throw importFailed(
      `The header row has unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((c) => `"${c}"`).join(", ")}; the columns are ${productCsvColumns.join(", ")}.`,
      [...unknown.map((c) => ({ path: "row 1", message: `Unknown column "${c}"` }))],
    );
  }
  const duplicated = header.filter((c, i) => header.indexOf(c) !== i);
  if (duplicated.length)
    throw importFailed(`The header row names ${[...new Set(duplicated)].join(", ")} more than once.`, [{ path: "row 1", message: "Duplicate column" }]);
  const missing = requiredProductCsvColumns.filter((c) => !header.includes(c));
  if (missing.length) {
    throw importFailed(`The header row lacks the required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}.`, [
      ...missing.map((c) => ({ path: "row 1", message: `Missing column "${c}"` })),
    ]);
  }
  return header as ProductCsvColumn[];
}

/**
 * Parses and validates an import file. Structural problems (not CSV, no header, unknown or missing
 * columns, too many rows) throw 422 import_failed; problems of single rows come back in `errors`,
 * ordered by row then column order.
 */
export function parseProductCsv(text: string): ParsedProductCsv {
  let records: Array<{ record: string[]; info: { records: number; empty_lines: number } }>;
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, info: true, relax_quotes: false }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines;
      throw importFailed(`The file is not valid CSV${line ? ` (line ${line})` : ""}: ${err.message}`, [
        { path: line ? `line ${line}` : "file", message: err.message },
      ]);
    }
    throw err;
  }
  const [head, ...data] = records;
  if (!head) throw importFailed(`The file is empty; it needs a header row (${productCsvColumns.join(",")}) and data rows.`);
  const header = readHeader(head.record);

  const nonBlank = data.filter(({ record }) => record.some((cell) => cell !== ""));
  if (nonBlank.length > PRODUCT_IMPORT_MAX_ROWS) {
    throw importFailed(`The file has ${nonBlank.length} rows; at most ${PRODUCT_IMPORT_MAX_ROWS} are imported at once. Split it.`);
  }

  const valid: ValidProductRow[] = [];
  const errors: ProductImportRowError[] = [];
  for (const { record, info } of nonBlank) {
    // info.records counts the header too, and empty lines are skipped before they become records.
    const row = info.records + info.empty_lines;
    const values = Object.fromEntries(header.map((column, i) => [column, record[i] ?? ""]));
    const parsed = productCsvRow.safeParse(values);
    if (!parsed.success) {
      // One message per cell: the first rule it breaks.
      const byColumn = new Map<string, ProductImportRowError>();
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? "");
        if (!byColumn.has(column)) byColumn.set(column, { row, column, message: csvCellMessage(row, column, issue, values[column]) });
      }
      const rowErrors = [...byColumn.values()];
      rowErrors.sort((a, b) => productCsvColumns.indexOf(a.column as ProductCsvColumn) - productCsvColumns.indexOf(b.column as ProductCsvColumn));
      errors.push(...rowErrors);
      continue;
    }
    valid.push({ row, data: parsed.data });
  }
  return { rows: nonBlank.length, valid, errors };
}

/** Row errors as the contract's error `details` (`row 12.priceCents`). */
export const rowErrorsAsDetails = (errors: ProductImportRowError[]) =>
  errors.map((e) => ({ path: e.column ? `row ${e.row}.${e.column}` : `row ${e.row}`, message: e.message }));

/** Turns product records into CSV text with the export's header row (objects in, text chunks out). */
export function productCsvStringifier(): Stringifier {
  return stringify({ header: true, columns: [...productCsvColumns], cast: { number: (n) => String(n) } });
}
