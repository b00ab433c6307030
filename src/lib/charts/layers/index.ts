/** The chart layers: each reads the shell's scales from context (context.ts) and draws one thing. */
export { default as Annotation } from './Annotation.svelte';
export { default as AxisX } from './AxisX.svelte';
export { default as AxisY } from './AxisY.svelte';
export { default as Band } from './Band.svelte';
export { default as Cursor } from './Cursor.svelte';
export { default as EndLabels } from './EndLabels.svelte';
export { default as Line } from './Line.svelte';
export { default as Markers } from './Markers.svelte';
export { default as Reference } from './Reference.svelte';
export { default as Selection } from './Selection.svelte';
export { default as Tooltip } from './Tooltip.svelte';
export { default as Bars } from './Bars.svelte';
export { default as Hatches } from './Hatches.svelte';
export { default as Legend } from './Legend.svelte';
export { default as RuleX } from './RuleX.svelte';
export { default as RuleY } from './RuleY.svelte';
export { default as Dot } from './Dot.svelte';
