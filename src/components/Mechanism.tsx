/**
 * Mechanism is the diagram of the pathways the model links (NRF2, COX-2, PGE2, CD24, IL-6, PD-L1, ...) shaded by
 * their level at the cursor day; it exists so that a curve can be traced back to the mechanism behind it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { sampleAt } from '../charts/format';
import { drawMechanism, MECHANISM_NODES, type NodeId, type NodeState } from '../charts/mechanism';
import { levelFill } from '../charts/palette';
import { type MessageKey, useT } from '../i18n';
import { selectedInputs, useExplorer } from '../store/explorer';
import { drawWhenSeen, useInView, useSeen } from './useInView';
import { useReportError } from './useReportError';

/** Drug level above which a node counts as blocked in the diagram, nM (well above every drug's half-maximal level). */
const BLOCKED_NM = 1;

export function Mechanism() {
  const t = useT();
  const svg = useRef<SVGSVGElement>(null);
  const inView = useInView(svg);
  const [selected, setSelected] = useState<NodeId | null>(null);
  // below the fold, the levels follow a slider's moves (the result and the inputs) once input pauses or when
  // scrolled to (useSeen)
  const view = useSeen(
    useExplorer((s) => s.result),
    inView,
  );
  const meta = useExplorer((s) => s.meta);
  const selectedArm = useExplorer((s) => s.selectedArm);
  const inputs = useSeen(useExplorer(useShallow(selectedInputs)), inView);
  const cursorDay = useExplorer((s) => s.cursorDay);

  const states = useMemo<NodeState[]>(() => {
    const key = meta[selectedArm]?.key;
    const index = view ? view.keys.indexOf(key ?? -1) : -1;
    const arm = index >= 0 && view ? view.result.arms[index] : null;
    const value = (series: string) => {
      const values = arm?.series[series as keyof typeof arm.series];
      return arm && values ? sampleAt(arm.t, values, cursorDay) : Number.NaN;
    };
    const max = (series: string) => {
      let m = 0;
      for (const a of view?.result.arms ?? []) {
        const values = a.series[series as keyof typeof a.series];
        if (values) for (let i = 0; i < values.length; i++) if (values[i] > m) m = values[i];
      }
      return m;
    };
    return MECHANISM_NODES.map((n) => ({
      id: n.id,
      level:
        arm || !['pge2', 'infiltration', 'dc', 'cd8', 'ifn', 'pdl1', 'cd24', 'phagocytosis', 'm2'].includes(n.id)
          ? n.level({ inputs, value, max })
          : null,
      blocked: (n.blockedBy ?? []).some((drug) => value(`drug.${drug}`) > BLOCKED_NM),
    }));
  }, [view, meta, selectedArm, inputs, cursorDay]);

  const reportError = useReportError();

  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    return drawWhenSeen(
      inView,
      () =>
        drawMechanism(element, states, {
          label: (id: NodeId) => t(`node.${id}` as MessageKey),
          describe: (s) =>
            [
              t(`node.${s.id}` as MessageKey),
              s.level === null ? '' : t('mechanism.level', { level: s.level.toFixed(2) }),
              s.blocked ? t('mechanism.blocked') : '',
            ]
              .filter(Boolean)
              .join(', '),
          blockedText: t('mechanism.blocked'),
          selected,
          onSelect: (id) => setSelected((current) => (current === id ? null : id)),
        }),
      reportError,
    );
  }, [states, selected, t, inView, reportError]);

  return (
    <section className="mechanism" aria-labelledby="mechanism-heading" data-testid="mechanism">
      <h2 id="mechanism-heading">{t('mechanism.title')}</h2>
      <p className="hint">{t('mechanism.description')}</p>
      <div className="mechanism-body">
        {/* on a phone the diagram keeps a readable size and scrolls sideways (its nodes take focus, so the keyboard
            scrolls it too) */}
        <div className="mechanism-scroll">
          {/* biome-ignore lint/a11y/useSemanticElements: an SVG group of focusable nodes cannot be a fieldset */}
          <svg
            ref={svg}
            className="mechanism-svg"
            role="group"
            aria-label={t('mechanism.title')}
            data-testid="mechanism-svg"
          />
        </div>
        <div className="mechanism-side">
          <div className="level-legend" aria-hidden="true">
            <span>{t('mechanism.legendLow')}</span>
            <span
              className="level-ramp"
              style={{ background: `linear-gradient(to right, ${levelFill(0)}, ${levelFill(1)})` }}
            />
            <span>{t('mechanism.legendHigh')}</span>
            <span className="edge-key">→ {t('mechanism.activates')}</span>
            <span className="edge-key inhibit">⊣ {t('mechanism.inhibits')}</span>
          </div>
          <div className="explanation" aria-live="polite" data-testid="mechanism-explanation">
            {selected ? (
              <>
                <h3>{t(`node.${selected}` as MessageKey)}</h3>
                <p>{t(`node.${selected}.text` as MessageKey)}</p>
                <button type="button" onClick={() => setSelected(null)}>
                  {t('mechanism.close')}
                </button>
              </>
            ) : (
              <p className="muted">{t('mechanism.select')}</p>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}
