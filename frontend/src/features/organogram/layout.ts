/**
 * The organogram's tier layout, computed here (no graph library): the school on top, the people
 * who hold roles below it, the partners they are the contact for at the bottom.
 *
 * A tier too wide for one row gets a second row laid out like bricks: each node of the second row
 * sits under the gap between two nodes of the first, so the lines to it pass between the boxes.
 * Partners are ordered under the people they are linked to, to keep lines short.
 */
import type { Organogram, OrganogramEdge, OrganogramNode } from '../../api/registryTypes';

export type Tier = 0 | 1 | 2;

export interface PlacedNode extends OrganogramNode {
  tier: Tier;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The name, wrapped to fit the box (at most two lines). */
  lines: string[];
  /** Roles (of a person) or category (of a partner), one per line, shortened to fit. */
  details: string[];
}

export interface PlacedEdge extends OrganogramEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** SVG path data from source to target. */
  path: string;
}

export interface OrganogramLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export interface LayoutOptions {
  nodeWidth: number;
  padding: number;
  /** Line heights of the name and of the detail lines. */
  labelLine: number;
  detailLine: number;
  /** Approximate character widths of the name (bold) and of the details, to wrap and shorten text. */
  labelChar: number;
  detailChar: number;
  maxDetailLines: number;
  gapX: number;
  /** Between the rows of one tier. */
  rowGap: number;
  /** Between tiers. */
  gapY: number;
  maxPerRow: number;
  margin: number;
}

export const DEFAULT_OPTIONS: LayoutOptions = {
  nodeWidth: 180,
  padding: 10,
  labelLine: 18,
  detailLine: 15,
  labelChar: 8.2,
  detailChar: 6.3,
  maxDetailLines: 3,
  gapX: 24,
  rowGap: 18,
  gapY: 56,
  maxPerRow: 5,
  margin: 16,
};

const TIER_OF: Record<OrganogramNode['type'], Tier> = { school: 0, person: 1, partner: 2 };

/** Shortens text to `max` characters, with an ellipsis. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…` : text;
}

/** Wraps text on spaces into at most `maxLines` lines of `max` characters; the last line is shortened. */
export function wrap(text: string, max: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= max || !current) {
      current = candidate;
      continue;
    }
    lines.push(current);
    current = word;
    if (lines.length === maxLines - 1) {
      current = words.slice(i).join(' ');
      break;
    }
  }
  if (current) lines.push(current);
  return lines.map((line, i) => (i === lines.length - 1 ? shorten(line, max) : line)).slice(0, maxLines);
}

function textOf(node: OrganogramNode, o: LayoutOptions): { lines: string[]; details: string[] } {
  const inner = o.nodeWidth - 2 * o.padding;
  const labelMax = Math.floor(inner / o.labelChar);
  const detailMax = Math.floor(inner / o.detailChar);
  const lines = wrap(node.label, labelMax, 2);
  let details: string[] = [];
  if (node.type === 'person') {
    const roles = node.roles ?? [];
    details = roles.slice(0, o.maxDetailLines).map((r) => shorten(r, detailMax));
    if (roles.length > o.maxDetailLines) details[o.maxDetailLines - 1] = `+${roles.length - o.maxDetailLines + 1}…`;
  } else if (node.type === 'partner' && node.category) {
    details = [shorten(node.category, detailMax)];
  }
  return { lines, details };
}

function heightOf(text: { lines: string[]; details: string[] }, o: LayoutOptions): number {
  return 2 * o.padding + text.lines.length * o.labelLine + text.details.length * o.detailLine;
}

/** Orders each tier: people as the API lists them, partners by the average position of their people. */
export function orderTiers(graph: Pick<Organogram, 'nodes' | 'edges'>): OrganogramNode[][] {
  const tiers: OrganogramNode[][] = [[], [], []];
  for (const node of graph.nodes) tiers[TIER_OF[node.type]]!.push(node);
  const personIndex = new Map(tiers[1]!.map((n, i) => [n.id, i]));
  const weight = (partner: OrganogramNode) => {
    const linked = graph.edges.filter((e) => e.target === partner.id && personIndex.has(e.source)).map((e) => personIndex.get(e.source)!);
    return linked.length > 0 ? linked.reduce((a, b) => a + b, 0) / linked.length : Number.MAX_SAFE_INTEGER;
  };
  tiers[2] = [...tiers[2]!].sort((a, b) => weight(a) - weight(b) || a.label.localeCompare(b.label));
  return tiers;
}

