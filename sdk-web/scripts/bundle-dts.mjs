// Joins the declarations tsc wrote to dist/types/ into the one file the server serves,
// dist/parley-express.d.ts: module imports go, and only what src/index.ts exports stays exported.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const dir = 'dist/types';
const index = readFileSync(`${dir}/index.d.ts`, 'utf8');
const exported = new Set();
for (const m of index.matchAll(/export (?:type )?\{([^}]*)\}/g)) {
  for (const part of m[1].split(',')) {
    const name = part.trim().split(/\s+as\s+/)[0];
    if (name) exported.add(name);
  }
}
let out = '// Parley Web SDK (parley-express): ZegoExpressEngine-shaped signaling client. Generated from src/.\n';
for (const file of readdirSync(dir).filter((f) => f.endsWith('.d.ts') && f !== 'index.d.ts').sort()) {
  const text = readFileSync(`${dir}/${file}`, 'utf8')
    .split('\n')
    .filter((line) => !/^import /.test(line) && !/^export \{\};?$/.test(line))
    .map((line) => {
      const m = line.match(/^export (declare )?(class|interface|function|type|const|enum|abstract class) (\w+)/);
      return m && !exported.has(m[3]) ? line.replace(/^export /, '') : line;
    })
    .join('\n');
  out += `\n// ${file.replace('.d.ts', '.ts')}\n${text}`;
}
out += '\nexport { ExpressEngine as ZegoExpressEngine };\nexport default ExpressEngine;\n';
writeFileSync('dist/parley-express.d.ts', out);
