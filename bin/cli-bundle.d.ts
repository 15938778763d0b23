/** The URL of the bundled CLI entry, rebuilt first when a source changed; null when no bundle can be built. */
export function cliBundleUrl(): Promise<string | null>;