/** How many nodes go in a tier's first row: all of them, or enough that the rest fits in its gaps. */
export function firstRowSize(count: number, maxPerRow: number): number {
  return count <= maxPerRow ? count : Math.max(maxPerRow, Math.ceil((count + 1) / 2));
}

export function layoutOrganogram(graph: Pick<Organogram, 'nodes' | 'edges'>, options: Partial<LayoutOptions> = {}): OrganogramLayout {
  const o = { ...DEFAULT_OPTIONS, ...options };
  const tiers = orderTiers(graph);
  const step = o.nodeWidth + o.gapX;
  const widest = Math.max(1, ...tiers.map((t) => firstRowSize(t.length, o.maxPerRow)));
  const width = 2 * o.margin + widest * o.nodeWidth + (widest - 1) * o.gapX;
  const placed: PlacedNode[] = [];
  const tierBottom: number[] = [];
  const tierTop: number[] = [];
  let y = o.margin;

  tiers.forEach((nodes, index) => {
    const tier = index as Tier;
    tierTop[tier] = y;
    if (nodes.length === 0) {
      tierBottom[tier] = y;
      return;
    }
    const n1 = firstRowSize(nodes.length, o.maxPerRow);
    const row1 = nodes.slice(0, n1);
    const row2 = nodes.slice(n1);
    const x0 = (width - (n1 * o.nodeWidth + (n1 - 1) * o.gapX)) / 2;
    const texts = nodes.map((n) => textOf(n, o));
    const row1Height = Math.max(...row1.map((_, i) => heightOf(texts[i]!, o)));
    row1.forEach((node, i) => {
      placed.push({ ...node, roles: node.roles ?? [], tier, x: x0 + i * step, y, width: o.nodeWidth, height: row1Height, ...texts[i]! });
    });
    let bottom = y + row1Height;
    if (row2.length > 0) {
      const y2 = bottom + o.rowGap;
      const offset = Math.floor((n1 - 1 - row2.length) / 2);
      const row2Height = Math.max(...row2.map((_, i) => heightOf(texts[n1 + i]!, o)));
      row2.forEach((node, i) => {
        placed.push({
          ...node,
          roles: node.roles ?? [],
          tier,
          x: x0 + (offset + i) * step + step / 2,
          y: y2,
          width: o.nodeWidth,
          height: row2Height,
          ...texts[n1 + i]!,
        });
      });
      bottom = y2 + row2Height;
    }
    tierBottom[tier] = bottom;
    y = bottom + o.gapY;
  });

  const height = Math.max(...tierBottom) + o.margin;
  const byId = new Map(placed.map((n) => [n.id, n]));
  const edges: PlacedEdge[] = [];
  for (const edge of graph.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    const x1 = source.x + source.width / 2;
    const y1 = source.y + source.height;
    const x2 = target.x + target.width / 2;
    const y2 = target.y;
    let path: string;
    if (source.tier === 0 && target.tier === 1) {
      // An org-chart bus: down from the school, across, and down to the person (between the boxes of the first row).
      const bus = (tierBottom[0]! + tierTop[1]!) / 2;
      path = `M ${x1} ${y1} V ${bus} H ${x2} V ${y2}`;
    } else if (source.tier === 1 && target.tier === 2) {
      // Down past the people's second row (through a gap), then a curve to the partner.
      const below = tierBottom[1]!;
      const mid = (below + y2) / 2;
      path = `M ${x1} ${y1} V ${below} C ${x1} ${mid}, ${x2} ${mid}, ${x2} ${y2}`;
    } else {
      path = `M ${x1} ${y1} L ${x2} ${y2}`;
    }
    edges.push({ ...edge, x1, y1, x2, y2, path });
  }
  return { width, height, nodes: placed, edges };
}

/** The number in a node id (`person-4` → 4). */
export function nodeNumber(id: string): number | null {
  const match = /-(\d+)$/.exec(id);
  return match ? Number(match[1]) : null;
}
