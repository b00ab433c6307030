/**
 * The SQL editor's look, in the app's theme variables (src/app.css) so one theme serves light and dark:
 * CodeMirror writes these rules into a <style> element at run time (allowed by the site's CSP, whose
 * style-src has 'unsafe-inline'); the colours come from the variables when the page is drawn.
 */
import { EditorView } from '@codemirror/view';
import { HighlightStyle } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

const MONO = "ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, monospace";

export const editorTheme = EditorView.theme({
	'&': { height: '100%', color: 'var(--c-text)', backgroundColor: 'var(--c-surface)', fontSize: '0.9rem' },
	// The wrapper draws the focus ring (the app's yellow outline) round the whole editor.
	'&.cm-focused': { outline: 'none' },
	'.cm-scroller': { fontFamily: MONO, lineHeight: '1.5', overflow: 'auto' },
	'.cm-content': { padding: '0.6rem 0', caretColor: 'var(--c-text)' },
	'.cm-line': { padding: '0 0.75rem 0 0.5rem' },
	'.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--c-text)', borderLeftWidth: '2px' },
	'.cm-selectionBackground, ::selection': { backgroundColor: 'rgb(29 112 184 / 0.25)' },
	'&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground': { backgroundColor: 'rgb(29 112 184 / 0.35)' },
	'.cm-activeLine': { backgroundColor: 'var(--c-hover)' },
	'.cm-gutters': { backgroundColor: 'var(--c-bg)', color: 'var(--c-text-muted)', borderRight: '1px solid var(--c-border)' },
	'.cm-activeLineGutter': { backgroundColor: 'var(--c-hover)', color: 'var(--c-text)' },
	'.cm-lineNumbers .cm-gutterElement': { padding: '0 0.4rem 0 0.6rem', minWidth: '2.2em' },
	'&.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--c-selected)', outline: '1px solid var(--c-border-strong)' },
	'&.cm-focused .cm-nonmatchingBracket': { backgroundColor: 'transparent', outline: '1px solid var(--c-bad)' },
	'.cm-tooltip': {
		backgroundColor: 'var(--c-surface)',
		color: 'var(--c-text)',
		border: '1px solid var(--c-border-strong)',
		borderRadius: '3px',
		boxShadow: '0 2px 8px rgb(0 0 0 / 0.25)'
	},
	'.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: MONO, fontSize: '0.85rem', maxHeight: '14em' },
	'.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '0.15rem 0.6rem', lineHeight: '1.4' },
	'.cm-tooltip.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--c-series-1)', color: 'var(--c-on-series-1)' },
	'.cm-completionMatchedText': { textDecoration: 'none', fontWeight: '700' },
	'.cm-completionDetail': { fontStyle: 'normal', color: 'inherit', opacity: '0.8', marginLeft: '1.2em' },
	'.cm-completionInfo': { backgroundColor: 'var(--c-surface)', color: 'var(--c-text)' }
});

/** Token colours: the palette the hand-written highlighter used, all at least 3:1 on the surface. */
export const sqlHighlight = HighlightStyle.define([
	{ tag: [t.keyword, t.null, t.bool], color: 'var(--c-series-1)' },
	{ tag: t.typeName, color: 'var(--c-series-4)' },
	{ tag: t.number, color: 'var(--c-series-4)' },
	{ tag: t.string, color: 'var(--c-good)' },
	{ tag: t.special(t.string), color: 'var(--c-text)', textDecoration: 'underline dotted var(--c-border-strong)' },
	{ tag: t.standard(t.name), color: 'var(--c-warn)' },
	{ tag: t.special(t.name), color: 'var(--c-warn)' },
	{ tag: [t.lineComment, t.blockComment], color: 'var(--c-text-muted)', fontStyle: 'italic' },
	{ tag: t.operator, color: 'var(--c-text-muted)' }
]);
