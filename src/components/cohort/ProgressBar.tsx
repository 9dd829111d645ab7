/**
 * ProgressBar is a labelled progress bar (role progressbar, its label and percentage above the track); it exists so
 * that the trial's run and its run across plausible models show progress the same way.
 */
export function ProgressBar({
  id,
  label,
  done,
  total,
  valueText,
  testId,
}: {
  id: string;
  label: string;
  done: number;
  total: number;
  valueText?: string;
  testId: string;
}) {
  const percent = total > 0 ? Math.round((100 * done) / total) : 0;
  return (
    <>
      <div className="trial-progress-head">
        <span id={id}>{label}</span>
        <span aria-hidden="true">{percent} %</span>
      </div>
      <div
        className="trial-progress-track"
        role="progressbar"
        data-testid={testId}
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={valueText}
      >
        {/* scaled, not resized: the fill's animation runs on the compositor, with no layout or paint of the page */}
        <div className="trial-progress-fill" style={{ transform: `scaleX(${percent / 100})` }} />
      </div>
    </>
  );
}
