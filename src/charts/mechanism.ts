/**
 * The mechanism diagram: a static list of nodes and edges (→ activates, ⊣ inhibits) from the five studies, drawn
 * with D3. Each node's fill shows a level 0..1 read from the selected arm at the cursor day; how a level is read is
 * a display mapping (normalisation of an output series or an input), not model science.
 */
import { select } from 'd3';
import type { DrugId } from '../scenario/types';
import { LEVEL_BAR_COLOUR, levelFill, levelText } from './palette';

export type NodeId =
  | 'nrf2'
  | 'cox2'
  | 'pge2'
  | 'infiltration'
  | 'vegf'
  | 'neat1'
  | 'mir320a'
  | 'sp1'
  | 'cd24'
  | 'phagocytosis'
  | 'm2'
  | 'il6'
  | 'dc'
  | 'cd8'
  | 'ifn'
  | 'pdl1'
  | 'killing'
  | 'osimertinib'
  | 'igf1r'
  | 'persisters'
  | 'resistant';

/** What a node's level is read from. */
export interface LevelContext {
  /** effective inputs of the selected arm */
  inputs: { nrf2: number; neat1: number; il6: number };
  /** value of an output series of the selected arm at the cursor day */
  value: (series: string) => number;
  /** largest value of a series over all visible arms and days (for normalising absolute quantities) */
  max: (series: string) => number;
}

export interface MechanismNode {
  id: NodeId;
  /** grid position (columns and rows of the layout) */
  col: number;
  row: number;
  /** level 0..1, or null when the model has no quantity for it */
  level: (c: LevelContext) => number | null;
  /** drugs that block this node; shown as a "blocked" mark when one of them is present */
  blockedBy?: DrugId[];
}

export interface MechanismEdge {
  from: NodeId;
  to: NodeId;
  kind: 'activates' | 'inhibits';
}

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
/** A relative quantity (1 = baseline) on a log scale: 0.1x -> 0, 1x -> 0.5, 10x -> 1. */
const relative = (v: number) => (v > 0 ? clamp01((Math.log10(v) + 1) / 2) : 0);
const ofMax = (c: LevelContext, series: string) => {
  const m = c.max(series);
  return m > 0 ? clamp01(c.value(series) / m) : 0;
};

export const MECHANISM_NODES: readonly MechanismNode[] = [
  { id: 'nrf2', col: 0, row: 0, level: (c) => c.inputs.nrf2 },
  { id: 'cox2', col: 1, row: 0, level: (c) => c.inputs.nrf2, blockedBy: ['cox2i'] },
  { id: 'pge2', col: 2, row: 0, level: (c) => relative(c.value('pge2Plasma')) },
  { id: 'infiltration', col: 3, row: 1, level: (c) => ofMax(c, 'cd8PerTumourCell') },
  { id: 'vegf', col: 2, row: 1, level: () => 1, blockedBy: ['bevacizumab'] },
  { id: 'il6', col: 1, row: 2, level: (c) => c.inputs.il6, blockedBy: ['antiIL6'] },
  { id: 'dc', col: 2, row: 2, level: (c) => clamp01(c.value('dcMaturation')) },
  { id: 'cd8', col: 3, row: 2, level: (c) => ofMax(c, 'cd8') },
  { id: 'ifn', col: 4, row: 2, level: (c) => ofMax(c, 'cd8') },
  { id: 'pdl1', col: 5, row: 2, level: (c) => relative(c.value('pdl1')), blockedBy: ['atezolizumab', 'antiPD1'] },
  { id: 'killing', col: 5, row: 1, level: () => null },
  { id: 'neat1', col: 0, row: 3, level: (c) => c.inputs.neat1 },
  { id: 'mir320a', col: 1, row: 3, level: (c) => 1 - c.inputs.neat1 },
  { id: 'sp1', col: 2, row: 3, level: (c) => c.inputs.neat1 },
  { id: 'cd24', col: 3, row: 3, level: (c) => relative(c.value('cd24')), blockedBy: ['antiCD24'] },
  { id: 'phagocytosis', col: 4, row: 3, level: (c) => clamp01(c.value('m1Fraction')) },
  { id: 'm2', col: 4, row: 4, level: (c) => clamp01(1 - c.value('m1Fraction')) },
  { id: 'osimertinib', col: 0, row: 5, level: (c) => ofMax(c, 'drug.osimertinib') },
  { id: 'persisters', col: 1.5, row: 5, level: (c) => ofMax(c, 'persisterVolume') },
  { id: 'igf1r', col: 3, row: 5, level: () => 1, blockedBy: ['igf1ri'] },
  { id: 'resistant', col: 1.5, row: 6, level: (c) => ofMax(c, 'resistantVolume') },
];

