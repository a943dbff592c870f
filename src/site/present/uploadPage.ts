/**
 * /upload/: the form that sends a fresh CRM export, and the words its
 * script (public/upload.js) says while the file goes up and the site
 * rebuilds, handed to it in the page so it speaks the site's language.
 */
import { DEFAULT_MAX_MB } from '../../core/upload/env.ts';
import { UPLOAD_KINDS } from '../../core/upload/kinds.ts';
import type { SiteModel } from '../model.ts';
import { fill } from '../text/dictionary.ts';
import { frameOf, type Frame } from './frame.ts';
import { siteTitle } from './pageHead.ts';

/** The words upload.js needs, by its own names. */
const SCRIPT_WORDS = ['sending', 'accepted', 'waiting', 'rebuilding', 'rebuilt', 'openSite', 'failed', 'triggered', 'problems', 'more', 'rejected', 'knockOns', 'knockOn', 'knockOnAt', 'answered', 'refused', 'offline'] as const;
const COLUMNS = ['file', 'line', 'column', 'value', 'rule'] as const;

export interface UploadPage {
  frame: Frame;
  title: string;
  lead: string;
  action: string;
  status: string;
  stylesheet: string;
  script: string;
  fields: { file: string; fileHint: string; kind: string; exported: string; exportedHint: string; token: string; submit: string; progress: string };
  kinds: { value: string; text: string }[];
  /** upload.js's words as JSON, for the form's `data-words`. */
  scriptWords: string;
}

export function uploadPage(site: SiteModel): UploadPage {
  const { l } = site.words;
  const { urls } = site;
  const words = Object.fromEntries([...SCRIPT_WORDS.map((k) => [k, l[`upload.${k}`]]), ['columns', COLUMNS.map((c) => l[`upload.col.${c}`])]]);
  return {
    frame: frameOf(site, siteTitle(site, l['upload.title'])),
    title: l['upload.title'],
    lead: l['upload.lead'],
    action: urls.asset('api/upload'),
    status: urls.asset('api/status'),
    stylesheet: urls.asset('upload.css'),
    script: urls.asset('upload.js'),
    fields: {
      file: l['upload.file'],
      fileHint: fill(l['upload.fileHint'], { mb: DEFAULT_MAX_MB }),
      kind: l['upload.kind'],
      exported: l['upload.exported'],
      exportedHint: l['upload.exportedHint'],
      token: l['upload.token'],
      submit: l['upload.submit'],
      progress: l['upload.progress'],
    },
    kinds: [{ value: 'auto', text: l['upload.kind.auto'] }, ...UPLOAD_KINDS.map((kind) => ({ value: kind, text: l[`upload.kind.${kind}`] }))],
    scriptWords: JSON.stringify(words),
  };
}

export interface NotFoundPage {
  frame: Frame;
  title: string;
  body: string;
  links: { href: string; text: string }[];
}

/** 404.html: a plain "not found" with the way back. */
export function notFoundPage(site: SiteModel): NotFoundPage {
  const { l } = site.words;
  return {
    frame: frameOf(site, siteTitle(site, l['notFound.title'])),
    title: l['notFound.title'],
    body: l['notFound.body'],
    links: [{ href: site.scopes.team.href, text: l['notFound.home'] }, { href: site.urls.reports, text: l['reports.title'] }],
  };
}
