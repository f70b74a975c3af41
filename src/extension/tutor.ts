import type { CheckService } from "../services/checkService";
import type { TutorContext } from "./tutorContext";
import type { TutorDiagnostics } from "../diagnostics/tutorDiagnostics";
import type { PackRegistry } from "../services/packRegistry";
import type { ProgressStore } from "../progress/progressStore";
import type { ExercisePresenter } from "../webview/exercisePresenter";
import type { SolutionFiles } from "../workspace/solutionFiles";

/** The extension's services, built once in activate and handed to the command factories. */
export interface Tutor {
  ctx: TutorContext;
  packs: PackRegistry;
  solutions: SolutionFiles;
  progress: ProgressStore;
  diagnostics: TutorDiagnostics;
  checks: CheckService;
  presenter: ExercisePresenter;
}
