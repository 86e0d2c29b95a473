const columns = new Map<string, string>();

/**
 * A camelCase name as its snake_case column: what the CamelCasePlugin does to the queries it builds,
 * for SQL written by hand. Remembered: the names are the schema's, few, and asked for on every row.
 */
export function snakeCase(name: string): string {
  let column = columns.get(name);
  if (column === undefined) columns.set(name, (column = name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)));
  return column;
}
