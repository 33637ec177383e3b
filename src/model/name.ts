/**
 * A name as a reader sees it, for comparing names: NFKC (full-width brackets, digits and letters become
 * their half-width forms, compatibility ideographs their unified ones), with no spaces and no invisible
 * characters (zero-width spaces and joiners, the BOM, soft hyphens). 政府办公厅（室） and 政府办公厅(室)
 * are one name, and so are 招聘活动场次 and 招聘活动场次 with a zero-width space (U+200B) inside.
 */
export function nameKey(name: string): string {
  return name.normalize("NFKC").replace(/[\s\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/g, "");
}
