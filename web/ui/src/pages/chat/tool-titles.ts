import { useEffect, useState } from 'react';
import { displayName } from '../../../../../tools/common/display-names.ts';
import { useApi } from '../../auth/session.tsx';
import { catalogue } from '../../forms/tool-catalogue.ts';

export type ToolTitles = ReadonlyMap<string, string>;

const NONE: ToolTitles = new Map();

/** Each tool's title for people ("Vendor performance"), from the catalogue the session already loads. */
export function useToolTitles(): ToolTitles {
  const api = useApi();
  const [titles, setTitles] = useState<ToolTitles>(NONE);
  useEffect(() => {
    let current = true;
    catalogue(api).then(
      (tools) => {
        if (current) setTitles(new Map(tools.map((tool) => [tool.name, tool.title])));
      },
      // Without the catalogue each tool is still named in words, from its name.
      () => {},
    );
    return () => {
      current = false;
    };
  }, [api]);
  return titles;
}

/** A tool missing from the catalogue (not listed for this role) still reads as words, never as `snake_case`. */
export function toolTitle(name: string, titles: ToolTitles): string {
  return titles.get(name) ?? displayName(name);
}
