/** A metric's description as written in the library, where `field` names are set in backticks: shown as code, not as stray marks. */
export function DescriptionText({ text }: { text: string }) {
  return <>{text.split('`').map((part, index) => (index % 2 ? <code key={index}>{part}</code> : part))}</>;
}
