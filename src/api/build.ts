// The public API of building: a Plan → the documents offices circulate (Word, PDF, Excel, Markdown), written
// atomically into one folder. See render/index.ts for each function's parameters.
export {
  ALL_FORMATS,
  buildDocuments,
  LARGE_PLAN_TASKS,
  plannedFiles,
  RenderWorkers,
  startRenderWorkers,
  WHOLE_PLAN_FILES,
  type BuildOptions,
  type BuildResult,
  type BuiltFile,
  type ExtraFile,
  type Format,
} from '../render/index.js';
export { sheetUnits } from '../render/unit-view.js';
