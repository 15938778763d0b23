import type { Plugin } from 'vite';

/**
 * Adds <link rel="modulepreload"> for the landing page's chunks (the overview and its charts) to
 * index.html. Without it they are requested only once the app runs, and the embedded server,
 * busy with the overview's queries by then, serves them late. Other pages pay a small download.
 */
export function preloadLandingPage(sources: readonly string[]): Plugin {
  return {
    name: 'crescendo-preload-landing-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle;
        if (!bundle) return [];
        const files = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (files.has(fileName) || chunk?.type !== 'chunk') return;
          files.add(fileName);
          for (const imported of chunk.imports) visit(imported);
        };
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && !chunk.isEntry && sources.some((source) => chunk.facadeModuleId?.endsWith(source))) visit(chunk.fileName);
        }
        // The entry's own imports are already preloaded by Vite.
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && chunk.isEntry) for (const imported of [chunk.fileName, ...chunk.imports]) files.delete(imported);
        }
        return [...files].map((fileName) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `/${fileName}` }, injectTo: 'head' as const }));
      },
    },
  };
}
