/**
 * SavedScenarios is the panel of scenarios kept in this browser (save under a name, load, rename, delete with Undo)
 * and of scenario files (open a .json saved with the export). It exists so that prepared scenarios are not lost
 * with a tab, and an exported scenario loads back; a storage or file problem is said in words and changes nothing.
 */
import { type ChangeEvent, type FormEvent, useId, useRef, useState } from 'react';
import { locale, useLanguage, useT } from '../i18n';
import { decodeScenario } from '../scenario/codec';
import { useExplorer } from '../store/explorer';
import {
  cleanName,
  deleteSaved,
  dismissSavedNotice,
  renameSaved,
  SAVED_LIMIT,
  SAVED_NAME_MAX,
  type SavedScenario,
  saveScenario,
  undoDeleteSaved,
  useSaved,
} from '../store/saved';
import { readScenarioFile, SCENARIO_FILE_MAX_BYTES } from '../store/scenarioFile';
import { currentQuery } from '../store/url';
import { linkErrorDetail, linkErrorText } from './linkErrorText';

type Message = { kind: 'ok' | 'problem'; text: string; details?: string[] } | null;

export function SavedScenarios() {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const entries = useSaved((s) => s.entries);
  const problem = useSaved((s) => s.problem);
  const deleted = useSaved((s) => s.deleted);
  const unreadable = useSaved((s) => s.unreadable);
  const setScenario = useExplorer((s) => s.setScenario);
  const nameId = useId();
  const headingId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [renaming, setRenaming] = useState<string | null>(null);

  const defaultName = () => {
    const names = new Set(entries.map((e) => e.name));
    for (let n = entries.length + 1; ; n++) {
      const candidate = t('saved.defaultName', { n });
      if (!names.has(candidate)) return candidate;
    }
  };

  const problemText = (p: typeof problem) =>
    p === 'quota'
      ? t('saved.problem.quota')
      : p === 'full'
        ? t('saved.problem.full', { max: SAVED_LIMIT })
        : p === 'unavailable'
          ? t('saved.problem.unavailable')
          : '';

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    const chosen = cleanName(name) || defaultName();
    const replacing = entries.some((x) => x.name === chosen);
    if (saveScenario(chosen, currentQuery())) {
      setMessage({ kind: 'ok', text: t(replacing ? 'saved.replaced' : 'saved.savedAs', { name: chosen }) });
      setName('');
    } else setMessage({ kind: 'problem', text: problemText(useSaved.getState().problem) });
  };

  const load = (entry: SavedScenario) => {
    const { scenario, errors, view } = decodeScenario(entry.query);
    setScenario(scenario, { kind: 'saved', subject: entry.name }, view.preset ?? null);
    setMessage(
      errors.length > 0
        ? {
            kind: 'problem',
            text: t('saved.problems'),
            details: errors.map((er) => `${linkErrorText(er)} ${linkErrorDetail(er, language).text}`),
          }
        : null,
    );
  };

  const openFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again after fixing it
    if (!file) return;
    const name = file.name;
    if (file.size > SCENARIO_FILE_MAX_BYTES) {
      setMessage({ kind: 'problem', text: t('file.problem.tooLarge', { name }) });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({ kind: 'problem', text: t('file.problem.read', { name }) });
      return;
    }
    const result = readScenarioFile(text);
    if (result.ok) {
      setScenario(result.scenario, { kind: 'import', subject: name }, result.preset);
      setMessage(null);
    } else if (result.problem === 'fields') {
      setMessage({
        kind: 'problem',
        text: t('file.problem.fields', { name, count: result.errors.length }),
        details: result.errors.map((er) => `${linkErrorText(er)} ${linkErrorDetail(er, language).text}`),
      });
    } else if (result.problem === 'not-json') {
      setMessage({ kind: 'problem', text: t('file.problem.notJson', { name, detail: result.detail ?? '' }) });
    } else if (result.problem === 'too-large') {
      setMessage({ kind: 'problem', text: t('file.problem.tooLarge', { name }) });
    } else setMessage({ kind: 'problem', text: t('file.problem.notScenario', { name }) });
  };

  const date = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
  };

  return (
    <section className="panel-section saved" aria-labelledby={headingId} data-testid="saved">
      <h2 id={headingId}>{t('saved.title')}</h2>
      <p className="hint">{t('saved.intro')}</p>
      {unreadable ? (
        <p className="saved-problem" role="alert" data-testid="saved-unreadable">
          {t('saved.unreadable')}
        </p>
      ) : null}
      <form className="saved-form" onSubmit={onSave}>
        <label htmlFor={nameId}>{t('saved.name')}</label>
        <input
          id={nameId}
          type="text"
          data-testid="saved-name"
          value={name}
          maxLength={SAVED_NAME_MAX * 2}
          placeholder={defaultName()}
          autoComplete="off"
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit" className="primary" data-testid="saved-save">
          {t('saved.save')}
        </button>
      </form>
      <div className="saved-file">
        <button type="button" data-testid="file-open" onClick={() => fileInput.current?.click()}>
          {t('file.open')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          data-testid="file-input"
          hidden
          tabIndex={-1}
          onChange={openFile}
        />
        <span className="hint">{t('file.hint')}</span>
      </div>
      <div className="saved-message" role="status" aria-live="polite" data-testid="saved-message">
        {message ? (
          <div className={message.kind === 'problem' ? 'saved-problem' : 'saved-ok'} data-kind={message.kind}>
            <p>{message.text}</p>
            {message.details ? (
              <ul>
                {message.details.map((d, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity beyond their position
                  <li key={i}>{d}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {deleted ? (
          <div className="saved-ok" data-testid="saved-deleted">
            <p>{t('saved.deleted', { name: deleted.entry.name })}</p>
            <button type="button" className="primary" data-testid="saved-undo" onClick={undoDeleteSaved}>
              {t('saved.undo')}
            </button>
            <button type="button" onClick={dismissSavedNotice}>
              {t('saved.dismiss')}
            </button>
          </div>
        ) : null}
        {problem && !message ? <p className="saved-problem">{problemText(problem)}</p> : null}
      </div>
      {entries.length === 0 ? (
        <p className="hint" data-testid="saved-empty">
          {t('saved.empty')}
        </p>
      ) : (
        <ul className="saved-list" aria-label={t('saved.list')} data-testid="saved-list">
          {entries.map((entry) => (
            <li key={entry.id} className="saved-entry" data-testid="saved-entry">
              {renaming === entry.id ? (
                <RenameForm
                  entry={entry}
                  onDone={(ok) => {
                    setRenaming(null);
                    if (!ok) setMessage({ kind: 'problem', text: problemText(useSaved.getState().problem) });
                  }}
                />
              ) : (
                <>
                  <span className="saved-entry-name" data-testid="saved-entry-name">
                    {entry.name}
                  </span>
                  <span className="saved-entry-date muted">{date(entry.savedAt)}</span>
                  <span className="saved-entry-actions">
                    <button
                      type="button"
                      data-testid="saved-load"
                      aria-label={t('saved.loadLabel', { name: entry.name })}
                      onClick={() => load(entry)}
                    >
                      {t('saved.load')}
                    </button>
                    <button
                      type="button"
                      data-testid="saved-rename"
                      aria-label={t('saved.renameLabel', { name: entry.name })}
                      onClick={() => setRenaming(entry.id)}
                    >
                      {t('saved.rename')}
                    </button>
                    <button
                      type="button"
                      data-testid="saved-delete"
                      aria-label={t('saved.deleteLabel', { name: entry.name })}
                      onClick={() => {
                        setMessage(null);
                        if (!deleteSaved(entry.id))
                          setMessage({ kind: 'problem', text: problemText(useSaved.getState().problem) });
                      }}
                    >
                      {t('saved.delete')}
                    </button>
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RenameForm({ entry, onDone }: { entry: SavedScenario; onDone: (ok: boolean) => void }) {
  const t = useT();
  const id = useId();
  const [value, setValue] = useState(entry.name);
  const [error, setError] = useState('');
  const errorId = useId();
  return (
    <form
      className="saved-rename"
      onSubmit={(e) => {
        e.preventDefault();
        if (!cleanName(value)) {
          setError(t('saved.nameEmpty'));
          return;
        }
        onDone(renameSaved(entry.id, value));
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone(true);
        }
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('saved.newName', { name: entry.name })}
      </label>
      <input
        id={id}
        type="text"
        data-testid="saved-rename-input"
        value={value}
        // biome-ignore lint/a11y/noAutofocus: the field appears because Rename was pressed; focus goes where typing goes
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setValue(e.currentTarget.value);
          setError('');
        }}
      />
      <button type="submit" data-testid="saved-rename-ok">
        {t('saved.renameOk')}
      </button>
      <button type="button" onClick={() => onDone(true)}>
        {t('saved.cancel')}
      </button>
      {error ? (
        <p id={errorId} className="field-msg error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
