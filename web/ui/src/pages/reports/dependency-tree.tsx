import type { ToolOutput } from '../../api/tool-types.ts';

type Tree = ToolOutput<'explain_metric'>['tree'];

/** What a metric uses, down to base metrics: each node with its formula or source. */
export function DependencyTree({ tree, label = 'Uses', hideRoot = false }: { tree: Tree; label?: string; hideRoot?: boolean }) {
  return (
    <div className="dependency-tree" aria-label={label} role="group">
      <ul>{hideRoot ? tree.uses.map((child, index) => <TreeNode key={`${child.key}-${index}`} node={child} />) : <TreeNode node={tree} />}</ul>
    </div>
  );
}

function TreeNode({ node }: { node: Tree }) {
  return (
    <li>
      <span className="tree-name">{node.label}</span> <code>{node.key}</code>
      {node.formula ? <span className="tree-detail"> = <code>{node.formula}</code></span> : node.source ? <span className="tree-detail muted"> from <code>{node.source}</code></span> : null}
      {node.uses.length ? <ul>{node.uses.map((child, index) => <TreeNode key={`${child.key}-${index}`} node={child} />)}</ul> : null}
    </li>
  );
}
