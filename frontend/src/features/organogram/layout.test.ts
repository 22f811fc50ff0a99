import { describe, expect, it } from 'vitest';
import type { Organogram, OrganogramNode } from '../../api/registryTypes';
import { DEFAULT_OPTIONS, firstRowSize, layoutOrganogram, nodeNumber, orderTiers, wrap, type PlacedNode } from './layout';

const graph: Organogram = {
  schoolId: 1,
  schoolName: 'OBS De Spil',
  nodes: [
    { id: 'school-1', type: 'school', label: 'OBS De Spil', roles: [], category: null },
    { id: 'person-1', type: 'person', label: 'Dewi Directeur', roles: ['Schoolleider / directeur'], category: null },
    { id: 'person-2', type: 'person', label: 'Chris Coördinator', roles: ['IB', 'Extra', 'Meer', 'Nog meer'], category: null },
    { id: 'person-4', type: 'person', label: 'Sanne de Vries', roles: [], category: null },
    // Listed first, but linked to the last person: it goes last in its tier.
    { id: 'partner-9', type: 'partner', label: 'Kinderopvang Het Speelhuis', roles: [], category: 'Kinderopvang' },
    { id: 'partner-2', type: 'partner', label: 'CJG Haarlem', roles: [], category: 'Jeugdhulp / CJG' },
  ],
  edges: [
    { source: 'school-1', target: 'person-1', type: 'holds-role', label: 'Schoolleider' },
    { source: 'school-1', target: 'person-2', type: 'holds-role', label: 'IB' },
    { source: 'school-1', target: 'person-4', type: 'holds-role', label: 'Contact' },
    { source: 'person-2', target: 'partner-2', type: 'contact-for', label: 'Contact' },
    { source: 'person-4', target: 'partner-9', type: 'contact-for', label: 'Contact' },
    { source: 'person-1', target: 'partner-404', type: 'contact-for', label: 'Unknown node' },
  ],
};

const find = (nodes: PlacedNode[], id: string) => nodes.find((n) => n.id === id)!;
const inside = (x: number, n: PlacedNode) => x > n.x && x < n.x + n.width;

describe('organogram tier layout', () => {
  it('puts the school on top, people in the middle and partners at the bottom', () => {
    const { nodes } = layoutOrganogram(graph);
    const bottom = (tier: number) => Math.max(...nodes.filter((n) => n.tier === tier).map((n) => n.y + n.height));
    const top = (tier: number) => Math.min(...nodes.filter((n) => n.tier === tier).map((n) => n.y));
    expect(bottom(0)).toBeLessThan(top(1));
    expect(bottom(1)).toBeLessThan(top(2));
    expect(nodes.map((n) => n.tier)).toEqual([0, 1, 1, 1, 2, 2]);
  });

  it('orders partners under the people they are linked to', () => {
    expect(orderTiers(graph)[2]!.map((n) => n.id)).toEqual(['partner-2', 'partner-9']);
    const { nodes } = layoutOrganogram(graph);
    expect(find(nodes, 'partner-2').x).toBeLessThan(find(nodes, 'partner-9').x);
  });

  it('keeps nodes apart, inside the drawing, and centres each row', () => {
    const layout = layoutOrganogram(graph);
    const people = layout.nodes.filter((n) => n.tier === 1);
    for (let i = 1; i < people.length; i++) {
      expect(people[i]!.x - people[i - 1]!.x).toBe(DEFAULT_OPTIONS.nodeWidth + DEFAULT_OPTIONS.gapX);
    }
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(DEFAULT_OPTIONS.margin - 0.001);
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width - DEFAULT_OPTIONS.margin + 0.001);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
    const school = layout.nodes[0]!;
    expect(school.x + school.width / 2).toBeCloseTo(layout.width / 2);
    // A row is as high as its tallest box; a person shows at most three role lines.
    expect(find(layout.nodes, 'person-2').details).toEqual(['IB', 'Extra', '+2…']);
    expect(new Set(people.map((n) => n.height)).size).toBe(1);
  });

  it('wraps and shortens names so they fit their box', () => {
    const { nodes } = layoutOrganogram(graph);
    const max = Math.floor((DEFAULT_OPTIONS.nodeWidth - 2 * DEFAULT_OPTIONS.padding) / DEFAULT_OPTIONS.labelChar);
    const speelhuis = find(nodes, 'partner-9');
    expect(speelhuis.lines.join(' ')).toBe('Kinderopvang Het Speelhuis');
    expect(speelhuis.lines.length).toBe(2);
    for (const n of nodes) for (const line of n.lines) expect(line.length).toBeLessThanOrEqual(max);
    expect(wrap('Een heel lange naam die echt niet op twee regels past', 12, 2)).toEqual(['Een heel', 'lange naam…']);
  });

  it('draws a bus from the school, and contact lines from the bottom of a person to the top of a partner', () => {
    const layout = layoutOrganogram(graph);
    expect(layout.edges).toHaveLength(5);
    const school = layout.nodes[0]!;
    const dewi = find(layout.nodes, 'person-1');
    const toDewi = layout.edges.find((e) => e.target === 'person-1')!;
    expect(toDewi.path).toMatch(new RegExp(`^M ${school.x + school.width / 2} ${school.y + school.height} V [\\d.]+ H ${dewi.x + dewi.width / 2} V ${dewi.y}$`));
    const edge = layout.edges.find((e) => e.target === 'partner-2')!;
    const chris = find(layout.nodes, 'person-2');
    const cjg = find(layout.nodes, 'partner-2');
    expect(edge).toMatchObject({ x1: chris.x + chris.width / 2, y1: chris.y + chris.height, x2: cjg.x + cjg.width / 2, y2: cjg.y });
  });

  it('lays a long tier out in two rows like bricks, so lines pass between the boxes', () => {
    const people: OrganogramNode[] = Array.from({ length: 9 }, (_, i) => ({
      id: `person-${i + 10}`,
      type: 'person',
      label: `Persoon ${i}`,
      roles: [],
      category: null,
    }));
    const many: Organogram = {
      ...graph,
      nodes: [graph.nodes[0]!, ...people],
      edges: people.map((p) => ({ source: 'school-1', target: p.id, type: 'holds-role' as const, label: 'Rol' })),
    };
    expect(firstRowSize(9, 4)).toBe(5);
    expect(firstRowSize(3, 4)).toBe(3);
    const layout = layoutOrganogram(many, { maxPerRow: 4 });
    const tier = layout.nodes.filter((n) => n.tier === 1);
    const rows = [...new Set(tier.map((n) => n.y))];
    expect(rows).toHaveLength(2);
    const [first, second] = [tier.filter((n) => n.y === rows[0]), tier.filter((n) => n.y === rows[1])];
    expect([first.length, second.length]).toEqual([5, 4]);
    for (const lower of second) {
      const centre = lower.x + lower.width / 2;
      expect(first.some((upper) => inside(centre, upper))).toBe(false);
    }
    for (const upper of first) {
      const centre = upper.x + upper.width / 2;
      expect(second.some((lower) => inside(centre, lower))).toBe(false);
    }
    expect(layout.width).toBe(2 * DEFAULT_OPTIONS.margin + 5 * DEFAULT_OPTIONS.nodeWidth + 4 * DEFAULT_OPTIONS.gapX);
  });

  it('reads the record number from a node id', () => {
    expect(nodeNumber('person-42')).toBe(42);
    expect(nodeNumber('school')).toBeNull();
  });
});
