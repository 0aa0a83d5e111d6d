import { useMemo, useState, type KeyboardEvent } from 'react';
import { TEMPLATE_LEVELS, TEMPLATE_TAGS, type TemplateLevel, type TemplateTag } from '../../../app/document/template';
import type { TemplateSummary } from '../../../app/protocol/requests';
import { loadTemplate, newProject } from '../actions/files';
import { useSession } from '../store/session';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { filterTemplates, moveIndex, NO_FILTER, tagsInUse, type GalleryFilter } from './galleryFilter';
import { TemplatePicture } from './TemplatePicture';

const COLUMNS = 3;

const chip = (on: boolean) =>
  `rounded-full px-2.5 py-0.5 text-[12px] font-medium ring-1 transition-colors ${
    on ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white text-slate-600 ring-slate-200 hover:bg-slate-50 hover:text-slate-900'
  }`;

function Card({
  t,
  active,
  opening,
  onOpen,
  onHover,
}: {
  readonly t: TemplateSummary;
  readonly active: boolean;
  /** This card's template is being fetched: the gallery closes when it is here. */
  readonly opening: boolean;
  readonly onOpen: () => void;
  readonly onHover: () => void;
}) {
  return (
    <button
      type="button"
      role="option"
      id={`gallery-${t.id}`}
      aria-selected={active}
      data-testid={`template-${t.id}`}
      data-active={active}
      aria-busy={opening}
      tabIndex={-1}
      title={`Open “${t.name}”: ${t.description}`}
      onClick={onOpen}
      onMouseMove={onHover}
      className={`flex flex-col overflow-hidden rounded-lg border text-left transition-shadow ${
        active ? 'border-indigo-500 shadow-md ring-2 ring-indigo-500/40' : 'border-slate-200 hover:border-slate-300 hover:shadow-sm'
      }`}
    >
      <div className="flex h-[150px] items-center justify-center border-b border-slate-100 bg-slate-50">
        <TemplatePicture picture={t.picture} />
      </div>
      <div className="flex flex-1 flex-col gap-1 px-3 py-2.5">
        <span className="text-[13px] leading-snug font-semibold text-slate-900">
          {t.name}
          {opening && (
            <span className="ml-2 text-[12px] font-normal text-indigo-600" data-testid="template-opening">
              Opening…
            </span>
          )}
        </span>
        <span className="text-[12px] leading-snug text-slate-600" data-testid="template-summary">
          {t.summary}
        </span>
        <span className="mt-auto flex flex-wrap items-center gap-1 pt-1">
          <span
            className={`rounded px-1.5 py-px text-[11px] font-medium ${t.level === 'beginner' ? 'bg-emerald-50 text-emerald-700' : 'bg-amber-50 text-amber-800'}`}
            data-testid="template-level"
          >
            {t.level}
          </span>
          {t.tags.map((tag) => (
            <span key={tag} className="rounded bg-slate-100 px-1.5 py-px text-[11px] text-slate-600">
              {tag}
            </span>
          ))}
        </span>
      </div>
    </button>
  );
}

/**
 * "New from template": a card per template with a picture of its graph, its tags, level and one
 * line. Typing searches; arrows move through the cards, Enter opens one.
 */
export function Gallery({ onClose }: { readonly onClose: () => void }) {
  const templates = useSession((s) => s.templates);
  const error = useSession((s) => s.templatesError);
  const [filter, setFilter] = useState<GalleryFilter>(NO_FILTER);
  const [active, setActive] = useState(0);
  const [opening, setOpening] = useState<string | null>(null);
  const shown = useMemo(() => filterTemplates(templates ?? [], filter), [templates, filter]);
  const tags = useMemo(() => tagsInUse(templates ?? [], TEMPLATE_TAGS), [templates]);
  const at = Math.min(active, Math.max(0, shown.length - 1));

  const change = (patch: Partial<GalleryFilter>) => {
    setFilter({ ...filter, ...patch });
    setActive(0);
  };
  const open = (t: TemplateSummary) => {
    if (opening) return;
    setOpening(t.id);
    void loadTemplate(t.id, t.name, onClose);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      const t = shown[at];
      if (t && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        open(t);
      }
      return;
    }
    // Home and End stay with the text being typed; the arrows always move through the cards.
    if (e.target instanceof HTMLInputElement && (e.key === 'Home' || e.key === 'End')) return;
    const next = moveIndex(at, e.key, shown.length, COLUMNS);
    if (next === null) return;
    e.preventDefault();
    setActive(next);
    document.getElementById(`gallery-${shown[next]!.id}`)?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <Dialog
      title="New from template"
      testId="template-gallery"
      onClose={onClose}
      wide="xl"
      footer={
        <>
          <span className="mr-auto self-center text-[12px] text-slate-500">↑ ↓ ← → choose · Enter opens · Esc closes</span>
          <Button
            data-testid="gallery-empty"
            onClick={() => {
              onClose();
              void newProject();
            }}
            title="Start with an empty canvas instead"
          >
            Empty project
          </Button>
        </>
      }
    >
      <div onKeyDown={onKey} className="space-y-3">
        <div className="flex flex-wrap items-center gap-1.5">
          <input
            data-autofocus
            data-testid="gallery-search"
            type="search"
            value={filter.query}
            onChange={(e) => change({ query: e.target.value })}
            placeholder="Search templates by name…"
            aria-label="Search templates by name"
            aria-controls="gallery-list"
            aria-activedescendant={shown[at] ? `gallery-${shown[at].id}` : undefined}
            className="mr-2 h-8 w-64 rounded-md border border-slate-300 bg-white px-2.5 text-[13px] text-slate-800 outline-none placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20"
          />
          <button
            type="button"
            className={chip(filter.tag === null)}
            onClick={() => change({ tag: null })}
            title="Show templates of every kind"
            data-testid="gallery-tag-all"
          >
            All
          </button>
          {tags.map((tag: TemplateTag) => (
            <button
              key={tag}
              type="button"
              aria-pressed={filter.tag === tag}
              className={chip(filter.tag === tag)}
              onClick={() => change({ tag: filter.tag === tag ? null : tag })}
              title={`Show only ${tag} templates`}
              data-testid={`gallery-tag-${tag}`}
            >
              {tag}
            </button>
          ))}
          <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden />
          {TEMPLATE_LEVELS.map((level: TemplateLevel) => (
            <button
              key={level}
              type="button"
              aria-pressed={filter.level === level}
              className={chip(filter.level === level)}
              onClick={() => change({ level: filter.level === level ? null : level })}
              title={`Show only ${level} templates`}
              data-testid={`gallery-level-${level}`}
            >
              {level}
            </button>
          ))}
        </div>
        {templates && shown.length > 0 ? (
          <div id="gallery-list" role="listbox" aria-label="Templates" className="grid grid-cols-3 gap-3" data-testid="gallery-list">
            {shown.map((t, i) => (
              <Card key={t.id} t={t} active={i === at} opening={opening === t.id} onOpen={() => open(t)} onHover={() => i !== at && setActive(i)} />
            ))}
          </div>
        ) : (
          <p className="py-10 text-center text-[13px] text-slate-500" data-testid="gallery-empty-note">
            {templates
              ? 'No template matches: clear the search or pick another tag.'
              : error
                ? `Templates are unavailable: ${error}`
                : 'Templates load once the LayerLab server is connected.'}
          </p>
        )}
      </div>
    </Dialog>
  );
}
