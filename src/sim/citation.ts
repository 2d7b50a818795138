// What the chapter-1 widgets' models (capacity/, raid/, vlan-switch/) share: text in both languages, a cited
// source with the section a number or rule comes from, and a check's outcome as widget exercises read it.

/** A text in both of the site's languages. */
export interface Text {
  readonly ja: string;
  readonly en: string;
}

/** A primary source (man page, standard, paper, official notice), cited with the part that says it. */
export interface Citation {
  readonly title: string;
  /** Authors or publisher, as cited. */
  readonly by: string;
  readonly year?: number;
  readonly url: string;
  /** Where in the source: a section, table or page. */
  readonly section?: string;
}

/** A named check's answer on one state (the shape src/sim/widget-models.ts expects). */
export interface CheckOutcome {
  readonly passed: boolean;
  /** What the check looked at, for the learner and the report. */
  readonly evidence: Text;
}
