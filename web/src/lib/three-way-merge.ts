// Merging an edit with someone else's save of the same record, field by field. `base` is what the
// form started from, `theirs` what was saved meanwhile, `mine` what the form holds now. A field
// only one side changed takes that side's value without asking; only a field both changed to
// different values is a clash, which the person editing decides.

/** A record as forms merge it: flat field names (`address.city`) to values. */
export type Values<K extends string> = Record<K, string>;

export interface FieldChange<K extends string> {
  field: K;
  from: string;
  to: string;
}

export interface Clash<K extends string> {
  field: K;
  base: string;
  theirs: string;
  mine: string;
}

export interface Merge<K extends string> {
  /** Changed by them only: their value is kept. */
  theirs: FieldChange<K>[];
  /** Changed by me only: my value is kept. */
  mine: FieldChange<K>[];
  /** Changed by both to the same value: nothing to decide. */
  agreed: FieldChange<K>[];
  /** Changed by both to different values: the person editing chooses. */
  clashes: Clash<K>[];
  /** Every field: theirs where only they changed it, mine where I did (a clash's value is decided by `resolveMerge`). */
  values: Values<K>;
}

export type Side = 'theirs' | 'mine';

export function mergeThreeWay<K extends string>(base: Values<K>, theirs: Values<K>, mine: Values<K>): Merge<K> {
  const merge: Merge<K> = { theirs: [], mine: [], agreed: [], clashes: [], values: { ...theirs } };
  for (const field of Object.keys(base) as K[]) {
    const [was, their, my] = [base[field], theirs[field], mine[field]];
    const theyChanged = their !== was;
    const iChanged = my !== was;
    if (iChanged) merge.values[field] = my;
    if (theyChanged && iChanged) {
      if (their === my) merge.agreed.push({ field, from: was, to: my });
      else merge.clashes.push({ field, base: was, theirs: their, mine: my });
    } else if (theyChanged) merge.theirs.push({ field, from: was, to: their });
    else if (iChanged) merge.mine.push({ field, from: was, to: my });
  }
  return merge;
}

/**
 * The values to save: the merge with each clash settled by `choices`, or by `fallback` for a clash
 * without a choice ("Overwrite with mine" is no choices and `mine`). Fields without a clash are never
 * affected by either: overwriting never undoes their change to a field I did not touch.
 */
export function resolveMerge<K extends string>(
  merge: Merge<K>,
  choices: Partial<Record<K, Side>>,
  fallback: Side,
): Values<K> {
  const values = { ...merge.values };
  for (const clash of merge.clashes) values[clash.field] = clash[choices[clash.field] ?? fallback];
  return values;
}
