// Types of the output contract (../shared/docs/output-contract.md): what
// check() returns and what the <nianbao-checker> `checked` event carries.
// Kept in step with the core by tests/typescript_types.rs (key and code
// lists) and tests/e2e/embed.mjs (tsc accepts every seed's CLI JSON).

/** A diagnostic's severity. */
export type Severity = "error" | "warning" | "info";

/** Every diagnostic code the checker emits (`nianbao rules`). */
export type DiagnosticCode =
  | "report.unrecognised"
  | "template.legacy"
  | "section.missing"
  | "table.missing"
  | "table.layout"
  | "template.outdated"
  | "template.mixed"
  | "meta.year_mismatch"
  | "meta.period"
  | "meta.late"
  | "meta.repealed_basis"
  | "table.missing_row"
  | "table.value_count"
  | "value.invalid"
  | "value.blank"
  | "value.ambiguous"
  | "value.stray_number"
  | "value.unit"
  | "requests.row_total"
  | "requests.outcome_total"
  | "requests.balance"
  | "review.total"
  | "review.corrected"
  | "text.table_mismatch"
  | "text.zero_claim"
  | "text.sum_mismatch"
  | "text.fee_statement"
  | "text.fee_notice"
  | "section.overview_topics"
  | "section.government_items"
  | "section.problems_thin"
  | "cross_year.carry_over"
  | "cross_year.stock"
  | "cross_year.copied"
  | "cross_year.jump"
  | "input.unreadable";

/** The three tables: 表二 active, 表三 requests, 表四 review. */
export type TableKey = "active" | "requests" | "review";

/** A national template version. */
export type TemplateVersion = "2019" | "2021";

/** Table 二 rows. */
export type ActiveRow =
  | "regulations"
  | "normative_documents"
  | "licensing"
  | "other_services"
  | "punishment"
  | "enforcement"
  | "fees"
  | "procurement";

/** Table 二 columns (2019 and 2021 together); money in 元. */
export type ActiveColumn =
  | "made"
  | "published"
  | "total_published"
  | "previous_items"
  | "change"
  | "decisions"
  | "items"
  | "amount_yuan"
  | "issued"
  | "repealed"
  | "in_force";

/** Table 三 rows, numbered as the template numbers them. */
export type RequestRow =
  | "1"
  | "2"
  | "3.1"
  | "3.2"
  | "3.3.1" | "3.3.2" | "3.3.3" | "3.3.4" | "3.3.5" | "3.3.6" | "3.3.7" | "3.3.8"
  | "3.4.1" | "3.4.2" | "3.4.3"
  | "3.5.1" | "3.5.2" | "3.5.3" | "3.5.4" | "3.5.5"
  | "3.6"
  | "3.6.1" | "3.6.2" | "3.6.3"
  | "3.7"
  | "4";

/** Table 三 columns: the applicants, then 总计. */
export type RequestColumn =
  | "natural_person"
  | "commercial"
  | "research"
  | "public_interest"
  | "legal_service"
  | "other"
  | "total";

/** Table 四 groups. */
export type ReviewGroup = "review" | "litigation_direct" | "litigation_after_review";

/** Table 四 columns. */
export type ReviewColumn = "upheld" | "corrected" | "other" | "pending" | "total";

/** A table as `{ row: { column: value } }`: only the cells the text gives. */
export type TableValues<R extends string, C extends string> = { [row in R]?: { [column in C]?: number } };

/** A byte range in the input text (UTF-8 bytes). */
export interface Span {
  start: number;
  end: number;
}

/** Another place a diagnostic is about (e.g. the cells that add up wrong). */
export interface Related {
  label: string;
  line?: number;
  span?: Span;
  row?: string;
  column?: string;
}

/**
 * What a suggestion does to the text's numbers: change a given cell, or —
 * for `table.value_count` one number off — where a missing number goes or
 * which written number is the extra one.
 */
export type SuggestionKind = "change" | "missing" | "extra";

/** One suggested change (a candidate: nothing is ever filled in). */
export interface Suggestion {
  table: TableKey;
  row: string;
  /** The cell's column; null for an extra number. */
  column: string | null;
  /** The value written; null for a missing number. */
  from: number | null;
  /** The value suggested; null for an extra number (to be deleted). */
  to: number | null;
  /** Codes of the broken sums it makes hold. */
  repairs: DiagnosticCode[];
  kind: SuggestionKind;
  /** It mends every broken sum of its group at once (the broken sums tied by shared cells). */
  complete: boolean;
  /** Where the cell's number is in the input (a change of a given cell). */
  span?: Span;
  /** A missing or extra number: the row's values as they would then read. */
  values?: number[];
  /** An extra number: its position among the numbers written (0-based). */
  index?: number;
}

/** What the arithmetic says about a broken sum and the broken sums tied to it by shared cells. */
export interface Correction {
  /** One change, or one smallest set of changes (two cells), and no other, makes the group's sums hold. */
  located: boolean;
  /** That change, or that set (all needed together); empty when not located. */
  changes: Suggestion[];
  /** How many broken sums the group has. */
  sums: number;
}

export interface Diagnostic {
  /** Stable, dotted: `requests.balance`. */
  code: DiagnosticCode;
  severity: Severity;
  /** Chinese; says what is wrong, where, and what was expected. */
  message: string;
  /** 1-based line in the input. */
  line: number | null;
  table: TableKey | null;
  row: string | null;
  column: string | null;
  span?: Span;
  related?: Related[];
  help?: string;
  /**
   * Suggested changes, best first: on every diagnostic of a broken sum (an
   * empty list when no one-cell change mends it without breaking another)
   * and on `table.value_count` one number off (the placements).
   */
  suggestions?: Suggestion[];
  /** On a broken sum's diagnostic: whether, and where, the arithmetic locates the error. */
  correction?: Correction;
}

/** The statistical period the report states (统计期限). */
export interface Period {
  from: string;
  to: string;
  from_year: number;
  to_year: number;
  line: number;
}

/** One of the six sections, as found. */
export interface Section {
  /** 1 to 6. */
  number: number;
  heading: string;
  line: number;
}

/** A given cell with where it came from. */
export interface CellRef {
  table: TableKey;
  row: string;
  column: string;
  value: number;
  line: number | null;
  start: number | null;
  end: number | null;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  /** 通过 / 通过（有N处警告） / 有N处错误 */
  verdict: string;
}

/** The checked report: the output contract. */
export interface Report {
  /** The file name, or null for pasted text. */
  source: string | null;
  agency: string | null;
  /** The reported year. */
  year: number | null;
  template: TemplateVersion | "mixed" | null;
  /** 表二 */
  active: TableValues<ActiveRow, ActiveColumn>;
  /** 表三 */
  requests: TableValues<RequestRow, RequestColumn>;
  /** 表四 */
  review: TableValues<ReviewGroup, ReviewColumn>;
  diagnostics: Diagnostic[];
  period: Period | null;
  sections: Section[];
  /** The template version each table follows, when it tells. */
  versions: { [table in TableKey]: TemplateVersion | null };
  cells: CellRef[];
  summary: Summary;
  checker: { name: "nianbao"; version: string };
}

/** What checkAndRender() returns: the report and its HTML. */
export interface Rendered {
  report: Report;
  /** The widget's results as HTML; every piece of text escaped. */
  html: string;
}

/** `"zh"` (default) or `"en"`: the language of the HTML's own words. */
export type Lang = "zh" | "en";