export const MECHANISM_EDGES: readonly MechanismEdge[] = [
  { from: 'nrf2', to: 'cox2', kind: 'activates' },
  { from: 'cox2', to: 'pge2', kind: 'activates' },
  { from: 'pge2', to: 'infiltration', kind: 'inhibits' },
  { from: 'vegf', to: 'infiltration', kind: 'inhibits' },
  { from: 'infiltration', to: 'cd8', kind: 'activates' },
  { from: 'neat1', to: 'mir320a', kind: 'inhibits' },
  { from: 'mir320a', to: 'sp1', kind: 'inhibits' },
  { from: 'sp1', to: 'cd24', kind: 'activates' },
  { from: 'cd24', to: 'phagocytosis', kind: 'inhibits' },
  { from: 'cd24', to: 'm2', kind: 'activates' },
  { from: 'il6', to: 'dc', kind: 'inhibits' },
  { from: 'dc', to: 'cd8', kind: 'activates' },
  { from: 'cd8', to: 'ifn', kind: 'activates' },
  { from: 'ifn', to: 'pdl1', kind: 'activates' },
  { from: 'pdl1', to: 'killing', kind: 'inhibits' },
  { from: 'osimertinib', to: 'persisters', kind: 'activates' },
  { from: 'igf1r', to: 'persisters', kind: 'activates' },
  { from: 'persisters', to: 'resistant', kind: 'activates' },
];

export interface NodeState {
  id: NodeId;
  level: number | null;
  blocked: boolean;
}

export interface MechanismOptions {
  /** node label, already translated */
  label: (id: NodeId) => string;
  /** accessible name of a node, already translated (label, level, blocked) */
  describe: (state: NodeState) => string;
  blockedText: string;
  selected: NodeId | null;
  onSelect: (id: NodeId) => void;
}

export const MECHANISM_SIZE = { width: 1000, height: 520 };
const NODE_W = 150;
const NODE_H = 46;
const COL_W = 162;
const ROW_H = 70;
const PAD = 12;

function centre(n: MechanismNode): { x: number; y: number } {
  return { x: PAD + n.col * COL_W + NODE_W / 2, y: PAD + n.row * ROW_H + NODE_H / 2 };
}

/** Point where the segment from the centre of `a` towards `b` leaves the box of `a` (plus a gap). */
function boxExit(a: { x: number; y: number }, b: { x: number; y: number }, gap: number): { x: number; y: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const sx = dx === 0 ? Number.POSITIVE_INFINITY : (NODE_W / 2 + gap) / Math.abs(dx);
  const sy = dy === 0 ? Number.POSITIVE_INFINITY : (NODE_H / 2 + gap) / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: a.x + dx * s, y: a.y + dy * s };
}

