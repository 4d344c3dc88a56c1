// Parses BigQuery statements with node-sql-parser's bigquery dialect, one request per line.
// Request: {"sql": "..."}. Answer, one line each:
//   {"ok": true, "type": "select", "parameters": ["from", "to"]}
//   {"ok": false, "message": "...", "offset": 12, "line": 1, "column": 13}
// argv[2]: the directory of the installed node-sql-parser package.
'use strict';
const readline = require('readline');
const { Parser } = require(require('path').join(process.argv[2], 'build', 'bigquery'));
const parser = new Parser();

// GoogleSQL for BigQuery reserved keywords (lexical structure): an identifier spelled like one
// must be quoted with backquotes. node-sql-parser accepts them unquoted; BigQuery does not.
const RESERVED = new Set(
  ('ALL AND ANY ARRAY AS ASC ASSERT_ROWS_MODIFIED AT BETWEEN BY CASE CAST COLLATE CONTAINS CREATE'
    + ' CROSS CUBE CURRENT DEFAULT DEFINE DESC DISTINCT ELSE END ENUM ESCAPE EXCEPT EXCLUDE EXISTS'
    + ' EXTRACT FALSE FETCH FOLLOWING FOR FROM FULL GROUP GROUPING GROUPS HASH HAVING IF IGNORE IN'
    + ' INNER INTERSECT INTERVAL INTO IS JOIN LATERAL LEFT LIKE LIMIT LOOKUP MERGE NATURAL NEW NO'
    + ' NOT NULL NULLS OF ON OR ORDER OUTER OVER PARTITION PRECEDING PROTO QUALIFY RANGE RECURSIVE'
    + ' RESPECT RIGHT ROLLUP ROWS SELECT SET SOME STRUCT TABLESAMPLE THEN TO TREAT TRUE UNBOUNDED'
    + ' UNION UNNEST USING WHEN WHERE WINDOW WITH WITHIN').split(' '));

function position(sql, offset) {
  const before = sql.slice(0, offset).split('\n');
  return { offset, line: before.length, column: before[before.length - 1].length + 1 };
}

// Offset of the first bare (unquoted, whole-word) occurrence of a word, or -1.
function bare(sql, word) {
  const re = new RegExp('(^|[^\\w`.@])(' + word + ')(?![\\w`])', 'i');
  const m = re.exec(sql);
  return m ? m.index + m[1].length : -1;
}

// Unquoted identifiers of the AST: column names, STRUCT field names, CLUSTER BY columns.
function identifiers(node, out) {
  if (Array.isArray(node)) {
    node.forEach((n) => identifiers(n, out));
    return out;
  }
  if (node === null || typeof node !== 'object') return out;
  if (node.type === 'column_ref' && !node.table && node.column && node.column.expr
      && node.column.expr.type === 'default') {
    out.push(node.column.expr.value);
  }
  if (typeof node.field_name === 'string') out.push(node.field_name);
  if (node.keyword === 'cluster by' && Array.isArray(node.value)) {
    node.value.filter((v) => typeof v === 'string').forEach((v) => out.push(v));
  }
  Object.values(node).forEach((v) => identifiers(v, out));
  return out;
}

function parameters(node, out) {
  if (Array.isArray(node)) {
    node.forEach((n) => parameters(n, out));
  } else if (node !== null && typeof node === 'object') {
    if (node.type === 'param' && node.prefix === '@') out.add(node.value);
    Object.values(node).forEach((v) => parameters(v, out));
  }
  return out;
}

function answer(sql) {
  let ast;
  try {
    ast = parser.astify(sql, { database: 'bigquery' });
  } catch (e) {
    const start = e.location && e.location.start;
    return start
      ? { ok: false, message: e.message, offset: start.offset, line: start.line, column: start.column }
      : { ok: false, message: String(e && e.message || e), offset: -1, line: 0, column: 0 };
  }
  const statements = (Array.isArray(ast) ? ast : [ast])
    .filter((s) => s && !(Array.isArray(s) && s.length === 0));
  if (statements.length !== 1) {
    return { ok: false, message: 'Expected exactly one statement but found ' + statements.length + '.',
      offset: -1, line: 0, column: 0 };
  }
  for (const name of identifiers(statements[0], [])) {
    if (RESERVED.has(name.toUpperCase())) {
      const offset = bare(sql, name);
      if (offset >= 0) {
        return { ok: false, message: 'Reserved keyword ' + name.toUpperCase()
          + ' used as an unquoted identifier; BigQuery needs it in backquotes (`' + name + '`).',
          ...position(sql, offset) };
      }
    }
  }
  return { ok: true, type: statements[0].type, parameters: [...parameters(statements[0], new Set())].sort() };
}

readline.createInterface({ input: process.stdin, terminal: false }).on('line', (line) => {
  let reply;
  try {
    reply = answer(JSON.parse(line).sql);
  } catch (e) {
    reply = { ok: false, message: 'Parser process failed: ' + String(e && e.stack || e), offset: -1, line: 0, column: 0 };
  }
  process.stdout.write(JSON.stringify(reply) + '\n');
});
