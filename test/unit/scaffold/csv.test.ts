/** Inspecting a user's CSV: records, header guess, numeric columns, bad rows with their lines, classes. */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvClasses, findCsvColumn, parseCsv, splitCsvRecords } from '../../../src/scaffold/core/csv';
import { buildCsvSource, defaultFeatureColumns, rejectedRows } from '../../../src/scaffold/core/csvSource';

describe('splitCsvRecords', () => {
  test('quotes, escaped quotes, commas and line breaks inside quotes', () => {
    const records = splitCsvRecords('a,"b, c","say ""hi"""\n"multi\nline",2,3\nlast,row,x');
    assert.deepEqual(records, [
      { line: 1, fields: ['a', 'b, c', 'say "hi"'] },
      { line: 2, fields: ['multi\nline', '2', '3'] },
      { line: 4, fields: ['last', 'row', 'x'] },
    ]);
  });

  test('CRLF, blank lines, whitespace-only lines, trailing newline and a BOM', () => {
    const records = splitCsvRecords('\uFEFFx,y\r\n1,2\r\n\r\n   \r\n3,4\r\n');
    assert.deepEqual(records, [
      { line: 1, fields: ['x', 'y'] },
      { line: 2, fields: ['1', '2'] },
      { line: 5, fields: ['3', '4'] },
    ]);
  });

  test('a lone CR ends a line too; a row of empty fields is kept', () => {
    assert.deepEqual(splitCsvRecords('1,2\r3,4\r,'), [
      { line: 1, fields: ['1', '2'] },
      { line: 2, fields: ['3', '4'] },
      { line: 3, fields: ['', ''] },
    ]);
  });

  test('an unclosed quote is an error naming its line', () => {
    assert.throws(() => splitCsvRecords('a,b\n1,"oops\n2,3\n'), /line 2: a quoted field is never closed/);
  });
});

describe('parseCsv', () => {
  test('guesses a header when the first row is not numeric where the data is', () => {
    const parsed = parseCsv('area,rooms,city\n50,2,Paris\n70,3,Lyon\n');
    assert.equal(parsed.hasHeader, true);
    assert.deepEqual(parsed.columnNames, ['area', 'rooms', 'city']);
    assert.deepEqual(parsed.numericColumns, [true, true, false]);
    assert.equal(parsed.rows.length, 2);
    assert.equal(parsed.rows[0]?.line, 2);
    assert.deepEqual(parsed.badRows, []);
  });

  test('no header when the first row looks like the data; columns are then named column1…', () => {
    const parsed = parseCsv('50,2,Paris\n70,3,Lyon\n');
    assert.equal(parsed.hasHeader, false);
    assert.deepEqual(parsed.columnNames, ['column1', 'column2', 'column3']);
    assert.equal(parsed.rows.length, 2);
  });

  test('an explicit hasHeader wins over the guess', () => {
    assert.equal(parseCsv('50,2\n70,3\n', true).hasHeader, true);
    const forced = parseCsv('a,b\n1,2\n', false);
    assert.equal(forced.hasHeader, false);
    assert.deepEqual(forced.badRows.map((r) => r.line), []);
    assert.deepEqual(forced.numericColumns, [false, false], 'one number out of two values is not a majority');
  });

  test('bad rows: wrong column count and non-numbers in numeric columns, with their file line numbers', () => {
    const text = 'a,b,label\r\n1,2,x\r\n\r\n3,oops,y\r\n4,5\r\n"6",7,z\r\n8,,x\r\n9,10,x,extra\r\n';
    const parsed = parseCsv(text);
    assert.deepEqual(parsed.badRows, [
      { line: 4, column: 1, message: 'column b: "oops" is not a number' },
      { line: 5, message: 'expected 3 columns, found 2' },
      { line: 7, column: 1, message: 'column b: "" is not a number' },
      { line: 8, message: 'expected 3 columns, found 4' },
    ]);
  });

  test('an empty file has no columns and no rows', () => {
    const parsed = parseCsv('\n\n');
    assert.deepEqual([parsed.columnNames, parsed.rows, parsed.badRows], [[], [], []]);
  });
});

describe('classes and columns', () => {
  const parsed = parseCsv('x,y,species\n1,2, setosa\n3,4,virginica\n5,6,setosa\n7,8\n9,10,versicolor\n');

  test('classes: distinct trimmed values in first-seen order, skipping malformed rows', () => {
    assert.deepEqual(csvClasses(parsed, 2, 'classification'), ['setosa', 'virginica', 'versicolor']);
    assert.equal(csvClasses(parsed, 2, 'regression'), undefined);
    assert.deepEqual(csvClasses(parsed, 0, 'classification'), ['1', '3', '5', '9']);
  });

  test('columns by name, case-insensitive name or 0-based index', () => {
    assert.equal(findCsvColumn(parsed, 'species'), 2);
    assert.equal(findCsvColumn(parsed, 'Species'), 2);
    assert.equal(findCsvColumn(parsed, '1'), 1);
    assert.equal(findCsvColumn(parsed, '3'), undefined);
    assert.equal(findCsvColumn(parsed, 'petal'), undefined);
  });

  test('buildCsvSource: numeric inputs but the target, classes, and clear refusals', () => {
    assert.deepEqual(defaultFeatureColumns(parsed, 2), [0, 1]);
    const source = buildCsvSource(parsed, { relativePath: 'data/iris.csv', task: 'classification', targetColumn: 2 });
    assert.deepEqual(source, {
      relativePath: 'data/iris.csv',
      hasHeader: true,
      featureColumns: [0, 1],
      targetColumn: 2,
      columnNames: ['x', 'y', 'species'],
      classes: ['setosa', 'virginica', 'versicolor'],
    });
    const regression = buildCsvSource(parsed, { relativePath: 'i.csv', task: 'regression', targetColumn: 1 });
    assert.deepEqual([regression.featureColumns, regression.classes], [[0], undefined]);
    assert.throws(() => buildCsvSource(parsed, { relativePath: 'i.csv', task: 'regression', targetColumn: 2 }), /species is not numeric/);
    assert.throws(() => buildCsvSource(parsed, { relativePath: 'i.csv', task: 'classification', targetColumn: 0, featureColumns: [2] }), /species is not numeric/);
    assert.throws(() => buildCsvSource(parsed, { relativePath: 'i.csv', task: 'classification', targetColumn: 1, featureColumns: [1] }), /target/);
    const oneClass = parseCsv('a,b\n1,x\n2,x\n');
    assert.throws(() => buildCsvSource(oneClass, { relativePath: 'o.csv', task: 'classification', targetColumn: 1 }), /1 distinct value/);
  });

  test('rejectedRows: what the generated loader will refuse for the chosen columns only', () => {
    const text = 'a,b,note,label\n1,2,ok,x\n1,zz,ok,y\n1,2,ok,\n1,2\n';
    const messy = parseCsv(text);
    const ignoringB = buildCsvSource(messy, { relativePath: 'm.csv', task: 'classification', targetColumn: 3, featureColumns: [0] });
    assert.deepEqual(rejectedRows(messy, ignoringB, 'classification'), [
      { line: 4, column: 3, message: 'column label: the class is empty' },
      { line: 5, message: 'expected 4 columns, found 2' },
    ]);
    const usingB = buildCsvSource(messy, { relativePath: 'm.csv', task: 'classification', targetColumn: 3 });
    assert.deepEqual(rejectedRows(messy, usingB, 'classification').map((r) => r.line), [3, 4, 5]);
  });
});
