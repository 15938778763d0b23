/** The tool words its reasons in lower case after the field's path; shown beside the field, they start a sentence. */
function sentence(message: string): string {
  return message ? message[0]!.toUpperCase() + message.slice(1) : message;
}

/** The tool's complaints about one field, shown right beside it. */
export function FieldIssues({ issues, id }: { issues: ReadonlyArray<{ path: string; message: string }>; id?: string }) {
  if (!issues.length) return null;
  return (
    <ul className="field-issues" id={id} role="alert">
      {issues.map((issue) => <li key={`${issue.path}:${issue.message}`} className="field-error" data-path={issue.path}>{sentence(issue.message)}</li>)}
    </ul>
  );
}