export function drawMechanism(svgElement: SVGSVGElement, states: NodeState[], o: MechanismOptions): void {
  const svg = select(svgElement).attr('viewBox', `0 0 ${MECHANISM_SIZE.width} ${MECHANISM_SIZE.height}`);
  const byId = new Map(MECHANISM_NODES.map((n) => [n.id, n]));
  const stateById = new Map(states.map((s) => [s.id, s]));

  const defs = svg.selectAll('defs').data([null]).join('defs');
  defs
    .selectAll('marker.arrow')
    .data([null])
    .join('marker')
    .attr('class', 'arrow')
    .attr('id', 'mech-arrow')
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 9)
    .attr('refY', 5)
    .attr('markerWidth', 8)
    .attr('markerHeight', 8)
    .attr('orient', 'auto')
    .selectAll('path')
    .data([null])
    .join('path')
    .attr('d', 'M0,0 L10,5 L0,10 z')
    .attr('fill', '#3b4656');
  defs
    .selectAll('marker.bar')
    .data([null])
    .join('marker')
    .attr('class', 'bar')
    .attr('id', 'mech-bar')
    .attr('viewBox', '0 0 4 12')
    .attr('refX', 3)
    .attr('refY', 6)
    .attr('markerWidth', 4)
    .attr('markerHeight', 12)
    .attr('orient', 'auto')
    .selectAll('rect')
    .data([null])
    .join('rect')
    .attr('width', 3)
    .attr('height', 12)
    .attr('fill', '#b3261e');

  svg
    .selectAll<SVGGElement, null>('g.edges')
    .data([null])
    .join('g')
    .attr('class', 'edges')
    .attr('aria-hidden', 'true')
    .selectAll<SVGLineElement, MechanismEdge>('line')
    .data(MECHANISM_EDGES, (e) => `${e.from}-${e.to}`)
    .join('line')
    .attr('data-kind', (e) => e.kind)
    .each(function (e) {
      const a = centre(byId.get(e.from) as MechanismNode);
      const b = centre(byId.get(e.to) as MechanismNode);
      const p = boxExit(a, b, 2);
      const q = boxExit(b, a, 4);
      select(this).attr('x1', p.x).attr('y1', p.y).attr('x2', q.x).attr('y2', q.y);
    })
    .attr('stroke', (e) => (e.kind === 'inhibits' ? '#b3261e' : '#3b4656'))
    .attr('stroke-width', 2.5)
    .attr('stroke-dasharray', (e) => (e.kind === 'inhibits' ? '6 3' : null))
    .attr('marker-end', (e) => (e.kind === 'inhibits' ? 'url(#mech-bar)' : 'url(#mech-arrow)'));

  const nodes = svg
    .selectAll<SVGGElement, null>('g.nodes')
    .data([null])
    .join('g')
    .attr('class', 'nodes')
    .selectAll<SVGGElement, MechanismNode>('g.node')
    .data(MECHANISM_NODES, (n) => n.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'node');
      g.append('rect').attr('class', 'box');
      g.append('text').attr('class', 'label');
      g.append('rect').attr('class', 'meter-bg');
      g.append('rect').attr('class', 'meter');
      g.append('text').attr('class', 'blocked');
      return g;
    });

  nodes
    .attr('transform', (n) => `translate(${PAD + n.col * COL_W},${PAD + n.row * ROW_H})`)
    .attr('role', 'button')
    .attr('tabindex', 0)
    .attr('data-testid', (n) => `mech-node-${n.id}`)
    .attr('data-level', (n) => {
      const l = stateById.get(n.id)?.level;
      return l === null || l === undefined ? 'none' : l.toFixed(2);
    })
    .attr('aria-pressed', (n) => (o.selected === n.id ? 'true' : 'false'))
    .attr('aria-label', (n) => o.describe(stateById.get(n.id) ?? { id: n.id, level: null, blocked: false }))
    .on('click', (_event, n) => o.onSelect(n.id))
    .on('keydown', (event: KeyboardEvent, n) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        o.onSelect(n.id);
      }
    });

  nodes
    .select('rect.box')
    .attr('width', NODE_W)
    .attr('height', NODE_H)
    .attr('rx', 8)
    .attr('fill', (n) => {
      const l = stateById.get(n.id)?.level;
      return l === null || l === undefined ? '#e6e6e6' : levelFill(l);
    })
    .attr('stroke', (n) => (o.selected === n.id ? '#000' : '#5b6675'))
    .attr('stroke-width', (n) => (o.selected === n.id ? 3.5 : 1.5));

  nodes
    .select('text.label')
    .attr('x', NODE_W / 2)
    .attr('y', 20)
    .attr('text-anchor', 'middle')
    .attr('fill', (n) => levelText(stateById.get(n.id)?.level ?? 0))
    .text((n) => o.label(n.id));

  // A small meter under the label: the level as a length, for readers who cannot tell the shades apart.
  nodes
    .select('rect.meter-bg')
    .attr('x', 12)
    .attr('y', 30)
    .attr('width', NODE_W - 24)
    .attr('height', 6)
    .attr('rx', 3)
    .attr('fill', 'rgba(255,255,255,0.7)')
    .attr('stroke', '#5b6675')
    .attr('stroke-width', 0.5);
  nodes
    .select('rect.meter')
    .attr('x', 12)
    .attr('y', 30)
    .attr('height', 6)
    .attr('rx', 3)
    .attr('fill', LEVEL_BAR_COLOUR)
    .attr('width', (n) => (NODE_W - 24) * (stateById.get(n.id)?.level ?? 0));

  nodes
    .select('text.blocked')
    .attr('x', NODE_W / 2)
    .attr('y', NODE_H + 14)
    .attr('text-anchor', 'middle')
    .attr('fill', '#b3261e')
    .text((n) => (stateById.get(n.id)?.blocked ? o.blockedText : ''));
}
