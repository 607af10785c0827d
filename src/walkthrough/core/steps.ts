/** The walkthrough's id in package.json (`contributes.walkthroughs`). */
export const WALKTHROUGH_ID = 'firstHour';

/**
 * The walkthrough's steps (package.json, `contributes.walkthroughs`), each completed by one command having done its
 * work: the command sets the context key, and the step's completion event is `onContext:<key>`. A step completed on
 * `onCommand` would tick as the command starts, and the walkthrough, re-rendering, would close its quick pick.
 */
export const STEP_CONTEXT_KEYS: Readonly<Record<string, string>> = {
  'deepscope.newModel': 'deepscope.walkthrough.modelScaffolded',
  'deepscope.trainModel': 'deepscope.walkthrough.modelTrained',
  'deepscope.openBrokenExample': 'deepscope.walkthrough.brokenExampleOpened',
  'deepscope.openLab': 'deepscope.walkthrough.labOpened',
  'deepscope.openNote': 'deepscope.walkthrough.noteOpened',
};
