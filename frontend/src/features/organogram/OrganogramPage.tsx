import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { School } from '../../api/types';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SchoolView } from '../../components/SchoolView';
import { useT } from '../../lib/i18n';
import { useCategoryName, useRoleName } from '../../lib/scope';
import type { Organogram } from '../../api/registryTypes';
import { useOrganogram } from './api';
import { DEFAULT_OPTIONS, layoutOrganogram, nodeNumber, type PlacedNode } from './layout';

type View = 'graph' | 'list';

export function OrganogramPage() {
  const { t } = useT();
  return (
    <SchoolView title={t('organogram.title')} intro={t('organogram.intro')}>
      {(school) => <OrganogramView school={school} />}
    </SchoolView>
  );
}

function OrganogramView({ school }: { school: School }) {
  const { t } = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const view: View = searchParams.get('view') === 'list' ? 'list' : 'graph';
  const query = useOrganogram(school.id);
  const roleName = useRoleName(school.boardId);
  const categoryName = useCategoryName(school.boardId);

  function choose(next: View) {
    setSearchParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (next === 'graph') p.delete('view');
        else p.set('view', next);
        return p;
      },
      { replace: true },
    );
  }

  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  // Role and category names in the user's language (the API gives Dutch role names, category codes).
  const data: Organogram = {
    ...query.data,
    nodes: query.data.nodes.map((n) => ({
      ...n,
      roles: (n.roles ?? []).map((r) => roleName.byDutchName(r)),
      category: n.category ? categoryName(n.category) : n.category,
    })),
    edges: query.data.edges.map((e) => ({ ...e, label: roleName.byDutchName(e.label) })),
  };
  const people = data.nodes.filter((n) => n.type === 'person').length;
  const partners = data.nodes.filter((n) => n.type === 'partner').length;

  return (
    <>
      <div className="view-toggle no-print" role="group" aria-label={t('organogram.viewLabel')}>
        <button type="button" className="button" aria-pressed={view === 'graph'} onClick={() => choose('graph')}>
          {t('organogram.graphView')}
        </button>
        <button type="button" className="button" aria-pressed={view === 'list'} onClick={() => choose('list')}>
          {t('organogram.listView')}
        </button>
      </div>
      <p className="muted">{t('organogram.summary', { people, partners })}</p>
      {people === 0 ? (
        <p>{t('organogram.empty')}</p>
      ) : view === 'graph' ? (
        <OrganogramGraph data={data} />
      ) : (
        <OrganogramList data={data} />
      )}
    </>
  );
}

/** The schema as SVG: one image, with the same content as the list view for screen readers. */
export function OrganogramGraph({ data }: { data: Organogram }) {
  const { t } = useT();
  const id = useId();
  const layout = layoutOrganogram(data);
  const people = data.nodes.filter((n) => n.type === 'person').length;
  const partners = data.nodes.filter((n) => n.type === 'partner').length;
  return (
    <figure className="organogram-figure">
      <div className="organogram-scroll" role="region" aria-label={t('organogram.graphView')} tabIndex={0}>
        <svg
          className="organogram"
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={layout.width}
          height={layout.height}
          data-testid="organogram-svg"
        >
          <title id={`${id}-title`}>{t('organogram.graphTitle', { school: data.schoolName })}</title>
          <desc id={`${id}-desc`}>{t('organogram.graphDesc', { people, partners })}</desc>
          <g className="edges">
            {layout.edges.map((e, i) => (
              <path key={i} className={`edge edge-${e.type}`} d={e.path} />
            ))}
          </g>
          <g className="nodes">
            {layout.nodes.map((n) => (
              <GraphNode key={n.id} node={n} />
            ))}
          </g>
        </svg>
      </div>
      <figcaption className="muted">{t('organogram.legend')}</figcaption>
    </figure>
  );
}

function GraphNode({ node }: { node: PlacedNode }) {
  const { padding, labelLine, detailLine } = DEFAULT_OPTIONS;
  return (
    <g className={`node node-${node.type}`} transform={`translate(${node.x}, ${node.y})`}>
      <rect width={node.width} height={node.height} rx={node.type === 'partner' ? 16 : 6} />
      {node.lines.map((line, i) => (
        <text key={`l${i}`} x={padding} y={padding + (i + 1) * labelLine - 4} className="node-label">
          {line}
        </text>
      ))}
      {node.details.map((line, i) => (
        <text key={`d${i}`} x={padding} y={padding + node.lines.length * labelLine + (i + 1) * detailLine - 3} className="node-role">
          {line}
        </text>
      ))}
    </g>
  );
}

/** The same organogram as a nested list: school → people with their roles → the partners they are contact for. */
export function OrganogramList({ data }: { data: Organogram }) {
  const { t } = useT();
  const people = data.nodes.filter((n) => n.type === 'person');
  const nodes = new Map(data.nodes.map((n) => [n.id, n]));
  return (
    <ul className="organogram-list" data-testid="organogram-list">
      <li>
        <strong>{data.schoolName}</strong> <span className="muted">({t('organogram.types.school')})</span>
        <ul>
          {people.map((person) => {
            const contactFor = data.edges.filter((e) => e.source === person.id && e.type === 'contact-for');
            const personId = nodeNumber(person.id);
            return (
              <li key={person.id}>
                {personId ? <Link to={`/people/${personId}`}>{person.label}</Link> : person.label}
                {(person.roles ?? []).length > 0 && <span>: {(person.roles ?? []).join(', ')}</span>}
                {contactFor.length > 0 && (
                  <ul>
                    {contactFor.map((edge, index) => {
                      const partner = nodes.get(edge.target);
                      const partnerId = nodeNumber(edge.target);
                      return (
                        <li key={`${edge.target}-${index}`}>
                          {t('organogram.contactFor')}{' '}
                          {partnerId ? <Link to={`/partners/${partnerId}`}>{partner?.label ?? edge.target}</Link> : partner?.label}
                          {partner?.category && <span className="muted"> ({partner.category})</span>}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      </li>
    </ul>
  );
}
