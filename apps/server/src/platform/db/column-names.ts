/** A camelCase name as its snake_case column: what the CamelCasePlugin does to the queries it builds, for SQL written by hand. */
export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
