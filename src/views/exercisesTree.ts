import * as vscode from "vscode";

/** A node of the Exercises tree. Packs and exercises arrive with the packs loader. */
export type ExerciseTreeNode = { kind: "pack"; id: string; title: string } | { kind: "exercise"; packId: string; id: string; title: string };

/**
 * Lists packs and their exercises. While nothing is loaded it returns no children, so VS Code shows the
 * view's welcome content (contributed in package.json).
 */
export class ExercisesTreeProvider implements vscode.TreeDataProvider<ExerciseTreeNode> {
  private readonly changed = new vscode.EventEmitter<ExerciseTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private nodes: ExerciseTreeNode[] = [];

  setNodes(nodes: ExerciseTreeNode[]): void {
    this.nodes = nodes;
    this.refresh();
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: ExerciseTreeNode): vscode.TreeItem {
    const item = new vscode.TreeItem(
      node.title,
      node.kind === "pack" ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.contextValue = node.kind;
    return item;
  }

  getChildren(node?: ExerciseTreeNode): ExerciseTreeNode[] {
    if (!node) return this.nodes.filter((n) => n.kind === "pack");
    return node.kind === "pack" ? this.nodes.filter((n) => n.kind === "exercise" && n.packId === node.id) : [];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
