import * as vscode from "vscode";
import { TutorDiagnostics } from "../diagnostics/tutorDiagnostics";
import { ModelInspector } from "../inspect/inspectPanel";
import { PlaygroundPanels } from "../playground/playgroundPanel";
import { ProgressJournal } from "../progress/progressJournal";
import { ProgressStore } from "../progress/progressStore";
import { CheckService } from "../services/checkService";
import { PackRegistry } from "../services/packRegistry";
import { ExercisePresenter } from "../webview/exercisePresenter";
import { SolutionFiles } from "../workspace/solutionFiles";
import { Disposable } from "./disposable";
import { createLog } from "./log";
import { WorkspaceTrust } from "./trust";

/**
 * The one object that owns everything the extension creates: its services (built here, once, in the order
 * they depend on each other), the panels, and whatever the command factories and views register. VS Code
 * disposes it with the extension, and it disposes what it owns, newest first, so nothing leaks.
 */
export class TutorContext extends Disposable {
  readonly log: vscode.LogOutputChannel;
  readonly trust = new WorkspaceTrust();
  readonly packs: PackRegistry;
  readonly solutions: SolutionFiles;
  readonly progress: ProgressStore;
  readonly diagnostics: TutorDiagnostics;
  readonly checks: CheckService;
  readonly playground: PlaygroundPanels;
  readonly inspector: ModelInspector;
  /** The only thing that renders the results panel (it owns that panel). */
  readonly presenter: ExercisePresenter;

  constructor(readonly extension: vscode.ExtensionContext) {
    super();
    extension.subscriptions.push(this);
    this.log = this.register(createLog());
    this.packs = this.register(new PackRegistry(this));
    this.solutions = new SolutionFiles(this);
    this.progress = this.register(new ProgressStore(extension.globalState, new ProgressJournal(extension.globalStorageUri.fsPath, (message) => this.log.warn(message))));
    this.diagnostics = this.register(new TutorDiagnostics());
    this.checks = this.register(new CheckService(this, this.packs, this.solutions, this.progress, this.diagnostics));
    this.playground = this.register(new PlaygroundPanels(this));
    this.inspector = this.register(new ModelInspector(this));
    this.presenter = this.register(new ExercisePresenter(this, this.packs, this.solutions, this.progress, this.checks, this.playground));
  }

  get extensionUri(): vscode.Uri {
    return this.extension.extensionUri;
  }
}
