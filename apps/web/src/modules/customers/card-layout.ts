import {
  type AttributeDefinition,
  type AttributeType,
  type CardFieldRef,
  type CardSection,
  type CustomerCardConfig,
  cardFieldKey,
  LIMITS,
  STANDARD_FIELDS,
  standardFieldRule,
  type UpdateCustomerCardRequest,
} from '@parley/contracts';

/** Where a field is: on the card at once, behind "See more", or not on the card. */
export type Placement = CardSection | 'hidden';

export interface LayoutRow {
  key: string;
  ref: CardFieldRef;
  label: string;
  type: AttributeType;
  placement: Placement;
  agentEditable: boolean;
}

export const MAX_BASIC = LIMITS.basicCardAttributes;

/** Every field that can be on the card: the configured ones in card order, then the rest, hidden. */
export function layoutRows(
  card: CustomerCardConfig,
  definitions: readonly AttributeDefinition[],
): LayoutRow[] {
  const rows: LayoutRow[] = card.fields.map((f) => ({
    key: cardFieldKey(f.ref),
    ref: f.ref,
    label: f.label,
    type: f.type,
    placement: f.section,
    agentEditable: f.agentEditable,
  }));
  const placed = new Set(rows.map((r) => r.key));
  const candidates: Omit<LayoutRow, 'placement' | 'agentEditable'>[] = [
    ...STANDARD_FIELDS.map((field) => {
      const ref = { kind: 'standard' as const, field };
      const rule = standardFieldRule(field);
      return { key: cardFieldKey(ref), ref, label: rule.name, type: rule.type };
    }),
    ...definitions.map((d) => {
      const ref = { kind: 'custom' as const, attributeId: d.id };
      return { key: cardFieldKey(ref), ref, label: d.name, type: d.type };
    }),
  ];
  for (const c of candidates) {
    if (!placed.has(c.key)) rows.push({ ...c, placement: 'hidden', agentEditable: false });
  }
  return rows;
}

/** Moves a row to another placement (at the end of it). */
export function place(rows: readonly LayoutRow[], key: string, placement: Placement): LayoutRow[] {
  const row = rows.find((r) => r.key === key);
  if (!row || row.placement === placement) return [...rows];
  return [...rows.filter((r) => r.key !== key), { ...row, placement }];
}

/** Swaps a row with its neighbour in the same placement (`by` −1 up, +1 down). */
export function move(rows: readonly LayoutRow[], key: string, by: -1 | 1): LayoutRow[] {
  const row = rows.find((r) => r.key === key);
  if (!row) return [...rows];
  const same = rows.filter((r) => r.placement === row.placement);
  const other = same[same.indexOf(row) + by];
  if (!other) return [...rows];
  return rows.map((r) => (r.key === key ? other : r.key === other.key ? row : r));
}

/** The request that stores this layout. */
export function layoutRequest(rows: readonly LayoutRow[]): UpdateCustomerCardRequest {
  const section = (s: CardSection) =>
    rows
      .filter((r) => r.placement === s)
      .map((r) => ({ ref: r.ref, section: s, agentEditable: r.agentEditable }));
  return { fields: [...section('basic'), ...section('additional')] };
}
