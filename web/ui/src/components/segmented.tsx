/** A small set of exclusive choices as toggle buttons (each announces whether it is pressed). */
export function Segmented<Value extends string>({ label, options, value, onChange }: {
  label: string;
  options: ReadonlyArray<{ value: Value; label: string }>;
  value: NoInfer<Value>;
  onChange(value: NoInfer<Value>): void;
}) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((option) => (
        <button key={option.value} type="button" aria-pressed={option.value === value} onClick={() => onChange(option.value)}>
          {option.label}
        </button>
      ))}
    </div>
  );
}
