// A headline figure with its denominator and, one click away, how it is computed.
import type { Words } from "../logic/i18n";

export function Figure({ label, value, detail, how, t, testId }: { label: string; value: string; detail: string; how: string; t: Words; testId: string }) {
  return (
    <div className="figure" data-testid={testId}>
      <span className="label">{label}</span>
      <span className="value">{value}</span>
      <span className="detail">{detail}</span>
      <details className="how">
        <summary>{t.howComputed}</summary>
        <p>{how}</p>
      </details>
    </div>
  );
}
