// Parses every .lkml file under a directory with lookml-parser: prints one JSON object
// {files: {relative path: parsed file}, models: {name: {views: [...], explores: [...]}}}.
// A syntax error exits with code 1 and names the file.
const fs = require('fs');
const path = require('path');
const lookml = require(process.argv[2]);
const root = process.argv[3];
const strip = (key, value) => (key === '$strings' ? undefined : value);
function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return e.name.endsWith('.lkml') ? [p] : [];
  });
}
(async () => {
  const files = {};
  for (const file of walk(root).sort()) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    try {
      files[rel] = JSON.parse(JSON.stringify(lookml.parse(fs.readFileSync(file, 'utf8')), strip));
    } catch (e) {
      throw new Error(rel + ': ' + String(e));
    }
  }
  const quiet = { log() {}, warn() {}, error() {} };
  const project = await lookml.parseFiles({
    source: path.join(root, '**/*.lkml'),
    fileOutput: 'by-name',
    console: quiet,
  });
  const models = {};
  for (const [name, model] of Object.entries(project.model || {})) {
    models[name] = {
      views: Object.keys(model.view || {}).sort(),
      explores: Object.keys(model.explore || {}).sort(),
    };
  }
  process.stdout.write(JSON.stringify({ files, models }));
})().catch((e) => {
  process.stderr.write(String((e && e.message) || e));
  process.exit(1);
});
