/** Bytes a reader downloads for one page: HTML, CSS and JavaScript, raw and gzipped. */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';

export interface Weight {
  html: [number, number];
  css: [number, number];
  js: [number, number];
}

const sizes = (buffers: Buffer[]): [number, number] => {
  const all = Buffer.concat(buffers);
  return [all.length, all.length ? gzipSync(all, { level: 9 }).length : 0];
};

export function pageWeight(dist: string, sitePath: string): Weight {
  const file = path.join(dist, sitePath, sitePath.endsWith('/') ? 'index.html' : '');
  const html = fs.readFileSync(file);
  const css: Buffer[] = [];
  const js: Buffer[] = [];
  let inScript = false;
  let inStyle = false;
  const parser = new Parser({
    onopentag(tag, attrs) {
      if (tag === 'link' && attrs.rel === 'stylesheet' && attrs.href?.startsWith('/')) css.push(fs.readFileSync(path.join(dist, attrs.href)));
      if (tag === 'script') {
        if (attrs.src?.startsWith('/')) js.push(fs.readFileSync(path.join(dist, attrs.src)));
        else inScript = true;
      }
      if (tag === 'style') inStyle = true;
    },
    ontext(text) {
      if (inScript) js.push(Buffer.from(text));
      if (inStyle) css.push(Buffer.from(text));
    },
    onclosetag(tag) {
      if (tag === 'script') inScript = false;
      if (tag === 'style') inStyle = false;
    },
  });
  parser.write(html.toString('utf8'));
  parser.end();
  return { html: sizes([html]), css: sizes(css), js: sizes(js) };
}

export const kb = ([raw, gz]: [number, number]) => `${(raw / 1024).toFixed(1)} KB (${(gz / 1024).toFixed(1)} KB gz)`;
